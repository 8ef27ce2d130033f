package org.hmcflow.escalation;

import java.time.Instant;
import java.util.List;

/**
 * Published when a step's reminder or escalation fires, so the capability that owns the case can record it (audit,
 * overdue flag) without the escalation mechanism knowing any lifecycle.
 *
 * @param processKey      the process the step belongs to, e.g. {@code hazard-lifecycle}
 * @param caseId          the process's business key: the case's id
 * @param taskKey         the step's task key, or the name of a case deadline (e.g. {@code permit.decision})
 * @param candidateGroups the groups the step is offered to (one department of a multi-instance joint review), or
 *                        the recipients of a case deadline
 * @param processInstanceId the instance that fired it (null when unknown)
 * @param taskId          the engine task of the step; null for a case deadline
 */
public record TaskDeadlineEvent(Notification.Kind kind, String processKey, String caseId, String taskKey, Instant due,
                                List<String> candidateGroups, String processInstanceId, String taskId) {

    public TaskDeadlineEvent(Notification.Kind kind, String processKey, String caseId, String taskKey, Instant due,
                             List<String> candidateGroups) {
        this(kind, processKey, caseId, taskKey, due, candidateGroups, null, null);
    }
}
