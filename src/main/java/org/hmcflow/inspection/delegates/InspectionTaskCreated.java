package org.hmcflow.inspection.delegates;

import static org.hmcflow.inspection.InspectionProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.inspection.InspectionProcess;
import org.hmcflow.inspection.InspectionWorkflow;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${inspectionTaskCreated}}: clears a step's own answers (see {@link InspectionProcess}), and offers the step's
 * form its rows as task-local variables: the on-site form the industry checklist to answer, item by item, and the
 * inspectors sent; the later forms the answers and results recorded.
 */
@Component("inspectionTaskCreated")
@WorkflowBean
class InspectionTaskCreated implements TaskListener {

    private final InspectionWorkflow workflow;

    InspectionTaskCreated(InspectionWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void notify(DelegateTask task) {
        for (String field : InspectionProcess.fieldsClearedOnStart(task.getTaskDefinitionKey())) {
            task.getExecution().removeVariable(field);
        }
        Long id = ((Number) task.getVariable(VAR_INSPECTION_ID)).longValue();
        workflow.offerRows(id, task.getTaskDefinitionKey(), task::setVariableLocal);
    }
}
