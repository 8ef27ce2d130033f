package org.hmcflow.inspection.delegates;

import static org.hmcflow.inspection.InspectionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.inspection.InspectionWorkflow;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.shared.workflow.TasklistErrors;
import org.hmcflow.shared.workflow.WorkflowActors;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Component;

/**
 * {@code ${inspectionTaskCompleted}}: every user task of {@code inspection} calls this when completed. It checks the
 * submitted values and records the step; a bad value aborts the completion, so nothing is written.
 */
@Component("inspectionTaskCompleted")
@WorkflowBean
class InspectionTaskCompleted implements TaskListener {

    private final InspectionWorkflow workflow;
    private final WorkflowActors actors;
    private final TasklistErrors errors;

    InspectionTaskCompleted(InspectionWorkflow workflow, WorkflowActors actors, TasklistErrors errors) {
        this.workflow = workflow;
        this.actors = actors;
        this.errors = errors;
    }

    @Override
    public void notify(DelegateTask task) {
        errors.explain(() -> complete(task));
    }

    private void complete(DelegateTask task) {
        Long id = ((Number) task.getVariable(VAR_INSPECTION_ID)).longValue();
        FormValues form = new FormValues(name -> submitted(task, name));
        Actor actor = actors.current();
        InspectionWorkflow.Variables vars = (name, value) -> task.getExecution().setVariable(name, value);
        switch (task.getTaskDefinitionKey()) {
            case TASK_PREPARE -> workflow.prepare(id, form, actor, vars);
            case TASK_RECORD_ON_SITE -> workflow.recordOnSite(id, form, actor);
            case TASK_CONFIRM_RECORD -> workflow.confirmRecord(id, form, actor, vars);
            case TASK_ANSWER_DISPUTE -> workflow.answerDispute(id, form, actor);
            case TASK_ENTER_MONITORING -> workflow.enterMonitoring(id, form, actor);
            case TASK_DECIDE_FINDINGS -> workflow.decideFindings(id, form, actor, vars);
            default -> throw new IllegalStateException("no completion rule for task " + task.getTaskDefinitionKey());
        }
    }

    /**
     * A submitted value. Rows a step offers are task-local: Tasklist's form submission updates that task variable,
     * but {@code TaskService.complete} (our API's path) writes the execution's, leaving the offer untouched. No list
     * stays on the execution after a step, so a value found there is this submission's; else the task's own.
     */
    private static Object submitted(DelegateTask task, String name) {
        Object value = task.getExecution().getVariable(name);
        return value != null ? value : task.getVariableLocal(name);
    }
}
