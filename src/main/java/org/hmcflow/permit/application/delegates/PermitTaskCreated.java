package org.hmcflow.permit.application.delegates;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.permit.application.PermitApplicationProcess;
import org.hmcflow.permit.application.PermitApplicationWorkflow;
import org.hmcflow.shared.workflow.FormLists;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${permitTaskCreated}}: clears the step's own answers from its last round (see
 * {@link PermitApplicationProcess#FIELDS_CLEARED_ON_START}); offers the technical review the departments it may name
 * for the joint review (a select's option list, task-local).
 */
@Component("permitTaskCreated")
@WorkflowBean
class PermitTaskCreated implements TaskListener {

    private final PermitApplicationWorkflow workflow;

    PermitTaskCreated(PermitApplicationWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void notify(DelegateTask task) {
        for (String field : PermitApplicationProcess.FIELDS_CLEARED_ON_START.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
            task.getExecution().removeVariable(field);
        }
        if (PermitApplicationProcess.TASK_TECHNICAL_REVIEW.equals(task.getTaskDefinitionKey())) {
            task.setVariableLocal(PermitApplicationProcess.VAR_DEPARTMENT_OPTIONS,
                    FormLists.value(workflow.jointDepartmentOptions()));
        }
    }
}
