package org.hmcflow.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.hmcflow.enterprise.Pollutant;

/**
 * 检查计划 — an inspection plan: a periodic plan of one county for one year (日常监督检查) or a special enforcement
 * campaign (专项执法检查), with its scope, its period and the date after which its drawn list is public (公开).
 */
@Entity
@Table(name = "inspection_plan")
public class InspectionPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "plan_type", nullable = false)
    private PlanType type;
    @Column(name = "plan_year", nullable = false)
    private int year;
    /** 县（市、区）; null for a city-wide campaign. */
    private String county;
    /** What the plan checks, e.g. 偷排漏排、监测弄虚作假、不正常使用污染防治设施. */
    @Column(nullable = false)
    private String scope;
    /** Element symbols, comma-separated; only enterprises with one of these key pollutants are in scope. Empty: all. */
    @Column(name = "scope_pollutants", nullable = false)
    private String scopePollutants;
    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;
    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;
    @Column(name = "publish_after", nullable = false)
    private LocalDate publishAfter;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected InspectionPlan() {
    }

    InspectionPlan(String name, PlanType type, int year, String county, String scope, List<Pollutant> scopePollutants,
                   LocalDate periodStart, LocalDate periodEnd, LocalDate publishAfter, String createdBy,
                   Instant createdAt) {
        this.name = name;
        this.type = type;
        this.year = year;
        this.county = county;
        this.scope = scope;
        this.scopePollutants = scopePollutants.stream().map(Enum::name).collect(Collectors.joining(","));
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.publishAfter = publishAfter;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Whether the drawn list may be public on {@code today}: once the publish-after date has passed. */
    boolean publishedOn(LocalDate today) {
        return today.isAfter(publishAfter);
    }

    /** Whether an enterprise in {@code enterpriseCounty} with these key pollutants is within the plan's scope. */
    boolean covers(String enterpriseCounty, List<Pollutant> keyPollutants) {
        if (county != null && !county.equals(enterpriseCounty)) {
            return false;
        }
        List<Pollutant> scoped = getScopePollutants();
        return scoped.isEmpty() || keyPollutants.stream().anyMatch(scoped::contains);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public PlanType getType() {
        return type;
    }

    public int getYear() {
        return year;
    }

    public String getCounty() {
        return county;
    }

    public String getScope() {
        return scope;
    }

    public List<Pollutant> getScopePollutants() {
        return Arrays.stream(scopePollutants.split(",")).filter(s -> !s.isBlank()).map(Pollutant::valueOf).toList();
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public LocalDate getPublishAfter() {
        return publishAfter;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
