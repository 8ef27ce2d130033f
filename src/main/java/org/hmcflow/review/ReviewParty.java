package org.hmcflow.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 审查方 — one party of a {@link Review}: a department or an expert, its own deadline (from an SLA rule the caller
 * named) and, once given, its opinion with the conditions or reasons, who signed it and who recorded it.
 */
@Entity
@Table(name = "review_party")
public class ReviewParty {

    /** PENDING while the opinion is owed. */
    public enum State {
        PENDING,
        GIVEN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "review_id", nullable = false)
    private Long reviewId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartyKind kind;
    @Column(name = "department_code")
    private String departmentCode;
    @Column(name = "expert_id")
    private Long expertId;
    @Column(name = "sla_rule", nullable = false)
    private String slaRule;
    @Column(name = "requested_on", nullable = false)
    private LocalDate requestedOn;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Column(name = "reminder_at", nullable = false)
    private Instant reminderAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(nullable = false)
    private boolean late;
    @Enumerated(EnumType.STRING)
    private Opinion opinion;
    @Column(name = "opinion_text")
    private String opinionText;
    @Column(name = "signed_by")
    private String signedBy;
    @Column(name = "signed_on")
    private LocalDate signedOn;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected ReviewParty() {
    }

    ReviewParty(Long reviewId, PartyKind kind, String departmentCode, Long expertId, String slaRule, LocalDate requestedOn,
                Instant dueAt, Instant reminderAt) {
        this.reviewId = reviewId;
        this.kind = kind;
        this.departmentCode = departmentCode;
        this.expertId = expertId;
        this.slaRule = slaRule;
        this.requestedOn = requestedOn;
        this.dueAt = dueAt;
        this.reminderAt = reminderAt;
        this.state = State.PENDING;
    }

    void give(Opinion opinion, String text, String signedBy, LocalDate signedOn, String recordedBy, Instant at) {
        this.opinion = opinion;
        this.opinionText = text;
        this.signedBy = signedBy;
        this.signedOn = signedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = at;
        this.state = State.GIVEN;
        if (at.isAfter(dueAt)) {
            this.late = true;
        }
    }

    void markLate() {
        this.late = true;
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    public Long getId() {
        return id;
    }

    public Long getReviewId() {
        return reviewId;
    }

    public PartyKind getKind() {
        return kind;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public Long getExpertId() {
        return expertId;
    }

    public String getSlaRule() {
        return slaRule;
    }

    public LocalDate getRequestedOn() {
        return requestedOn;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getReminderAt() {
        return reminderAt;
    }

    public State getState() {
        return state;
    }

    public boolean isLate() {
        return late;
    }

    public Opinion getOpinion() {
        return opinion;
    }

    public String getOpinionText() {
        return opinionText;
    }

    public String getSignedBy() {
        return signedBy;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
