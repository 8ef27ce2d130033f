package org.hmcflow.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
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
 * itself goes on. A retried job writes each notification once (idempotency key: instance, element, task).
 */
final class DeadlineNotifier {

    static final String TASK_KEY = "taskKey";

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
        Optional<OpenTask> open = workflow.openTask(execution.getProcessInstanceId(), taskKey);
        if (open.isEmpty()) {
            return; // done in the meantime: nothing to remind of
        }
        OpenTask task = open.get();
        Set<String> groups = new LinkedHashSet<>(task.candidateGroups());
        if (kind == Notification.Kind.ESCALATION) {
            groups.add(Role.SUPERVISOR.group());
        }
        String processKey = workflow.processKeyOf(execution.getProcessDefinitionId());
        String caseId = execution.getProcessBusinessKey();
        Instant now = clock.instant();
        String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + task.id();
        if (notifications.existsByIdempotencyKey(key + ":" + kind)) {
            return;
        }
        int i = 0;
        for (String group : groups) {
            notifications.save(new Notification(key + ":" + kind + (i++ == 0 ? "" : ":" + group), kind, group, null,
                    processKey, caseId, taskKey, task.due(), now));
        }
        if (task.assignee() != null) {
            notifications.save(new Notification(key + ":" + kind + ":user", kind, null, task.assignee(), processKey,
                    caseId, taskKey, task.due(), now));
        }
        events.publishEvent(new TaskDeadlineEvent(kind, processKey, caseId, taskKey, task.due()));
    }

    @Component("sendTaskReminder")
    @WorkflowBean
    static class SendTaskReminder implements JavaDelegate {
        private final DeadlineNotifier notifier;

        SendTaskReminder(Workflow workflow, NotificationRepository notifications, ApplicationEventPublisher events, Clock clock) {
            this.notifier = new DeadlineNotifier(workflow, notifications, events, clock);
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

        EscalateOverdueTask(Workflow workflow, NotificationRepository notifications, ApplicationEventPublisher events, Clock clock) {
            this.notifier = new DeadlineNotifier(workflow, notifications, events, clock);
        }

        @Override
        public void execute(DelegateExecution execution) {
            notifier.fire(execution, Notification.Kind.ESCALATION);
        }
    }
}
