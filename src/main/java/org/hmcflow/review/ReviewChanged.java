package org.hmcflow.review;

import java.time.Instant;
import org.hmcflow.user.Actor;

/**
 * Published (synchronously, inside the change's transaction) when a review changes, so the capability whose case is
 * reviewed can record it on its own case and move on, without the review knowing any lifecycle.
 *
 * @param subjectType the reviewed case's type, e.g. {@code PERMIT_APPLICATION}
 * @param subjectRef  the reviewed case's id
 * @param partyId     the party concerned; null when the review closed
 * @param outcome     set when the review closed
 */
public record ReviewChanged(Kind kind, Long reviewId, String subjectType, String subjectRef, Long partyId,
                            PartyKind partyKind, String departmentCode, Long expertId, Opinion opinion,
                            String opinionText, boolean late, Instant dueAt, ReviewOutcome outcome, Actor actor) {

    public enum Kind {
        /** 意见已记录 — a party's opinion was given (a department) or recorded (an expert's, by the bureau). */
        OPINION_RECORDED,
        /** 提醒 — a party was reminded that its due date is near. */
        PARTY_REMINDED,
        /** 超期 — a party's due date passed without an opinion. */
        PARTY_OVERDUE,
        /** 审查结束 — every party has answered. */
        CLOSED
    }

    static ReviewChanged of(Kind kind, Review review, ReviewParty p, Actor actor) {
        return new ReviewChanged(kind, review.getId(), review.getSubjectType(), review.getSubjectRef(), p.getId(),
                p.getKind(), p.getDepartmentCode(), p.getExpertId(), p.getOpinion(), p.getOpinionText(), p.isLate(),
                p.getDueAt(), null, actor);
    }

    static ReviewChanged closed(Review review, Actor actor) {
        return new ReviewChanged(Kind.CLOSED, review.getId(), review.getSubjectType(), review.getSubjectRef(), null,
                null, null, null, null, null, false, null, review.getOutcome(), actor);
    }
}
