package org.hmcflow.hazard.delegates;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.hazard.HazardProcess;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/** {@code ${hazardTaskCreated}}: clears the step's own answers from its last round (see {@link HazardProcess#FIELDS_CLEARED_ON_START}). */
@Component("hazardTaskCreated")
@WorkflowBean
class HazardTaskCreated implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        for (String field : HazardProcess.FIELDS_CLEARED_ON_START.getOrDefault(task.getTaskDefinitionKey(), java.util.List.of())) {
            task.getExecution().removeVariable(field);
        }
    }
}
