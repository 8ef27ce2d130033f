package org.hmcflow.inspection;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 监督检查 — one inspection of one enterprise by at least two inspectors: preparation, the on-site record (checklist
 * answers, evidence), the enterprise's confirmation or dispute, the monitoring results, and the findings with the
 * cases they opened (hazard, enforcement). Started from a drawn plan (双随机) or ad hoc (e.g. after a complaint).
 */
@Entity
@Table(name = "inspection")
public class Inspection {

    /** Why the inspection takes place. */
    public enum Origin {
        /** 双随机 — drawn from a plan. */
        PLAN,
        /** 专项/举报 — decided by a reviewer, e.g. after a complaint. */
        AD_HOC,
        /**
         * 为其他业务而检查 — for a case of another lifecycle (e.g. "confirm production stopped" for a relocation or
         * closure plan), named by {@link #getOriginType()} and {@link #getOriginRef()}, told by {@link InspectionClosed}.
         */
        LIFECYCLE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Origin origin;
    @Column(name = "plan_id")
    private Long planId;
    @Column(name = "drawn_inspection_id")
    private Long drawnInspectionId;
    @Column
    private String reason;
    @Column(name = "inspectors_group", nullable = false)
    private String inspectorsGroup;
    @Column(name = "checklist_code", nullable = false)
    private String checklistCode;
    @Column(name = "sampling_required", nullable = false)
    private boolean samplingRequired;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InspectionState state;
    @Column(name = "preparation_note")
    private String preparationNote;
    @Column(name = "inspected_on")
    private LocalDate inspectedOn;
    @Column(name = "record_summary")
    private String recordSummary;
    @Column
    private String witness;
    @Enumerated(EnumType.STRING)
    @Column(name = "record_status", nullable = false)
    private RecordStatus recordStatus;
    @Column
    private String representative;
    @Column(name = "dispute_reason")
    private String disputeReason;
    @Column(name = "dispute_outcome")
    private String disputeOutcome;
    @Column(name = "dispute_response")
    private String disputeResponse;
    @Column(name = "original_summary")
    private String originalSummary;
    @Column(name = "monitoring_report_no")
    private String monitoringReportNo;
    @Column(name = "sampled_on")
    private LocalDate sampledOn;
    @Column(name = "hazard_found", nullable = false)
    private boolean hazardFound;
    @Column(name = "violation_found", nullable = false)
    private boolean violationFound;
    @Column(name = "findings_comment")
    private String findingsComment;
    @Column(name = "hazard_id")
    private Long hazardId;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(nullable = false)
    private boolean overdue;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "origin_type")
    private String originType;
    @Column(name = "origin_ref")
    private String originRef;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inspection_inspector", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "seq")
    @Column(name = "inspector_id", nullable = false)
    private List<Long> inspectorIds = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "inspection_present_inspector", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "seq")
    @Column(name = "inspector_id", nullable = false)
    private List<Long> presentInspectorIds = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "inspection_answer", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "seq")
    private List<ChecklistAnswer> answers = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "inspection_measurement", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "seq")
    private List<StoredMeasurement> measurements = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "inspection_violation", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "seq")
    private List<FoundViolation> violations = new ArrayList<>();

    protected Inspection() {
    }

    Inspection(Long enterpriseId, Origin origin, Long planId, Long drawnInspectionId, String reason,
               List<Long> inspectorIds, String inspectorsGroup, String checklistCode, boolean samplingRequired,
               String createdBy, Instant createdAt) {
        this.enterpriseId = enterpriseId;
        this.origin = origin;
        this.planId = planId;
        this.drawnInspectionId = drawnInspectionId;
        this.reason = reason;
        this.inspectorIds = new ArrayList<>(inspectorIds);
        this.inspectorsGroup = inspectorsGroup;
        this.checklistCode = checklistCode;
        this.samplingRequired = samplingRequired;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.state = InspectionState.PREPARING;
        this.recordStatus = RecordStatus.PENDING;
    }

    /** The lifecycle and case this inspection is for (origin {@link Origin#LIFECYCLE}). */
    void forCase(String originType, String originRef) {
        this.originType = originType;
        this.originRef = originRef;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void prepared(String note, boolean samplingRequired) {
        this.preparationNote = note;
        this.samplingRequired = samplingRequired;
        this.state = InspectionState.ON_SITE;
        this.overdue = false;
    }

    void recorded(LocalDate inspectedOn, List<Long> present, List<ChecklistAnswer> answers, String summary,
                  String witness) {
        this.inspectedOn = inspectedOn;
        this.presentInspectorIds = new ArrayList<>(present);
        this.answers = new ArrayList<>(answers);
        this.recordSummary = summary;
        this.witness = witness;
        this.state = InspectionState.AWAITING_CONFIRMATION;
        this.overdue = false;
    }

    void confirmed(String representative) {
        this.representative = representative;
        this.recordStatus = RecordStatus.CONFIRMED;
        this.overdue = false;
    }

    void disputed(String representative, String reason) {
        this.representative = representative;
        this.disputeReason = reason;
        this.recordStatus = RecordStatus.DISPUTED;
        this.state = InspectionState.DISPUTE_REVIEW;
        this.overdue = false;
    }

    void refusedToSign() {
        this.recordStatus = RecordStatus.REFUSED_TO_SIGN;
    }

    /** The inspectors' answer to a dispute; an amended record keeps the first one. Both statements stay. */
    void disputeAnswered(String outcome, String response, String amendedSummary) {
        this.disputeOutcome = outcome;
        this.disputeResponse = response;
        if (amendedSummary != null) {
            this.originalSummary = this.recordSummary;
            this.recordSummary = amendedSummary;
        }
        this.overdue = false;
    }

    void recordSettled() {
        this.state = samplingRequired ? InspectionState.MONITORING : InspectionState.DECIDING;
    }

    void monitored(String reportNo, LocalDate sampledOn, List<StoredMeasurement> measurements) {
        this.monitoringReportNo = reportNo;
        this.sampledOn = sampledOn;
        this.measurements = new ArrayList<>(measurements);
        this.state = InspectionState.DECIDING;
        this.overdue = false;
    }

    void decided(boolean hazard, boolean violation, String comment, List<FoundViolation> violations, String by,
                 Instant at) {
        this.hazardFound = hazard;
        this.violationFound = violation;
        this.findingsComment = comment;
        this.violations = new ArrayList<>(violations);
        this.decidedBy = by;
        this.decidedAt = at;
        this.state = hazard || violation ? InspectionState.REFERRED : InspectionState.CLOSED;
        this.overdue = false;
    }

    void hazardOpened(Long hazardId) {
        this.hazardId = hazardId;
    }

    void markOverdue() {
        this.overdue = true;
    }

    /** 检查结果 as published: NO_PROBLEM, HAZARD, VIOLATION or HAZARD_AND_VIOLATION; null before the findings. */
    public String result() {
        if (state != InspectionState.CLOSED && state != InspectionState.REFERRED) {
            return null;
        }
        if (hazardFound && violationFound) {
            return "HAZARD_AND_VIOLATION";
        }
        return hazardFound ? "HAZARD" : violationFound ? "VIOLATION" : "NO_PROBLEM";
    }

    /** The enterprise sees its inspection once the inspectors have been on site (no tip-off before). */
    boolean shownToEnterprise() {
        return state != InspectionState.PREPARING && state != InspectionState.ON_SITE;
    }

    public Long getId() {
        return id;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public Origin getOrigin() {
        return origin;
    }

    public Long getPlanId() {
        return planId;
    }

    public Long getDrawnInspectionId() {
        return drawnInspectionId;
    }

    public String getReason() {
        return reason;
    }

    public String getInspectorsGroup() {
        return inspectorsGroup;
    }

    public String getChecklistCode() {
        return checklistCode;
    }

    public boolean isSamplingRequired() {
        return samplingRequired;
    }

    public InspectionState getState() {
        return state;
    }

    public String getPreparationNote() {
        return preparationNote;
    }

    public LocalDate getInspectedOn() {
        return inspectedOn;
    }

    public String getRecordSummary() {
        return recordSummary;
    }

    public String getWitness() {
        return witness;
    }

    public RecordStatus getRecordStatus() {
        return recordStatus;
    }

    public String getRepresentative() {
        return representative;
    }

    public String getDisputeReason() {
        return disputeReason;
    }

    public String getDisputeOutcome() {
        return disputeOutcome;
    }

    public String getDisputeResponse() {
        return disputeResponse;
    }

    public String getOriginalSummary() {
        return originalSummary;
    }

    public String getMonitoringReportNo() {
        return monitoringReportNo;
    }

    public LocalDate getSampledOn() {
        return sampledOn;
    }

    public boolean isHazardFound() {
        return hazardFound;
    }

    public boolean isViolationFound() {
        return violationFound;
    }

    public String getFindingsComment() {
        return findingsComment;
    }

    public Long getHazardId() {
        return hazardId;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    /** The lifecycle type this inspection is for (e.g. {@code RELOCATION}), null for a plan's or an ad hoc one. */
    public String getOriginType() {
        return originType;
    }

    /** The case of {@link #getOriginType()} this inspection is for, null for a plan's or an ad hoc one. */
    public String getOriginRef() {
        return originRef;
    }

    public List<Long> getInspectorIds() {
        return List.copyOf(inspectorIds);
    }

    public List<Long> getPresentInspectorIds() {
        return List.copyOf(presentInspectorIds);
    }

    public List<ChecklistAnswer> getAnswers() {
        return List.copyOf(answers);
    }

    public List<StoredMeasurement> getMeasurements() {
        return List.copyOf(measurements);
    }

    public List<FoundViolation> getViolations() {
        return List.copyOf(violations);
    }
}
