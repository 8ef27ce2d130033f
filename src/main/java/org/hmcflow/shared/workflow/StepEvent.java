package org.hmcflow.shared.workflow;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a user task (a step), told as a Spring event inside the engine's transaction by
 * {@link StepEventPublisher}, so a listener writes its own rows in the same transaction that opens, moves or ends the
 * step — never by a periodic sync. Plain values only; nothing of the engine's API leaks out.
 *
 * @param kind             what happened
 * @param taskId           the engine's task id
 * @param taskKey          the task's definition key ({@code Task_Triage})
 * @param taskName         its name as the model gives it
 * @param processInstanceId the instance the task belongs to (a called process's own)
 * @param lifecycle        the key of the root process: a step of a called process (a multi-party review) belongs to
 *                         the lifecycle that called it
 * @param caseRef          the root process's business key (the case id)
 * @param enterpriseId     the instance's {@code enterpriseId} variable, when it has one
 * @param candidateGroups  the groups offered the step (departments, an enterprise's group)
 * @param assignee         the user who claimed it, if any
 * @param due              its due date, if any
 */
public record StepEvent(Kind kind, String taskId, String taskKey, String taskName, String processInstanceId,
                        String lifecycle, String caseRef, Long enterpriseId, List<String> candidateGroups,
                        String assignee, Instant due) {

    public enum Kind {
        /** The step was created. */
        OPENED,
        /** Its due date, assignee or candidate groups changed. */
        CHANGED,
        /** It was completed. */
        DONE,
        /** It ended without completion: the instance was cancelled, an interrupting event or a timer took it away. */
        CANCELLED
    }

    public StepEvent {
        candidateGroups = List.copyOf(candidateGroups);
    }
}
