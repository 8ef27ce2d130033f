package org.hmcflow.permit.issued.delegates;

import static org.hmcflow.permit.application.PermitApplicationProcess.VAR_APPLICATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hmcflow.permit.issued.PermitIssuance;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${issuePermit}} — 核发, the last service task of {@code permit-application}: number, validity,
 * execution-report schedule. The new permit goes under renewal watch ({@code permit-renewal}) at once: the after-issue
 * package starts the watch when it hears of the issued permit.
 */
@Component("issuePermit")
@WorkflowBean
class IssuePermit implements JavaDelegate {

    private final PermitIssuance issuance;

    IssuePermit(PermitIssuance issuance) {
        this.issuance = issuance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        issuance.issuePermit(((Number) execution.getVariable(VAR_APPLICATION_ID)).longValue());
    }
}
