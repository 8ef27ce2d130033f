package org.hmcflow.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.hmcflow.user.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one reminder-and-escalation mechanism of every lifecycle. A non-interrupting timer on a user task leads to a
 * service task with input parameter {@code taskKey}: {@code ${sendTaskReminder}} tells the task's candidates that
 * the deadline is near; {@code ${escalateOverdueTask}} tells them and the supervisors that it passed. The task
 * itself goes on. On a multi-instance task every instance still open is told (each department of a joint review that
 * has not answered). Timers inside a multi-instance sub-process, one set per instance with its own dates, name the
 * element variable that tells the instances apart in the optional input parameter {@code scopeVariable} (e.g.
 * {@code partyId}): then only the open tasks that see the same value are told, not the other instances' tasks. A
 * retried job writes each notification once (idempotency key: instance, element, task).
 *
 * <p>A deadline of the whole case rather than one step (a statutory limit running across several steps) uses
 * {@code ${sendCaseReminder}} and {@code ${escalateOverdueCase}} on a timer of the scope it covers, with input
 * parameters {@code deadline} (its name, e.g. {@code permit.decision}), {@code recipientGroups} (comma-separated) and
 * {@code due} (a date).
 */
@Component
class DeadlineNotifier {

    static final String TASK_KEY = "taskKey";
    static final String SCOPE_VARIABLE = "scopeVariable";
    static final String DEADLINE = "deadline";
    static final String RECIPIENT_GROUPS = "recipientGroups";
    static final String DUE = "due";

    private final Workflow workflow;
    private final NotificationRepository notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeadlineNotifier(Workflow workflow, NotificationRepository notifications, ApplicationEventPublisher events, Clock clock) {
        this.workflow = workflow;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    void fire(DelegateExecution execution, Notification.Kind kind) {
        String taskKey = (String) execution.getVariableLocal(TASK_KEY);
        if (taskKey == null) {
            throw new IllegalStateException(execution.getCurrentActivityId() + " lacks its taskKey input parameter");
        }
        String scopeVariable = (String) execution.getVariableLocal(SCOPE_VARIABLE);
        Object scope = scopeVariable == null ? null : execution.getVariable(scopeVariable);
        // done in the meantime: nothing to remind of
        for (OpenTask task : workflow.openTasks(execution.getProcessInstanceId())) {
            if (task.key().equals(taskKey)
                    && (scopeVariable == null || Objects.equals(scope, workflow.taskVariable(task.id(), scopeVariable)))) {
                notify(execution, kind, taskKey, task.id(), task.id(), task.candidateGroups(), task.assignee(),
                        task.due());
            }
        }
    }

    void fireForCase(DelegateExecution execution, Notification.Kind kind) {
        String deadline = (String) execution.getVariableLocal(DEADLINE);
        Object groups = execution.getVariableLocal(RECIPIENT_GROUPS);
        Object due = execution.getVariableLocal(DUE);
        if (deadline == null || groups == null || !(due instanceof Date)) {
            throw new IllegalStateException(execution.getCurrentActivityId()
                    + " needs the input parameters deadline, recipientGroups and due (a date)");
        }
        List<String> recipients = Arrays.stream(groups.toString().split(",")).map(String::strip)
                .filter(g -> !g.isEmpty()).toList();
        notify(execution, kind, deadline, deadline, null, recipients, null, ((Date) due).toInstant());
    }

    private void notify(DelegateExecution execution, Notification.Kind kind, String taskKey, String subjectId,
                        String taskId, List<String> candidateGroups, String assignee, Instant due) {
        Set<String> groups = new LinkedHashSet<>(candidateGroups);
        if (kind == Notification.Kind.ESCALATION) {
            groups.add(Role.SUPERVISOR.group());
        }
        String processKey = workflow.processKeyOf(execution.getProcessDefinitionId());
        String caseId = execution.getProcessBusinessKey();
        Instant now = clock.instant();
        String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + subjectId;
        if (notifications.existsByIdempotencyKey(key + ":" + kind)) {
            return;
        }
        int i = 0;
        for (String group : groups) {
            notifications.save(new Notification(key + ":" + kind + (i++ == 0 ? "" : ":" + group), kind, group, null,
                    processKey, caseId, taskKey, due, now));
        }
        if (assignee != null) {
            notifications.save(new Notification(key + ":" + kind + ":user", kind, null, assignee, processKey,
                    caseId, taskKey, due, now));
        }
        events.publishEvent(new TaskDeadlineEvent(kind, processKey, caseId, taskKey, due, List.copyOf(candidateGroups),
                execution.getProcessInstanceId(), taskId));
    }

    @Component("sendTaskReminder")
    @WorkflowBean
    static class SendTaskReminder implements JavaDelegate {
        private final DeadlineNotifier notifier;

        SendTaskReminder(DeadlineNotifier notifier) {
            this.notifier = notifier;
        }

        @Override
        public void execute(DelegateExecution execution) {
            notifier.fire(execution, Notification.Kind.REMINDER);
        }
    }

    @Component("escalateOverdueTask")
    @WorkflowBean
    static class EscalateOverdueTask implements JavaDelegate {
        private final DeadlineNotifier notifier;

        EscalateOverdueTask(DeadlineNotifier notifier) {
            this.notifier = notifier;
        }

        @Override
        public void execute(DelegateExecution execution) {
            notifier.fire(execution, Notification.Kind.ESCALATION);
        }
    }

    @Component("sendCaseReminder")
    @WorkflowBean
    static class SendCaseReminder implements JavaDelegate {
        private final DeadlineNotifier notifier;

        SendCaseReminder(DeadlineNotifier notifier) {
            this.notifier = notifier;
        }

        @Override
        public void execute(DelegateExecution execution) {
            notifier.fireForCase(execution, Notification.Kind.REMINDER);
        }
    }

    @Component("escalateOverdueCase")
    @WorkflowBean
    static class EscalateOverdueCase implements JavaDelegate {
        private final DeadlineNotifier notifier;

        EscalateOverdueCase(DeadlineNotifier notifier) {
            this.notifier = notifier;
        }

        @Override
        public void execute(DelegateExecution execution) {
            notifier.fireForCase(execution, Notification.Kind.ESCALATION);
        }
    }
}
