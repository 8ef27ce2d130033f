package org.hmcflow.permit.report;

import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.TaskDeadlineEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records on the execution report what the shared deadline mechanism did: a reminder, a late report, a late review. */
@Component
class ExecutionReportDeadlines {

    private final ExecutionReportWorkflow workflow;

    ExecutionReportDeadlines(ExecutionReportWorkflow workflow) {
        this.workflow = workflow;
    }

    @EventListener
    void on(TaskDeadlineEvent event) {
        if (!ExecutionReportProcess.KEY.equals(event.processKey())) {
            return;
        }
        Long reportId = Long.valueOf(event.caseId());
        if (event.kind() == Notification.Kind.ESCALATION) {
            workflow.escalated(reportId, event.taskKey(), event.candidateGroups());
        } else {
            workflow.reminded(reportId, event.taskKey(), event.candidateGroups());
        }
    }
}
