package org.hmcflow.escalation;

import java.time.Instant;

/**
 * Published when a step's reminder or escalation fires, so the capability that owns the case can record it (audit,
 * overdue flag) without the escalation mechanism knowing any lifecycle.
 *
 * @param processKey  the process the step belongs to, e.g. {@code hazard-lifecycle}
 * @param caseId      the process's business key: the case's id
 */
public record TaskDeadlineEvent(Notification.Kind kind, String processKey, String caseId, String taskKey, Instant due) {
}
