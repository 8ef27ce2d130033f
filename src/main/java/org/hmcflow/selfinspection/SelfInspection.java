package org.hmcflow.selfinspection;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/**
 * 自查 — one periodic self-inspection (隐患自查) an enterprise files: a 日常排查 (routine, monthly) or 综合排查
 * (comprehensive, yearly) check of its environmental-risk hazards, with every checklist item answered. At most one
 * per enterprise, kind and period. Filed once; never changed afterwards.
 */
@Entity
@Table(name = "self_inspection")
public class SelfInspection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SelfInspectionKind kind;
    /** {@code YYYY-MM} for a routine check, {@code YYYY} for a comprehensive one. */
    @Column(nullable = false)
    private String period;
    /** 排查日期 — the day the site was walked. */
    @Column(name = "inspected_on", nullable = false)
    private LocalDate inspectedOn;
    /** 排查人 — who walked the site (not necessarily the user who files). */
    @Column(name = "inspector_name", nullable = false)
    private String inspectorName;
    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "inspection_id", nullable = false, updatable = false)
    @OrderBy("id")
    @BatchSize(size = 50)
    private List<SelfInspectionItem> items = new ArrayList<>();

    protected SelfInspection() {
    }

    SelfInspection(Long enterpriseId, SelfInspectionKind kind, String period, LocalDate inspectedOn,
                   String inspectorName, String submittedBy, Instant submittedAt, List<SelfInspectionItem> items) {
        this.enterpriseId = enterpriseId;
        this.kind = kind;
        this.period = period;
        this.inspectedOn = inspectedOn;
        this.inspectorName = inspectorName;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
        this.items.addAll(items);
    }

    public Long getId() {
        return id;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public SelfInspectionKind getKind() {
        return kind;
    }

    public String getPeriod() {
        return period;
    }

    public LocalDate getInspectedOn() {
        return inspectedOn;
    }

    public String getInspectorName() {
        return inspectorName;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public List<SelfInspectionItem> getItems() {
        return Collections.unmodifiableList(items);
    }

    /** The hazards raised by this inspection's non-compliant items, in item order. */
    public List<Long> hazardIds() {
        return items.stream().map(SelfInspectionItem::getHazardId).filter(id -> id != null).toList();
    }
}
