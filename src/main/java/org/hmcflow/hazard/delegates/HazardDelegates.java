package org.hmcflow.hazard.delegates;

import static org.hmcflow.hazard.HazardProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hmcflow.hazard.HazardWorkflow;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/** The service tasks of {@code hazard-lifecycle}; each reads the ids it needs and calls {@link HazardWorkflow}. */
final class HazardDelegates {

    private HazardDelegates() {
    }

    static Long hazardId(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_HAZARD_ID)).longValue();
    }

    static HazardWorkflow.Variables variables(DelegateExecution execution) {
        return execution::setVariable;
    }

    /** {@code ${listForSupervision}} — 挂牌督办. */
    @Component("listForSupervision")
    @WorkflowBean
    static class ListForSupervision implements JavaDelegate {
        private final HazardWorkflow workflow;

        ListForSupervision(HazardWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.listForSupervision(hazardId(execution));
        }
    }

    /** {@code ${startNextRound}} — 新一轮整改 with the period the verifier or supervisor set. */
    @Component("startNextRound")
    @WorkflowBean
    static class StartNextRound implements JavaDelegate {
        private final HazardWorkflow workflow;

        StartNextRound(HazardWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.startNextRound(hazardId(execution), HazardTaskCompleted.integer(execution.getVariable(F_NEXT_DAYS)),
                    variables(execution));
        }
    }

    /** {@code ${closeOutHazard}} — 销号, and the 回头看 date. */
    @Component("closeOutHazard")
    @WorkflowBean
    static class CloseOutHazard implements JavaDelegate {
        private final HazardWorkflow workflow;

        CloseOutHazard(HazardWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.closeOut(hazardId(execution), variables(execution));
        }
    }

    /** {@code ${reopenHazard}} — the re-check found the problem back. */
    @Component("reopenHazard")
    @WorkflowBean
    static class ReopenHazard implements JavaDelegate {
        private final HazardWorkflow workflow;

        ReopenHazard(HazardWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.reopen(hazardId(execution), HazardTaskCompleted.integer(execution.getVariable(F_NEXT_DAYS)),
                    variables(execution));
        }
    }
}
