package org.hmcflow.shared.workflow;

import java.time.Instant;
import java.util.List;

/** An open user task as the application sees it, independent of the engine's API. */
public record OpenTask(String id, String key, String name, String processInstanceId, String processKey,
                       String businessKey, List<String> candidateGroups, String assignee, Instant created, Instant due) {
}
