package org.hmcflow.permit.application.delegates;

import static org.hmcflow.permit.application.PermitApplicationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.permit.application.PermitApplicationWorkflow;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.shared.workflow.TasklistErrors;
import org.hmcflow.shared.workflow.WorkflowActors;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Component;

/**
 * {@code ${permitTaskCompleted}}: every user task of {@code permit-application} calls this when completed. It checks
 * the submitted values and records the step; a bad value aborts the completion, so nothing is written.
 */
@Component("permitTaskCompleted")
@WorkflowBean
class PermitTaskCompleted implements TaskListener {

    private final PermitApplicationWorkflow workflow;
    private final WorkflowActors actors;
    private final TasklistErrors errors;

    PermitTaskCompleted(PermitApplicationWorkflow workflow, WorkflowActors actors, TasklistErrors errors) {
        this.workflow = workflow;
        this.actors = actors;
        this.errors = errors;
    }

    @Override
    public void notify(DelegateTask task) {
        errors.explain(() -> complete(task));
    }

    private void complete(DelegateTask task) {
        Long applicationId = ((Number) task.getVariable(VAR_APPLICATION_ID)).longValue();
        FormValues form = new FormValues(task::getVariable);
        Actor actor = actors.current();
        PermitApplicationWorkflow.Variables vars = (name, value) -> task.getExecution().setVariable(name, value);
        switch (task.getTaskDefinitionKey()) {
            case TASK_ACCEPT -> workflow.accept(applicationId, form, actor, vars);
            case TASK_SUBMIT_CORRECTIONS -> workflow.resubmitCorrections(applicationId, form, actor);
            case TASK_TECHNICAL_REVIEW -> workflow.technicalReview(applicationId, form, actor, vars);
            case TASK_SUBMIT_REVIEW_CORRECTIONS -> workflow.resubmitReviewCorrections(applicationId, form, actor, vars);
            case TASK_INSPECT_SITE -> workflow.inspectSite(applicationId, form, actor);
            case TASK_DECIDE -> workflow.decide(applicationId, form, actor);
            default -> throw new IllegalStateException("no completion rule for task " + task.getTaskDefinitionKey());
        }
    }
}
