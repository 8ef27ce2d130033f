package org.hmcflow.inspection.delegates;

import static org.hmcflow.inspection.InspectionProcess.VAR_INSPECTION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hmcflow.inspection.InspectionWorkflow;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/** {@code ${recordRefusedToSign}} — 拒绝签字: the enterprise let the confirmation's due date pass. */
@Component("recordRefusedToSign")
@WorkflowBean
class RecordRefusedToSign implements JavaDelegate {

    private final InspectionWorkflow workflow;

    RecordRefusedToSign(InspectionWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workflow.refusedToSign(((Number) execution.getVariable(VAR_INSPECTION_ID)).longValue(), execution::setVariable);
    }
}
