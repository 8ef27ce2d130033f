package org.hmcflow.permit.application;

import java.time.Instant;
import java.time.LocalDate;
import org.hmcflow.review.ReviewParty;

/**
 * 会审 — one participating department's part in the joint review of an application: its due date and opinion. Read
 * from the application's multi-party review ({@code org.hmcflow.review}), which keeps the parties and their opinions.
 */
public final class JointReview {

    private final String departmentCode;
    private final LocalDate requestedOn;
    private final Instant dueAt;
    private final JointOpinion opinion;
    private final String comment;
    private final String givenBy;
    private final Instant givenAt;
    private final boolean late;

    JointReview(ReviewParty party) {
        this.departmentCode = party.getDepartmentCode();
        this.requestedOn = party.getRequestedOn();
        this.dueAt = party.getDueAt();
        this.opinion = party.getOpinion() == null ? null : JointOpinion.valueOf(party.getOpinion().name());
        this.comment = party.getOpinionText();
        this.givenBy = party.getRecordedBy();
        this.givenAt = party.getRecordedAt();
        this.late = party.isLate();
    }

    public boolean isPending() {
        return opinion == null;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public LocalDate getRequestedOn() {
        return requestedOn;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public JointOpinion getOpinion() {
        return opinion;
    }

    public String getComment() {
        return comment;
    }

    public String getGivenBy() {
        return givenBy;
    }

    public Instant getGivenAt() {
        return givenAt;
    }

    public boolean isLate() {
        return late;
    }
}
