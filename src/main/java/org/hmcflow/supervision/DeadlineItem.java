package org.hmcflow.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * 期限事项 — one deadline of one responsible party: a step offered to a department or an enterprise, or a deadline of
 * a whole case (a statutory clock). A step offered to three departments has three. Written in the transaction that
 * opens, moves or ends the deadline; closed rows stay as history. Its SLA state is never stored: {@link #stateAt}
 * derives it from the boundaries, computed in working days when the due date was set.
 */
@Entity
@Table(name = "deadline_item")
public class DeadlineItem {

    /** Who must act. */
    public enum ResponsibleKind {
        /** A department's or the bureau's group (a candidate group other than an enterprise's). */
        DEPARTMENT,
        /** An enterprise's group ({@code enterprise-<id>}). */
        ENTERPRISE,
        /** One user, when the step is assigned to a user and offered to no group. */
        USER
    }

    /** Why an item closed. */
    public enum CloseReason {
        /** The step was done. */
        DONE,
        /** The step ended without being done (the case was cancelled, an event took it away). */
        CANCELLED,
        /** The step is no longer offered to this party (reassigned to another department). */
        REASSIGNED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private String responsible;
    @Enumerated(EnumType.STRING)
    @Column(name = "responsible_kind", nullable = false)
    private ResponsibleKind responsibleKind;
    @Column(nullable = false)
    private String lifecycle;
    @Column(name = "case_ref")
    private String caseRef;
    @Column(name = "step_key", nullable = false)
    private String stepKey;
    @Column(name = "step_name")
    private String stepName;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "task_id")
    private String taskId;
    @Column(name = "enterprise_id")
    private Long enterpriseId;
    private String county;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Column(name = "due_soon_from", nullable = false)
    private Instant dueSoonFrom;
    @Column(name = "seriously_overdue_from", nullable = false)
    private Instant seriouslyOverdueFrom;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason")
    private CloseReason closeReason;
    @Column(name = "paused_since")
    private Instant pausedSince;
    @Column(name = "open_key")
    private String openKey;
    @Version
    private long version;

    protected DeadlineItem() {
    }

    DeadlineItem(String subject, String responsible, ResponsibleKind responsibleKind, String lifecycle, String caseRef,
                 String stepKey, String stepName, String processInstanceId, String taskId, Long enterpriseId,
                 String county, Boundaries boundaries, Instant openedAt) {
        this.subject = subject;
        this.responsible = responsible;
        this.responsibleKind = responsibleKind;
        this.lifecycle = lifecycle;
        this.caseRef = caseRef;
        this.stepKey = stepKey;
        this.stepName = stepName;
        this.processInstanceId = processInstanceId;
        this.taskId = taskId;
        this.enterpriseId = enterpriseId;
        this.county = county;
        this.openedAt = openedAt;
        this.openKey = subject + "|" + responsible;
        move(boundaries);
    }

    /** The three instants an item's state turns at. */
    record Boundaries(Instant dueSoonFrom, Instant dueAt, Instant seriouslyOverdueFrom) {
    }

    /** Moves the boundaries; a paused item runs again. */
    void move(Boundaries boundaries) {
        this.pausedSince = null;
        this.dueSoonFrom = boundaries.dueSoonFrom();
        this.dueAt = boundaries.dueAt();
        this.seriouslyOverdueFrom = boundaries.seriouslyOverdueFrom();
    }

    /** Counts the boundaries again (the calendar changed); the due date stays, and so does a pause. */
    void recount(Boundaries boundaries) {
        this.dueSoonFrom = boundaries.dueSoonFrom();
        this.seriouslyOverdueFrom = boundaries.seriouslyOverdueFrom();
    }

    /** The clock stands still from {@code at}: the item keeps its due date but is neither due nor overdue. */
    void pause(Instant at) {
        if (pausedSince == null) {
            pausedSince = at;
        }
    }

    void close(CloseReason reason, Instant at) {
        this.closedAt = at;
        this.closeReason = reason;
        this.openKey = null;
    }

    /** The state at {@code now}; null once closed. */
    public SlaState stateAt(Instant now) {
        if (closedAt != null) {
            return null;
        }
        if (pausedSince != null) {
            return SlaState.PAUSED;
        }
        if (now.isBefore(dueSoonFrom)) {
            return SlaState.ON_TRACK;
        }
        if (now.isBefore(dueAt)) {
            return SlaState.DUE_SOON;
        }
        return now.isBefore(seriouslyOverdueFrom) ? SlaState.OVERDUE : SlaState.SERIOUSLY_OVERDUE;
    }

    public boolean isPaused() {
        return pausedSince != null;
    }

    public Instant getPausedSince() {
        return pausedSince;
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public Long getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getResponsible() {
        return responsible;
    }

    public ResponsibleKind getResponsibleKind() {
        return responsibleKind;
    }

    public String getLifecycle() {
        return lifecycle;
    }

    public String getCaseRef() {
        return caseRef;
    }

    public String getStepKey() {
        return stepKey;
    }

    public String getStepName() {
        return stepName;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getTaskId() {
        return taskId;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public String getCounty() {
        return county;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getDueSoonFrom() {
        return dueSoonFrom;
    }

    public Instant getSeriouslyOverdueFrom() {
        return seriouslyOverdueFrom;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public CloseReason getCloseReason() {
        return closeReason;
    }
}
