package org.hmcflow.permit.application;

import org.hmcflow.review.PartyKind;
import org.hmcflow.review.ReviewChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records on the application what happens in its joint review, which runs as a multi-party review: a department's
 * opinion (and the move on once all have answered), a reminder, a department late.
 */
@Component
class PermitJointReview {

    private final PermitApplicationWorkflow workflow;

    PermitJointReview(PermitApplicationWorkflow workflow) {
        this.workflow = workflow;
    }

    @EventListener
    void on(ReviewChanged event) {
        if (!PermitApplicationProcess.CASE_TYPE.equals(event.subjectType()) || event.partyKind() != PartyKind.DEPARTMENT) {
            return;
        }
        Long applicationId = Long.valueOf(event.subjectRef());
        switch (event.kind()) {
            case OPINION_RECORDED -> workflow.jointOpinionGiven(applicationId, event.departmentCode(),
                    JointOpinion.valueOf(event.opinion().name()), event.opinionText(), event.late(), event.actor());
            case PARTY_REMINDED -> workflow.jointReviewReminded(applicationId, event.departmentCode());
            case PARTY_OVERDUE -> workflow.jointReviewOverdue(applicationId, event.departmentCode(), event.dueAt());
            default -> {
            }
        }
    }
}
