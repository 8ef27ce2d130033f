package org.hmcflow.enforcement.delegates;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.enforcement.EnforcementProcess;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/** {@code ${enforcementTaskCreated}}: clears the step's own answers from its last round. */
@Component("enforcementTaskCreated")
@WorkflowBean
class EnforcementTaskCreated implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        for (String field : EnforcementProcess.FIELDS_CLEARED_ON_START.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
            task.getExecution().removeVariable(field);
        }
    }
}
