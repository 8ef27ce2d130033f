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
import java.time.Instant;
import java.time.LocalDate;

/**
 * 执法案件 — one enforcement case against one enterprise: the measure proposed by the decision table and the one
 * decided, the periods that run, the escalations taken and how it ended. Every change goes with an audit row.
 */
@Entity
@Table(name = "enforcement_case")
public class EnforcementCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Column(name = "inspection_id")
    private Long inspectionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseSource source;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseState state;
    @Column(name = "opened_by", nullable = false)
    private String openedBy;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_measure", nullable = false)
    private Measure proposedMeasure;
    @Column(name = "proposed_grounds", nullable = false)
    private String proposedGrounds;
    @Enumerated(EnumType.STRING)
    private Measure measure;
    @Column(name = "measure_reason")
    private String measureReason;
    @Column(name = "order_text")
    private String orderText;
    @Column(name = "decided_on")
    private LocalDate decidedOn;
    @Column(name = "decision_published_on")
    private LocalDate decisionPublishedOn;
    @Column(name = "rectification_due")
    private Instant rectificationDue;
    @Column(name = "plan_due")
    private Instant planDue;
    @Column(name = "plan_text")
    private String planText;
    @Column(name = "plan_published_on")
    private LocalDate planPublishedOn;
    @Column(nullable = false)
    private int reinspections;
    @Column(name = "extension_used", nullable = false)
    private boolean extensionUsed;
    @Column(name = "extension_months")
    private Integer extensionMonths;
    @Column(name = "daily_fine_since")
    private LocalDate dailyFineSince;
    @Column(name = "daily_fine_base")
    private BigDecimal dailyFineBase;
    @Column(name = "daily_fine_base_article")
    private String dailyFineBaseArticle;
    @Column(name = "lifted_on")
    private LocalDate liftedOn;
    @Column(name = "closure_proposed_on")
    private LocalDate closureProposedOn;
    @Column(name = "closure_decided")
    private String closureDecided;
    @Column(name = "closed_on")
    private LocalDate closedOn;
    private String outcome;
    @Column(nullable = false)
    private boolean blacklisted;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "source_reference")
    private String sourceReference;
    @Column(name = "referral_facts")
    private String referralFacts;

    protected EnforcementCase() {
    }

    EnforcementCase(Long enterpriseId, Long inspectionId, CaseSource source, String openedBy, Instant openedAt,
                    Measure proposedMeasure, String proposedGrounds) {
        this.enterpriseId = enterpriseId;
        this.inspectionId = inspectionId;
        this.source = source;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
        this.proposedMeasure = proposedMeasure;
        this.proposedGrounds = proposedGrounds;
        this.state = CaseState.PROPOSED;
    }

    /** 案件编号, e.g. ZF-2026-0007. */
    public String getReference() {
        return "ZF-" + openedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear() + "-"
                + String.format("%04d", id);
    }

    /** 移送 — the referring case's reference and the facts it gave ({@link EnforcementReferral}). */
    void referred(String sourceReference, String facts) {
        this.sourceReference = sourceReference;
        this.referralFacts = facts;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void moveTo(CaseState next) {
        this.state = next;
    }

    void propose(Measure measure, String grounds) {
        this.proposedMeasure = measure;
        this.proposedGrounds = grounds;
    }

    void decide(Measure measure, String reason, String orderText, LocalDate on) {
        this.measure = measure;
        this.measureReason = reason;
        this.orderText = orderText;
        this.decidedOn = on;
    }

    void decisionPublished(LocalDate on, Instant planDue) {
        this.decisionPublishedOn = on;
        this.planDue = planDue;
    }

    void rectifyUntil(Instant due) {
        this.rectificationDue = due;
    }

    void planFiled(String text, LocalDate publishedOn) {
        this.planText = text;
        this.planPublishedOn = publishedOn;
    }

    int nextReinspection() {
        return ++reinspections;
    }

    void extended(int months) {
        this.extensionUsed = true;
        this.extensionMonths = months;
    }

    void dailyFinesFrom(LocalDate since, BigDecimal base, String article) {
        this.dailyFineSince = since;
        this.dailyFineBase = base;
        this.dailyFineBaseArticle = article;
    }

    void dailyFinesEnded() {
        this.dailyFineSince = null;
    }

    void lifted(LocalDate on) {
        this.liftedOn = on;
    }

    void closureProposed(LocalDate on) {
        this.closureProposedOn = on;
    }

    void closureDecided(String decision) {
        this.closureDecided = decision;
    }

    void close(LocalDate on, String outcome, boolean blacklisted) {
        this.closedOn = on;
        this.outcome = outcome;
        this.blacklisted = blacklisted;
        this.state = CaseState.CLOSED;
    }

    public Long getId() { return id; }
    public Long getEnterpriseId() { return enterpriseId; }
    public Long getInspectionId() { return inspectionId; }
    public CaseSource getSource() { return source; }
    public CaseState getState() { return state; }
    public String getOpenedBy() { return openedBy; }
    public Instant getOpenedAt() { return openedAt; }
    public Measure getProposedMeasure() { return proposedMeasure; }
    public String getProposedGrounds() { return proposedGrounds; }
    public Measure getMeasure() { return measure; }
    public String getMeasureReason() { return measureReason; }
    public String getOrderText() { return orderText; }
    public LocalDate getDecidedOn() { return decidedOn; }
    public LocalDate getDecisionPublishedOn() { return decisionPublishedOn; }
    public Instant getRectificationDue() { return rectificationDue; }
    public Instant getPlanDue() { return planDue; }
    public String getPlanText() { return planText; }
    public LocalDate getPlanPublishedOn() { return planPublishedOn; }
    public int getReinspections() { return reinspections; }
    public boolean isExtensionUsed() { return extensionUsed; }
    public Integer getExtensionMonths() { return extensionMonths; }
    public LocalDate getDailyFineSince() { return dailyFineSince; }
    public BigDecimal getDailyFineBase() { return dailyFineBase; }
    public String getDailyFineBaseArticle() { return dailyFineBaseArticle; }
    public LocalDate getLiftedOn() { return liftedOn; }
    public LocalDate getClosureProposedOn() { return closureProposedOn; }
    public String getClosureDecided() { return closureDecided; }
    public LocalDate getClosedOn() { return closedOn; }
    public String getOutcome() { return outcome; }
    public boolean isBlacklisted() { return blacklisted; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getSourceReference() { return sourceReference; }
    public String getReferralFacts() { return referralFacts; }
}
