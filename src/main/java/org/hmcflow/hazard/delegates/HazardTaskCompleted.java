package org.hmcflow.hazard.delegates;

import static org.hmcflow.hazard.HazardProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.hazard.HazardWorkflow;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.shared.workflow.TasklistErrors;
import org.hmcflow.shared.workflow.WorkflowActors;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Component;

/**
 * {@code ${hazardTaskCompleted}}: every user task of {@code hazard-lifecycle} calls this when completed. It checks
 * the submitted values and records the step; a bad value aborts the completion, so nothing is written.
 */
@Component("hazardTaskCompleted")
@WorkflowBean
class HazardTaskCompleted implements TaskListener {

    private final HazardWorkflow workflow;
    private final WorkflowActors actors;
    private final TasklistErrors errors;

    HazardTaskCompleted(HazardWorkflow workflow, WorkflowActors actors, TasklistErrors errors) {
        this.workflow = workflow;
        this.actors = actors;
        this.errors = errors;
    }

    @Override
    public void notify(DelegateTask task) {
        errors.explain(() -> complete(task));
    }

    private void complete(DelegateTask task) {
        Long hazardId = ((Number) task.getVariable(VAR_HAZARD_ID)).longValue();
        FormValues form = new FormValues(task::getVariable);
        Actor actor = actors.current();
        HazardWorkflow.Variables vars = (name, value) -> task.getExecution().setVariable(name, value);
        switch (task.getTaskDefinitionKey()) {
            case TASK_TRIAGE -> workflow.triage(hazardId, form, actor, vars);
            case TASK_SUBMIT_PLAN -> workflow.submitPlan(hazardId, form, actor);
            case TASK_APPROVE_PLAN -> workflow.reviewPlan(hazardId, form, actor, integer(task.getVariable(F_RECTIFICATION_DAYS)), vars);
            case TASK_RECTIFY -> workflow.reportRectified(hazardId, form, actor);
            case TASK_EXPERT_OPINION -> workflow.recordExpertOpinion(hazardId, form, actor);
            case TASK_VERIFY -> workflow.verify(hazardId, form, actor);
            case TASK_LIFT_SUPERVISION -> workflow.decideSupervision(hazardId, form, actor);
            case TASK_RECHECK -> workflow.recheck(hazardId, form, actor);
            default -> throw new IllegalStateException("no completion rule for task " + task.getTaskDefinitionKey());
        }
    }

    static Integer integer(Object value) {
        return value == null ? null : Integer.valueOf(value.toString().split("\\.")[0]);
    }
}
