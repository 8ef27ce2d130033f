package org.hmcflow.permit.delegates;

import static org.hmcflow.permit.PermitApplicationProcess.*;

import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.permit.PermitApplicationWorkflow;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.RequestLocale;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.shared.workflow.WorkflowActors;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.hmcflow.user.Actor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code ${permitTaskCompleted}}: every user task of {@code permit-application} calls this when completed. It checks
 * the submitted values and records the step; a bad value aborts the completion, so nothing is written.
 */
@Component("permitTaskCompleted")
@WorkflowBean
class PermitTaskCompleted implements TaskListener {

    private final PermitApplicationWorkflow workflow;
    private final WorkflowActors actors;
    private final MessageSource messages;
    private final RequestLocale requestLocale;

    PermitTaskCompleted(PermitApplicationWorkflow workflow, WorkflowActors actors, MessageSource messages,
                        RequestLocale requestLocale) {
        this.workflow = workflow;
        this.actors = actors;
        this.messages = messages;
        this.requestLocale = requestLocale;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            complete(task);
        } catch (InvalidInputException e) {
            // Tasklist shows the engine's error text: name each field with the reason, in the user's language.
            Locale locale = requestLocale.current();
            String reasons = e.problems().stream().map(p -> p.field() + " "
                    + messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale)).collect(Collectors.joining("；"));
            throw new InvalidInputException(e.problems(),
                    messages.getMessage("hmc.error.invalid-input", null, locale) + " " + reasons);
        }
    }

    private void complete(DelegateTask task) {
        Long applicationId = ((Number) task.getVariable(VAR_APPLICATION_ID)).longValue();
        FormValues form = new FormValues(task::getVariable);
        Actor actor = actors.current();
        PermitApplicationWorkflow.Variables vars = (name, value) -> task.getExecution().setVariable(name, value);
        switch (task.getTaskDefinitionKey()) {
            case TASK_ACCEPT -> workflow.accept(applicationId, form, actor, vars);
            case TASK_SUBMIT_CORRECTIONS -> workflow.resubmitCorrections(applicationId, form, actor);
            case TASK_TECHNICAL_REVIEW -> workflow.technicalReview(applicationId, form, actor, vars);
            case TASK_SUBMIT_REVIEW_CORRECTIONS -> workflow.resubmitReviewCorrections(applicationId, form, actor, vars);
            case TASK_JOINT_OPINION -> workflow.giveJointOpinion(applicationId, (String) task.getVariable(VAR_DEPARTMENT),
                    form, actor);
            case TASK_INSPECT_SITE -> workflow.inspectSite(applicationId, form, actor);
            case TASK_DECIDE -> workflow.decide(applicationId, form, actor);
            default -> throw new IllegalStateException("no completion rule for task " + task.getTaskDefinitionKey());
        }
    }
}
