package org.hmcflow.review.delegates;

import static org.hmcflow.review.MultiPartyReviewProcess.VAR_OUTCOME;
import static org.hmcflow.review.MultiPartyReviewProcess.VAR_REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hmcflow.review.ReviewWorkflow;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/** {@code ${closeReview}}: every party answered; the outcome goes back to the caller as {@code reviewOutcome}. */
@Component("closeReview")
@WorkflowBean
class CloseReview implements JavaDelegate {

    private final ReviewWorkflow workflow;

    CloseReview(ReviewWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long reviewId = ((Number) execution.getVariable(VAR_REVIEW_ID)).longValue();
        execution.setVariable(VAR_OUTCOME, workflow.close(reviewId).name());
    }
}
