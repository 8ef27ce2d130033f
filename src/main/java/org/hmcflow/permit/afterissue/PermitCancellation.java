package org.hmcflow.permit.afterissue;

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
 * 注销 / 撤销 / 吊销 — a request (by the enterprise, 注销) or a bureau's proceeding (撤销/吊销/注销) to end a permit: its
 * ground, legal article, fine, hearing notice, approval and publication.
 */
@Entity
@Table(name = "permit_cancellation")
public class PermitCancellation {

    public enum State { PROPOSED, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "permit_id", nullable = false)
    private Long permitId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CancellationKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CancellationGround ground;
    @Column(name = "legal_basis", nullable = false)
    private String legalBasis;
    @Column(name = "penalty_yuan")
    private BigDecimal penaltyYuan;
    @Column(name = "hearing_notice_on")
    private LocalDate hearingNoticeOn;
    @Column(nullable = false)
    private String facts;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_comment")
    private String decisionComment;
    @Column(name = "published_on")
    private LocalDate publishedOn;
    @Column(name = "barred_until")
    private LocalDate barredUntil;

    protected PermitCancellation() {
    }

    PermitCancellation(Long permitId, CancellationGround ground, BigDecimal penaltyYuan, LocalDate hearingNoticeOn,
                       String facts, String requestedBy, Instant requestedAt) {
        this.permitId = permitId;
        this.kind = ground.kind();
        this.ground = ground;
        this.legalBasis = ground.legalBasis();
        this.penaltyYuan = penaltyYuan;
        this.hearingNoticeOn = hearingNoticeOn;
        this.facts = facts;
        this.state = State.PROPOSED;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void approved(String by, Instant at, String comment, LocalDate publishedOn, LocalDate barredUntil) {
        this.state = State.APPROVED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionComment = comment;
        this.publishedOn = publishedOn;
        this.barredUntil = barredUntil;
    }

    void rejected(String by, Instant at, String comment) {
        this.state = State.REJECTED;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionComment = comment;
    }

    public Long getId() { return id; }
    public Long getPermitId() { return permitId; }
    public CancellationKind getKind() { return kind; }
    public CancellationGround getGround() { return ground; }
    public String getLegalBasis() { return legalBasis; }
    public BigDecimal getPenaltyYuan() { return penaltyYuan; }
    public LocalDate getHearingNoticeOn() { return hearingNoticeOn; }
    public String getFacts() { return facts; }
    public State getState() { return state; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionComment() { return decisionComment; }
    public LocalDate getPublishedOn() { return publishedOn; }
    public LocalDate getBarredUntil() { return barredUntil; }
}
