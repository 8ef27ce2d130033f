package org.hmcflow.permit.afterissue.delegates;

import static org.hmcflow.permit.afterissue.PermitLifecycleProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hmcflow.permit.afterissue.PermitLifecycleWorkflow;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/**
 * The service tasks of {@code permit-renewal}, {@code permit-change} and {@code permit-cancellation}; each reads the
 * ids it needs and calls {@link PermitLifecycleWorkflow}.
 */
final class PermitLifecycleDelegates {

    private PermitLifecycleDelegates() {
    }

    static Long id(DelegateExecution execution, String variable) {
        return ((Number) execution.getVariable(variable)).longValue();
    }

    /** {@code ${scheduleRenewalPeriod}} — expiry, last day to file and the first reminder of a validity period. */
    @Component("scheduleRenewalPeriod")
    @WorkflowBean
    static class SchedulePeriod implements JavaDelegate {
        private final PermitLifecycleWorkflow workflow;

        SchedulePeriod(PermitLifecycleWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.schedulePeriod(id(execution, VAR_PERMIT_ID), execution::setVariable);
        }
    }

    /** {@code ${scheduleNextRenewalReminder}} — the next reminder after one went out, or none left. */
    @Component("scheduleNextRenewalReminder")
    @WorkflowBean
    static class NextReminder implements JavaDelegate {
        private final PermitLifecycleWorkflow workflow;

        NextReminder(PermitLifecycleWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            int sent = ((Number) execution.getVariable(VAR_REMINDER_INDEX)).intValue();
            workflow.nextReminder(id(execution, VAR_PERMIT_ID), sent, execution::setVariable);
        }
    }

    /** {@code ${deemRenewalAccepted}} — 视为受理 after the acceptance limit lapsed. */
    @Component("deemRenewalAccepted")
    @WorkflowBean
    static class DeemAccepted implements JavaDelegate {
        private final PermitLifecycleWorkflow workflow;

        DeemAccepted(PermitLifecycleWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.deemRenewalAccepted(id(execution, VAR_PERMIT_ID), execution::setVariable);
        }
    }

    /** {@code ${lapseUnrenewedPermit}} — 失效 and 注销 at the end of the last valid day. */
    @Component("lapseUnrenewedPermit")
    @WorkflowBean
    static class Lapse implements JavaDelegate {
        private final PermitLifecycleWorkflow workflow;

        Lapse(PermitLifecycleWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.lapse(id(execution, VAR_PERMIT_ID));
        }
    }

    /** {@code ${applyPermitChange}} — 变更: the approved values onto the permit. */
    @Component("applyPermitChange")
    @WorkflowBean
    static class ApplyChange implements JavaDelegate {
        private final PermitLifecycleWorkflow workflow;

        ApplyChange(PermitLifecycleWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.applyChange(id(execution, VAR_CHANGE_ID));
        }
    }

    /** {@code ${applyPermitCancellation}} — 注销/撤销/吊销 takes effect and is published. */
    @Component("applyPermitCancellation")
    @WorkflowBean
    static class ApplyCancellation implements JavaDelegate {
        private final PermitLifecycleWorkflow workflow;

        ApplyCancellation(PermitLifecycleWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.applyCancellation(id(execution, VAR_CANCELLATION_ID));
        }
    }
}
