package org.hmcflow.shared.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${startedByService}}: the start listener of every process that only our services start, each for a case
 * they have just stored and checked (a hazard, an inspection, a permit's renewal watch …). An instance started any
 * other way — the engine's REST API, Cockpit — is refused with a sentence in the user's language and nothing is
 * stored, since its variables could name any case, another enterprise's included. A process called by one of ours
 * (a call activity, such as the multi-party review) is started by the engine for that instance, and passes.
 */
@Component("startedByService")
@WorkflowBean
class StartedByService implements ExecutionListener {

    private final Workflow workflow;
    private final TasklistErrors errors;

    StartedByService(Workflow workflow, TasklistErrors errors) {
        this.workflow = workflow;
        this.errors = errors;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getSuperExecution() != null) {
            return; // called by a process of ours (a call activity), which a service started and guards
        }
        if (!workflow.isStartedByService(execution.getProcessDefinitionId(), execution.getProcessBusinessKey())) {
            throw errors.refusal("hmc.error.start-through-service");
        }
    }
}
