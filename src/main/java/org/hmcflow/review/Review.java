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

/**
 * 多方审查 — one review of one case of another lifecycle (its subject, e.g. {@code PERMIT_APPLICATION} 42) by several
 * parties at once: departments, whose users answer, and experts from the register, whose signed opinions the bureau
 * records. It closes with one {@link ReviewOutcome} once every party has answered.
 */
@Entity
@Table(name = "review")
public class Review {

    /** 审查状态 — open while a party's opinion is owed. */
    public enum State {
        OPEN,
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "subject_type", nullable = false)
    private String subjectType;
    @Column(name = "subject_ref", nullable = false)
    private String subjectRef;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Column(name = "bureau_group", nullable = false)
    private String bureauGroup;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Enumerated(EnumType.STRING)
    private ReviewOutcome outcome;
    @Column(name = "opened_by", nullable = false)
    private String openedBy;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Column(name = "closed_at")
    private Instant closedAt;

    protected Review() {
    }

    Review(String subjectType, String subjectRef, Long enterpriseId, String bureauGroup, String openedBy, Instant openedAt) {
        this.subjectType = subjectType;
        this.subjectRef = subjectRef;
        this.enterpriseId = enterpriseId;
        this.bureauGroup = bureauGroup;
        this.state = State.OPEN;
        this.openedBy = openedBy;
        this.openedAt = openedAt;
    }

    void close(ReviewOutcome outcome, Instant at) {
        this.state = State.CLOSED;
        this.outcome = outcome;
        this.closedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectRef() {
        return subjectRef;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public String getBureauGroup() {
        return bureauGroup;
    }

    public State getState() {
        return state;
    }

    public ReviewOutcome getOutcome() {
        return outcome;
    }

    public String getOpenedBy() {
        return openedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
