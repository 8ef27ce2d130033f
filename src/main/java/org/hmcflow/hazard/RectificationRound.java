package org.hmcflow.hazard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 整改轮次 — one round of rectification of a hazard: its deadline, for a major hazard the written plan (targets,
 * measures, funds, responsible person, interim measures), the enterprise's report, and the verification.
 */
@Entity
@Table(name = "rectification_round")
public class RectificationRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "hazard_id", nullable = false)
    private Long hazardId;
    @Column(name = "round_no", nullable = false)
    private int roundNo;
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;
    @Column(name = "plan_targets")
    private String planTargets;
    @Column(name = "plan_measures")
    private String planMeasures;
    /** 整改资金 in 万元 (CNY 10,000). */
    @Column(name = "plan_funds")
    private BigDecimal planFunds;
    @Column(name = "plan_responsible_person")
    private String planResponsiblePerson;
    @Column(name = "plan_interim_measures")
    private String planInterimMeasures;
    @Column(name = "plan_approved")
    private Boolean planApproved;
    @Column(name = "report_summary")
    private String reportSummary;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "expert_names")
    private String expertNames;
    @Column(name = "expert_opinion")
    private String expertOpinion;
    @Column(name = "verification_passed")
    private Boolean verificationPassed;
    @Column(name = "verification_comment")
    private String verificationComment;
    @Column(name = "verified_by")
    private String verifiedBy;
    @Column(name = "verified_at")
    private Instant verifiedAt;

    protected RectificationRound() {
    }

    RectificationRound(Long hazardId, int roundNo, LocalDate dueDate) {
        this.hazardId = hazardId;
        this.roundNo = roundNo;
        this.dueDate = dueDate;
    }

    void plan(String targets, String measures, BigDecimal funds, String responsiblePerson, String interimMeasures) {
        this.planTargets = targets;
        this.planMeasures = measures;
        this.planFunds = funds;
        this.planResponsiblePerson = responsiblePerson;
        this.planInterimMeasures = interimMeasures;
        this.planApproved = null;
    }

    void planReviewed(boolean approved) {
        this.planApproved = approved;
    }

    void reported(String summary, Instant at) {
        this.reportSummary = summary;
        this.reportedAt = at;
    }

    void expertOpinion(String names, String opinion) {
        this.expertNames = names;
        this.expertOpinion = opinion;
    }

    void verified(boolean passed, String comment, String by, Instant at) {
        this.verificationPassed = passed;
        this.verificationComment = comment;
        this.verifiedBy = by;
        this.verifiedAt = at;
    }

    void reschedule(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    public Long getId() {
        return id;
    }

    public Long getHazardId() {
        return hazardId;
    }

    public int getRoundNo() {
        return roundNo;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public String getPlanTargets() {
        return planTargets;
    }

    public String getPlanMeasures() {
        return planMeasures;
    }

    public BigDecimal getPlanFunds() {
        return planFunds;
    }

    public String getPlanResponsiblePerson() {
        return planResponsiblePerson;
    }

    public String getPlanInterimMeasures() {
        return planInterimMeasures;
    }

    public Boolean getPlanApproved() {
        return planApproved;
    }

    public String getReportSummary() {
        return reportSummary;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public String getExpertNames() {
        return expertNames;
    }

    public String getExpertOpinion() {
        return expertOpinion;
    }

    public Boolean getVerificationPassed() {
        return verificationPassed;
    }

    public String getVerificationComment() {
        return verificationComment;
    }

    public String getVerifiedBy() {
        return verifiedBy;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }
}
