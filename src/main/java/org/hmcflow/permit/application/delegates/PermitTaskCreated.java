package org.hmcflow.permit.application.delegates;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.permit.application.PermitApplicationProcess;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${permitTaskCreated}}: clears the step's own answers from its last round (see
 * {@link PermitApplicationProcess#FIELDS_CLEARED_ON_START}).
 */
@Component("permitTaskCreated")
@WorkflowBean
class PermitTaskCreated implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        for (String field : PermitApplicationProcess.FIELDS_CLEARED_ON_START.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
            task.getExecution().removeVariable(field);
        }
    }
}
