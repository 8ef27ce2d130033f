package org.hmcflow.permit.application.delegates;

import static org.hmcflow.permit.application.PermitApplicationProcess.VAR_APPLICATION_ID;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.hmcflow.permit.application.PermitApplicationService;
import org.hmcflow.shared.workflow.TasklistErrors;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.shared.workflow.WorkflowActors;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${permitApplicationFiled}}: the start listener of {@code permit-application}. Started by our API for the
 * application it just filed, there is nothing to do; an instance started by hand naming an application is refused.
 * Started from the start form in
 * Tasklist, it files the application from the form's values, then replaces everything the form sent with the
 * instance's own variables (ids and plain values) and makes the application's id the business key, as the API does.
 * A refused form (bad values, not an enterprise, barred) stops the start with the reasons in the user's language, and
 * nothing is stored.
 */
@Component("permitApplicationFiled")
@WorkflowBean
class PermitApplicationFiled implements ExecutionListener {

    private final PermitApplicationService applications;
    private final Workflow workflow;
    private final WorkflowActors actors;
    private final TasklistErrors errors;

    PermitApplicationFiled(PermitApplicationService applications, Workflow workflow, WorkflowActors actors,
                           TasklistErrors errors) {
        this.applications = applications;
        this.workflow = workflow;
        this.actors = actors;
        this.errors = errors;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (workflow.isStartedByService(execution.getProcessDefinitionId(), execution.getProcessBusinessKey())) {
            return; // filed through the API: the service stored the application and starts this instance for it
        }
        if (execution.hasVariable(VAR_APPLICATION_ID)) {
            throw errors.refusal("hmc.error.permit-start-through-filing");
        }
        errors.explainFormStart(() -> {
            Map<String, Object> variables = applications.fileFromStartForm(actors.current(), execution::getVariable,
                    execution.getProcessInstanceId());
            execution.removeVariables();
            execution.setVariables(variables);
            execution.setProcessBusinessKey(String.valueOf(variables.get(VAR_APPLICATION_ID)));
        });
    }
}
