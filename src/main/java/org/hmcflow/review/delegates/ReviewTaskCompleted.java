package org.hmcflow.review.delegates;

import static org.hmcflow.review.MultiPartyReviewProcess.VAR_PARTY_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.review.ReviewWorkflow;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.shared.workflow.TasklistErrors;
import org.hmcflow.shared.workflow.WorkflowActors;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${reviewTaskCompleted}}: a party's opinion, checked and recorded; a bad value aborts the completion, so
 * nothing is written and the step stays open.
 */
@Component("reviewTaskCompleted")
@WorkflowBean
class ReviewTaskCompleted implements TaskListener {

    private final ReviewWorkflow workflow;
    private final WorkflowActors actors;
    private final TasklistErrors errors;

    ReviewTaskCompleted(ReviewWorkflow workflow, WorkflowActors actors, TasklistErrors errors) {
        this.workflow = workflow;
        this.actors = actors;
        this.errors = errors;
    }

    @Override
    public void notify(DelegateTask task) {
        errors.explain(() -> workflow.giveOpinion(((Number) task.getVariable(VAR_PARTY_ID)).longValue(),
                new FormValues(task::getVariable), actors.current()));
    }
}
