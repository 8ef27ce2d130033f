package org.hmcflow.enforcement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hmcflow.monitoring.Measurement;

/** 复查监测结果 — one monitoring result of one re-inspection, with its computed ratio to the limit. */
@Entity
@Table(name = "enforcement_reinspection_result")
public class ReinspectionResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id", nullable = false)
    private Long caseId;
    @Column(name = "round_no", nullable = false)
    private int roundNo;
    @Column(name = "inspected_on", nullable = false)
    private LocalDate inspectedOn;
    @Column(name = "inspected_by", nullable = false)
    private String inspectedBy;
    @Column(nullable = false)
    private String pollutant;
    @Column(nullable = false)
    private String point;
    @Column(nullable = false)
    private BigDecimal measured;
    @Column(nullable = false)
    private String unit;
    @Column(name = "limit_value", nullable = false)
    private BigDecimal limitValue;
    @Column(name = "limit_unit", nullable = false)
    private String limitUnit;
    @Column(name = "ratio_to_limit", nullable = false)
    private BigDecimal ratioToLimit;
    @Column(nullable = false)
    private boolean exceeds;

    protected ReinspectionResult() {
    }

    ReinspectionResult(Long caseId, int roundNo, LocalDate inspectedOn, String inspectedBy, Measurement m) {
        this.caseId = caseId;
        this.roundNo = roundNo;
        this.inspectedOn = inspectedOn;
        this.inspectedBy = inspectedBy;
        this.pollutant = m.pollutant().name();
        this.point = m.point();
        this.measured = m.value();
        this.unit = m.unit().symbol();
        this.limitValue = m.limit();
        this.limitUnit = m.limitUnit().symbol();
        this.ratioToLimit = m.ratioToLimit();
        this.exceeds = m.exceeds();
    }

    public Long getId() { return id; }
    public int getRoundNo() { return roundNo; }
    public LocalDate getInspectedOn() { return inspectedOn; }
    public String getInspectedBy() { return inspectedBy; }
    public String getPollutant() { return pollutant; }
    public String getPoint() { return point; }
    public BigDecimal getMeasured() { return measured; }
    public String getUnit() { return unit; }
    public BigDecimal getLimitValue() { return limitValue; }
    public String getLimitUnit() { return limitUnit; }
    public BigDecimal getRatioToLimit() { return ratioToLimit; }
    public boolean isExceeds() { return exceeds; }
}
