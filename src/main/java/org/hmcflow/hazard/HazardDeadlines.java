package org.hmcflow.hazard;

import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.TaskDeadlineEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records on the hazard case what the shared deadline mechanism did: a reminder, or an escalation (overdue). */
@Component
class HazardDeadlines {

    private final HazardWorkflow workflow;

    HazardDeadlines(HazardWorkflow workflow) {
        this.workflow = workflow;
    }

    @EventListener
    void on(TaskDeadlineEvent event) {
        if (!HazardProcess.KEY.equals(event.processKey())) {
            return;
        }
        Long hazardId = Long.valueOf(event.caseId());
        if (event.kind() == Notification.Kind.ESCALATION) {
            workflow.markOverdue(hazardId, event.taskKey());
        } else {
            workflow.reminded(hazardId, event.taskKey());
        }
    }
}
