package org.hmcflow.enforcement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hmcflow.inspection.ViolationKind;

/** 违法行为 — one violation of a case, with the measure and grounds the decision table gave it. */
@Entity
@Table(name = "enforcement_violation")
public class CaseViolation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id", nullable = false)
    private Long caseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ViolationKind kind;
    private String pollutant;
    private String point;
    private BigDecimal measured;
    @Column(name = "limit_value")
    private BigDecimal limitValue;
    private String unit;
    @Column(name = "limit_unit")
    private String limitUnit;
    @Column(name = "ratio_to_limit")
    private BigDecimal ratioToLimit;
    @Column(name = "heavy_metal", nullable = false)
    private boolean heavyMetal;
    @Column(name = "permit_number")
    private String permitNumber;
    private String description;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Measure measure;
    @Column(name = "rule_code", nullable = false)
    private String ruleCode;
    @Column(nullable = false)
    private String grounds;

    protected CaseViolation() {
    }

    CaseViolation(Long caseId, Finding f, MeasureProposal proposal) {
        this.caseId = caseId;
        this.kind = f.kind();
        this.pollutant = f.pollutant();
        this.point = f.point();
        this.measured = f.measured();
        this.limitValue = f.limit();
        this.unit = f.unit();
        this.limitUnit = f.limitUnit();
        this.ratioToLimit = f.ratioToLimit();
        this.heavyMetal = f.heavyMetal();
        this.permitNumber = f.permitNumber();
        this.description = f.description();
        reassess(proposal);
    }

    void reassess(MeasureProposal proposal) {
        this.measure = proposal.measure();
        this.ruleCode = proposal.ruleCode();
        this.grounds = proposal.grounds();
    }

    Finding finding() {
        return new Finding(kind, pollutant, point, measured, limitValue, unit, limitUnit, ratioToLimit, heavyMetal,
                permitNumber, description);
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public ViolationKind getKind() { return kind; }
    public String getPollutant() { return pollutant; }
    public String getPoint() { return point; }
    public BigDecimal getMeasured() { return measured; }
    public BigDecimal getLimitValue() { return limitValue; }
    public String getUnit() { return unit; }
    public String getLimitUnit() { return limitUnit; }
    public BigDecimal getRatioToLimit() { return ratioToLimit; }
    public boolean isHeavyMetal() { return heavyMetal; }
    public String getPermitNumber() { return permitNumber; }
    public String getDescription() { return description; }
    public Measure getMeasure() { return measure; }
    public String getRuleCode() { return ruleCode; }
    public String getGrounds() { return grounds; }
}
