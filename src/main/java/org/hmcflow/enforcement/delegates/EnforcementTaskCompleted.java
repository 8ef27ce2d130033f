package org.hmcflow.enforcement.delegates;

import static org.hmcflow.enforcement.EnforcementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.enforcement.EnforcementWorkflow;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.shared.workflow.TasklistErrors;
import org.hmcflow.shared.workflow.WorkflowActors;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Component;

/**
 * {@code ${enforcementTaskCompleted}}: every user task of {@code enforcement} calls this when completed. It checks
 * the submitted values and records the step; a bad value aborts the completion, so nothing is written.
 */
@Component("enforcementTaskCompleted")
@WorkflowBean
class EnforcementTaskCompleted implements TaskListener {

    private final EnforcementWorkflow workflow;
    private final WorkflowActors actors;
    private final TasklistErrors errors;

    EnforcementTaskCompleted(EnforcementWorkflow workflow, WorkflowActors actors, TasklistErrors errors) {
        this.workflow = workflow;
        this.actors = actors;
        this.errors = errors;
    }

    @Override
    public void notify(DelegateTask task) {
        errors.explain(() -> complete(task));
    }

    private void complete(DelegateTask task) {
        Long caseId = ((Number) task.getVariable(VAR_CASE_ID)).longValue();
        FormValues form = new FormValues(task::getVariable);
        Actor actor = actors.current();
        EnforcementWorkflow.Variables vars = (name, value) -> task.getExecution().setVariable(name, value);
        switch (task.getTaskDefinitionKey()) {
            case TASK_DECIDE_MEASURE -> workflow.decideMeasure(caseId, form, actor, vars);
            case TASK_APPROVE_MEASURE -> workflow.approveMeasure(caseId, form, actor,
                    integer(task.getVariable(F_RECTIFICATION_MONTHS)), vars);
            case TASK_SUBMIT_PLAN -> workflow.submitPlan(caseId, form, actor);
            case TASK_RECTIFY -> workflow.reportCompletion(caseId, form, actor);
            case TASK_REINSPECT -> {
                workflow.reinspect(caseId, form, actor, task.getVariable(F_RESULTS_JSON), vars);
                task.getExecution().removeVariable(F_RESULTS_JSON);
            }
            case TASK_CHOOSE_ESCALATION -> workflow.chooseEscalation(caseId, form, actor, vars);
            case TASK_APPROVE_EXTENSION -> workflow.approveExtension(caseId, form, actor,
                    integer(task.getVariable(F_EXTENSION_MONTHS)), vars);
            case TASK_APPROVE_CLOSURE -> workflow.decideClosure(caseId, form, actor, vars);
            case TASK_CLOSE_CASE -> workflow.closeCase(caseId, form, actor);
            case TASK_RECORD_POLICE_ANSWER -> workflow.recordPoliceAnswer(caseId,
                    ((Number) task.getVariable(VAR_TRANSFER_ID)).longValue(), form, actor);
            default -> throw new IllegalStateException("no completion rule for task " + task.getTaskDefinitionKey());
        }
    }

    static Integer integer(Object value) {
        return value == null ? null : Integer.valueOf(value.toString().split("\\.")[0]);
    }
}
