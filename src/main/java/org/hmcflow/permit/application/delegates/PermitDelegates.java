package org.hmcflow.permit.application.delegates;

import static org.hmcflow.permit.application.PermitApplicationProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hmcflow.permit.application.PermitApplicationWorkflow;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/** The service tasks of {@code permit-application}; each reads the ids it needs and calls {@link PermitApplicationWorkflow}. */
final class PermitDelegates {

    private PermitDelegates() {
    }

    static Long applicationId(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_APPLICATION_ID)).longValue();
    }

    /** {@code ${deemApplicationAccepted}} — 视为受理 after the acceptance limit lapsed (Art 9). */
    @Component("deemApplicationAccepted")
    @WorkflowBean
    static class DeemAccepted implements JavaDelegate {
        private final PermitApplicationWorkflow workflow;

        DeemAccepted(PermitApplicationWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.deemAccepted(applicationId(execution));
        }
    }

    /** {@code ${checkPermitAdmission}} — 准入审查: the admission and category tables. */
    @Component("checkPermitAdmission")
    @WorkflowBean
    static class CheckAdmission implements JavaDelegate {
        private final PermitApplicationWorkflow workflow;

        CheckAdmission(PermitApplicationWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.checkAdmission(applicationId(execution), execution::setVariable);
        }
    }

    /** {@code ${refuseByAdmissionRule}} — 不予准入. */
    @Component("refuseByAdmissionRule")
    @WorkflowBean
    static class RefuseByAdmission implements JavaDelegate {
        private final PermitApplicationWorkflow workflow;

        RefuseByAdmission(PermitApplicationWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.refuseByAdmission(applicationId(execution));
        }
    }

    /** {@code ${closeAsRegistrationOnly}} — 排污登记, no permit. */
    @Component("closeAsRegistrationOnly")
    @WorkflowBean
    static class CloseAsRegistrationOnly implements JavaDelegate {
        private final PermitApplicationWorkflow workflow;

        CloseAsRegistrationOnly(PermitApplicationWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.closeAsRegistrationOnly(applicationId(execution));
        }
    }
}
