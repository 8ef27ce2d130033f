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
 * 延期申请 — a responsible party's request for more time on one {@link DeadlineItem}: a number of working days and a
 * reason; a supervisor grants it (the deadline moves, engine timers included) or refuses it with a comment. At most one
 * request per item is open at a time. Decided requests stay as the item's history, with their reasons.
 */
@Entity
@Table(name = "deadline_extension")
public class DeadlineExtension {

    /** Where a request stands. */
    public enum Status {
        /** 待审批 — asked for, not decided. */
        REQUESTED,
        /** 已批准 — granted: the deadline moved to {@link #getNewDue()}. */
        GRANTED,
        /** 不予批准 — refused, with the supervisor's comment. */
        REFUSED,
        /** 已撤回 — withdrawn by the party before a decision. */
        WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "item_id", nullable = false)
    private Long itemId;
    @Column(name = "working_days", nullable = false)
    private int workingDays;
    @Column(nullable = false, length = 500)
    private String reason;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;
    @Column(name = "old_due", nullable = false)
    private Instant oldDue;
    @Column(name = "requested_due", nullable = false)
    private Instant requestedDue;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_comment", length = 500)
    private String decisionComment;
    @Column(name = "new_due")
    private Instant newDue;
    @Column(name = "open_item_id")
    private Long openItemId;
    @Version
    private long version;

    protected DeadlineExtension() {
    }

    DeadlineExtension(Long itemId, int workingDays, String reason, String requestedBy, Instant requestedAt,
                      Instant oldDue, Instant requestedDue) {
        this.itemId = itemId;
        this.workingDays = workingDays;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.oldDue = oldDue;
        this.requestedDue = requestedDue;
        this.status = Status.REQUESTED;
        this.openItemId = itemId;
    }

    void grant(String by, Instant at, String comment, Instant newDue) {
        decide(Status.GRANTED, by, at, comment);
        this.newDue = newDue;
    }

    void refuse(String by, Instant at, String comment) {
        decide(Status.REFUSED, by, at, comment);
    }

    void withdraw(String by, Instant at) {
        decide(Status.WITHDRAWN, by, at, null);
    }

    private void decide(Status status, String by, Instant at, String comment) {
        this.status = status;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionComment = comment;
        this.openItemId = null;
    }

    public boolean isOpen() {
        return status == Status.REQUESTED;
    }

    public Long getId() {
        return id;
    }

    public Long getItemId() {
        return itemId;
    }

    public int getWorkingDays() {
        return workingDays;
    }

    public String getReason() {
        return reason;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getOldDue() {
        return oldDue;
    }

    public Instant getRequestedDue() {
        return requestedDue;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionComment() {
        return decisionComment;
    }

    public Instant getNewDue() {
        return newDue;
    }
}
