package org.hmcflow.enforcement.delegates;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hmcflow.enforcement.EnforcementProcess;
import org.hmcflow.enforcement.EnforcementWorkflow;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/** {@code ${rectificationPeriodEnded}}: the period ran out without a completion report; re-inspection follows. */
@Component("rectificationPeriodEnded")
@WorkflowBean
class RectificationPeriodEnded implements JavaDelegate {

    private final EnforcementWorkflow workflow;

    RectificationPeriodEnded(EnforcementWorkflow workflow) {
        this.workflow = workflow;
    }

    @Override
    public void execute(DelegateExecution execution) {
        workflow.periodEnded(((Number) execution.getVariable(EnforcementProcess.VAR_CASE_ID)).longValue());
    }
}
