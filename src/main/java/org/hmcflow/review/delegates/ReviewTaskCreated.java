package org.hmcflow.review.delegates;

import static org.hmcflow.review.MultiPartyReviewProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.review.ReviewWorkflow;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${reviewTaskCreated}}: shows the party's opinion form who the party is and what is reviewed (plain values,
 * task-local, so parallel parties never see each other's).
 */
@Component("reviewTaskCreated")
@WorkflowBean
class ReviewTaskCreated implements TaskListener {

    private final ReviewWorkflow workflow;

    ReviewTaskCreated(ReviewWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void notify(DelegateTask task) {
        Long partyId = ((Number) task.getVariable(VAR_PARTY_ID)).longValue();
        task.setVariableLocal(VAR_PARTY_NAME, workflow.partyName(partyId));
        task.setVariableLocal(VAR_PARTY_KIND, workflow.kindOf(partyId).name());
        task.setVariableLocal(VAR_SUBJECT, workflow.subjectOf(partyId));
    }
}
