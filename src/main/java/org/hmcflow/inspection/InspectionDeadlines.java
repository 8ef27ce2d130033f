package org.hmcflow.inspection;

import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.TaskDeadlineEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records on the inspection what the shared deadline mechanism did: a reminder, or an escalation (overdue). */
@Component
class InspectionDeadlines {

    private final InspectionWorkflow workflow;

    InspectionDeadlines(InspectionWorkflow workflow) {
        this.workflow = workflow;
    }

    @EventListener
    void on(TaskDeadlineEvent event) {
        if (!InspectionProcess.KEY.equals(event.processKey())) {
            return;
        }
        Long id = Long.valueOf(event.caseId());
        if (event.kind() == Notification.Kind.ESCALATION) {
            workflow.markOverdue(id, event.taskKey());
        } else {
            workflow.reminded(id, event.taskKey());
        }
    }
}
