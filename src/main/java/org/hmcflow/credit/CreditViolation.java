package org.hmcflow.credit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** 信用评价输入 — one violation of a closed enforcement case, an input of the enterprise's credit evaluation. */
@Entity
@Table(name = "credit_violation")
public class CreditViolation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Column(name = "case_id", nullable = false)
    private Long caseId;
    @Column(nullable = false)
    private String kind;
    @Column(nullable = false)
    private String measure;
    @Column(name = "closed_on", nullable = false)
    private LocalDate closedOn;

    protected CreditViolation() {
    }

    CreditViolation(Long enterpriseId, Long caseId, String kind, String measure, LocalDate closedOn) {
        this.enterpriseId = enterpriseId;
        this.caseId = caseId;
        this.kind = kind;
        this.measure = measure;
        this.closedOn = closedOn;
    }

    public Long getId() { return id; }
    public Long getEnterpriseId() { return enterpriseId; }
    public Long getCaseId() { return caseId; }
    public String getKind() { return kind; }
    public String getMeasure() { return measure; }
    public LocalDate getClosedOn() { return closedOn; }
}
