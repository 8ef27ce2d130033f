package org.hmcflow.permit.afterissue.delegates;

import static org.hmcflow.permit.afterissue.PermitLifecycleProcess.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.permit.afterissue.PermitLifecycleWorkflow;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.shared.workflow.TasklistErrors;
import org.hmcflow.shared.workflow.WorkflowActors;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Component;

/** The task listeners of the after-issue processes (renewal, change, cancellation). */
final class PermitLifecycleTaskListeners {

    /**
     * The answers each step owns, cleared when it starts: a renewal watch runs period after period, so last period's
     * decision must never stand pre-filled in this period's form.
     */
    static final Map<String, List<String>> FIELDS_CLEARED_ON_START = Map.of(
            TASK_FILE_RENEWAL, List.of(F_CONTENTS_UNCHANGED, F_CHANGED_ITEMS, F_RENEWAL_STATEMENT),
            TASK_ACCEPT_RENEWAL, List.of(F_RENEWAL_ACCEPTANCE, F_RENEWAL_ACCEPTANCE_COMMENT),
            TASK_DECIDE_RENEWAL, List.of(F_RENEWAL_DECISION, F_RENEWAL_DECISION_COMMENT));

    private PermitLifecycleTaskListeners() {
    }

    /** {@code ${permitLifecycleTaskCreated}}: clears the step's answers of the last round. */
    @Component("permitLifecycleTaskCreated")
    @WorkflowBean
    static class Created implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            for (String field : FIELDS_CLEARED_ON_START.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
                task.getExecution().removeVariable(field);
            }
        }
    }

    /**
     * {@code ${permitLifecycleTaskCompleted}}: checks the submitted values and records the step; a bad value aborts the
     * completion, so nothing is written.
     */
    @Component("permitLifecycleTaskCompleted")
    @WorkflowBean
    static class Completed implements TaskListener {
        private final PermitLifecycleWorkflow workflow;
        private final WorkflowActors actors;
        private final TasklistErrors errors;

        Completed(PermitLifecycleWorkflow workflow, WorkflowActors actors, TasklistErrors errors) {
            this.workflow = workflow;
            this.actors = actors;
            this.errors = errors;
        }

        @Override
        public void notify(DelegateTask task) {
            errors.explain(() -> complete(task));
        }

        private void complete(DelegateTask task) {
            FormValues form = new FormValues(task::getVariable);
            Actor actor = actors.current();
            PermitLifecycleWorkflow.Variables vars = (name, value) -> task.getExecution().setVariable(name, value);
            switch (task.getTaskDefinitionKey()) {
                case TASK_FILE_RENEWAL -> workflow.fileRenewal(id(task, VAR_PERMIT_ID), form, actor, vars);
                case TASK_ACCEPT_RENEWAL -> workflow.acceptRenewal(id(task, VAR_PERMIT_ID), form, actor, vars);
                case TASK_DECIDE_RENEWAL -> workflow.decideRenewal(id(task, VAR_PERMIT_ID), form, actor, vars);
                case TASK_REVIEW_CHANGE -> workflow.reviewChange(id(task, VAR_CHANGE_ID), form, actor);
                case TASK_APPROVE_CANCELLATION -> workflow.approveCancellation(id(task, VAR_CANCELLATION_ID), form, actor);
                default -> throw new IllegalStateException("no completion rule for task " + task.getTaskDefinitionKey());
            }
        }

        private static Long id(DelegateTask task, String variable) {
            return ((Number) task.getVariable(variable)).longValue();
        }
    }
}
