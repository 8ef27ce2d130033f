package org.hmcflow.permit.application;

import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.TaskDeadlineEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records on the application what the shared deadline mechanism did: a reminder, an overdue step, a joint-review
 * department that did not answer in time, or the statutory decision limit passing.
 */
@Component
class PermitDeadlines {

    private final PermitApplicationWorkflow workflow;

    PermitDeadlines(PermitApplicationWorkflow workflow) {
        this.workflow = workflow;
    }

    @EventListener
    void on(TaskDeadlineEvent event) {
        if (!PermitApplicationProcess.KEY.equals(event.processKey())) {
            return;
        }
        Long applicationId = Long.valueOf(event.caseId());
        if (event.kind() == Notification.Kind.ESCALATION) {
            workflow.escalated(applicationId, event.taskKey(), event.candidateGroups());
        } else {
            workflow.reminded(applicationId, event.taskKey(), event.candidateGroups());
        }
    }
}
