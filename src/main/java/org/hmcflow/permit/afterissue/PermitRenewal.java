package org.hmcflow.permit.afterissue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 延续申请 — one renewal application of a permit (排污许可管理条例 Art 14) and its outcome; kept after the decision. */
@Entity
@Table(name = "permit_renewal")
public class PermitRenewal {

    /** FILED → ACCEPTED → APPROVED | REFUSED; FILED → NOT_ACCEPTED; any open one → LAPSED when the permit expires. */
    public enum State { FILED, ACCEPTED, NOT_ACCEPTED, APPROVED, REFUSED, LAPSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "permit_id", nullable = false)
    private Long permitId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(name = "filed_on", nullable = false)
    private LocalDate filedOn;
    @Column(name = "filed_by", nullable = false)
    private String filedBy;
    @Column(name = "filing_due", nullable = false)
    private LocalDate filingDue;
    @Column(nullable = false)
    private boolean late;
    @Column(name = "contents_unchanged", nullable = false)
    private boolean contentsUnchanged;
    @Column(name = "changed_items")
    private String changedItems;
    @Column(nullable = false)
    private String statement;
    @Column(name = "accepted_on")
    private LocalDate acceptedOn;
    @Column(name = "deemed_accepted", nullable = false)
    private boolean deemedAccepted;
    @Column(name = "decision_due")
    private Instant decisionDue;
    private String decision;
    @Column(name = "decision_comment")
    private String decisionComment;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "old_valid_until", nullable = false)
    private LocalDate oldValidUntil;
    @Column(name = "new_valid_until")
    private LocalDate newValidUntil;

    protected PermitRenewal() {
    }

    PermitRenewal(Long permitId, LocalDate filedOn, String filedBy, LocalDate filingDue, boolean contentsUnchanged,
                  String changedItems, String statement, LocalDate oldValidUntil) {
        this.permitId = permitId;
        this.state = State.FILED;
        this.filedOn = filedOn;
        this.filedBy = filedBy;
        this.filingDue = filingDue;
        this.late = filedOn.isAfter(filingDue);
        this.contentsUnchanged = contentsUnchanged;
        this.changedItems = changedItems;
        this.statement = statement;
        this.oldValidUntil = oldValidUntil;
    }

    void accepted(LocalDate on, boolean deemed, Instant decisionDue) {
        this.state = State.ACCEPTED;
        this.acceptedOn = on;
        this.deemedAccepted = deemed;
        this.decisionDue = decisionDue;
    }

    void notAccepted(String reason, String by, Instant at) {
        this.state = State.NOT_ACCEPTED;
        this.decisionComment = reason;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void decided(boolean approved, String comment, String by, Instant at, LocalDate newValidUntil) {
        this.state = approved ? State.APPROVED : State.REFUSED;
        this.decision = approved ? "APPROVE" : "REFUSE";
        this.decisionComment = comment;
        this.decidedBy = by;
        this.decidedAt = at;
        this.newValidUntil = newValidUntil;
    }

    void lapsed() {
        this.state = State.LAPSED;
    }

    boolean isOpen() {
        return state == State.FILED || state == State.ACCEPTED;
    }

    public Long getId() { return id; }
    public Long getPermitId() { return permitId; }
    public State getState() { return state; }
    public LocalDate getFiledOn() { return filedOn; }
    public String getFiledBy() { return filedBy; }
    public LocalDate getFilingDue() { return filingDue; }
    public boolean isLate() { return late; }
    public boolean isContentsUnchanged() { return contentsUnchanged; }
    public String getChangedItems() { return changedItems; }
    public String getStatement() { return statement; }
    public LocalDate getAcceptedOn() { return acceptedOn; }
    public boolean isDeemedAccepted() { return deemedAccepted; }
    public Instant getDecisionDue() { return decisionDue; }
    public String getDecision() { return decision; }
    public String getDecisionComment() { return decisionComment; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public LocalDate getOldValidUntil() { return oldValidUntil; }
    public LocalDate getNewValidUntil() { return newValidUntil; }
}
