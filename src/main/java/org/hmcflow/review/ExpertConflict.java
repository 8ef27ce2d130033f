package org.hmcflow.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 利害关系 — an expert's declared conflict of interest with an enterprise: never a party to its cases' reviews (回避). */
@Entity
@Table(name = "review_expert_conflict")
public class ExpertConflict {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "expert_id", nullable = false)
    private Long expertId;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Column(nullable = false)
    private String reason;
    @Column(name = "declared_on", nullable = false)
    private LocalDate declaredOn;
    @Column(name = "declared_by", nullable = false)
    private String declaredBy;
    @Column(name = "declared_at", nullable = false)
    private Instant declaredAt;

    protected ExpertConflict() {
    }

    ExpertConflict(Long expertId, Long enterpriseId, String reason, LocalDate declaredOn, String declaredBy, Instant declaredAt) {
        this.expertId = expertId;
        this.enterpriseId = enterpriseId;
        this.reason = reason;
        this.declaredOn = declaredOn;
        this.declaredBy = declaredBy;
        this.declaredAt = declaredAt;
    }

    public Long getId() {
        return id;
    }

    public Long getExpertId() {
        return expertId;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getDeclaredOn() {
        return declaredOn;
    }

    public String getDeclaredBy() {
        return declaredBy;
    }

    public Instant getDeclaredAt() {
        return declaredAt;
    }
}
