package org.hmcflow.permit.afterissue;

import java.util.Map;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.TaskDeadlineEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records on the permit what the shared deadline mechanism did in the after-issue processes: a renewal reminder or
 * escalation (the case deadline {@code permit.renewal.filing}), or a step's reminder or overdue escalation.
 */
@Component
class PermitLifecycleDeadlines {

    private final PermitLifecycleWorkflow workflow;
    private final PermitChangeRepository changes;
    private final PermitCancellationRepository cancellations;
    private final AuditTrail audit;

    PermitLifecycleDeadlines(PermitLifecycleWorkflow workflow, PermitChangeRepository changes,
                             PermitCancellationRepository cancellations, AuditTrail audit) {
        this.workflow = workflow;
        this.changes = changes;
        this.cancellations = cancellations;
        this.audit = audit;
    }

    @EventListener
    void on(TaskDeadlineEvent event) {
        boolean escalation = event.kind() == Notification.Kind.ESCALATION;
        Long caseId = Long.valueOf(event.caseId());
        Long permitId = switch (event.processKey()) {
            case PermitLifecycleProcess.RENEWAL_KEY -> caseId;
            case PermitLifecycleProcess.CHANGE_KEY -> changes.findById(caseId).map(PermitChange::getPermitId).orElse(null);
            case PermitLifecycleProcess.CANCELLATION_KEY ->
                    cancellations.findById(caseId).map(PermitCancellation::getPermitId).orElse(null);
            default -> null;
        };
        if (permitId == null) {
            return;
        }
        if (event.taskKey() != null && event.taskKey().startsWith(PermitLifecycleProcess.DEADLINE_RENEWAL_FILING + ".")) {
            workflow.renewalReminded(permitId, escalation, event.taskKey(), event.due(), event.candidateGroups());
            return;
        }
        audit.record(PermitLifecycleProcess.CASE_TYPE, permitId, escalation ? "OVERDUE_ESCALATED" : "REMINDER_SENT",
                AuditTrail.SYSTEM, null, Map.of("task", event.taskKey(), "groups", event.candidateGroups(),
                        "process", event.processKey()));
    }
}
