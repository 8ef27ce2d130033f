package org.hmcflow.inspection.delegates;

import static org.hmcflow.inspection.InspectionProcess.VAR_INSPECTION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.hmcflow.inspection.InspectionClosed;
import org.hmcflow.inspection.InspectionWorkflow;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${inspectionEnded}} — the process's end listener: whichever end event the inspection reaches (or when its
 * instance is deleted), {@link InspectionClosed} is published in the engine's transaction.
 */
@Component("inspectionEnded")
@WorkflowBean
class InspectionEnded implements ExecutionListener {

    private final InspectionWorkflow workflow;

    InspectionEnded(InspectionWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object id = execution.getVariable(VAR_INSPECTION_ID);
        if (id instanceof Number n) {
            workflow.ended(n.longValue());
        }
    }
}
