package org.hmcflow.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.runtime.Incident;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 督办 — what supervisors track: steps past their deadline, jobs that failed for good, and everyone's notifications. */
@RestController
@RequestMapping("/api")
@Tag(name = "Supervision 督办", description = "Overdue steps, incidents, notifications")
class SupervisionController {

    record OverdueTask(String taskId, String taskKey, String taskName, String processKey, String caseId,
                       List<String> candidateGroups, Instant due) {
    }

    record IncidentView(String id, String type, String processInstanceId, String activityId, String message,
                        Instant occurredAt) {
    }

    record NotificationView(Long id, Notification.Kind kind, String recipientGroup, String recipientUser,
                            String processKey, String caseId, String taskKey, Instant due, Instant createdAt) {
    }

    private final Workflow workflow;
    private final NotificationService notifications;
    private final Clock clock;

    SupervisionController(Workflow workflow, NotificationService notifications, Clock clock) {
        this.workflow = workflow;
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping("/supervision/overdue")
    @Operation(summary = "Open steps past their deadline, oldest first (supervisors, admins)")
    List<OverdueTask> overdue(@RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        requireSupervisor();
        return workflow.overdueTasks(Date.from(clock.instant()), page * size, size).stream()
                .map(SupervisionController::overdueView).toList();
    }

    @GetMapping("/supervision/incidents")
    @Operation(summary = "Jobs that ran out of retries (supervisors, admins)")
    List<IncidentView> incidents(@RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        requireSupervisor();
        return workflow.openIncidents(page * size, size).stream().map(SupervisionController::incidentView).toList();
    }

    @GetMapping("/notifications")
    @Operation(summary = "Reminders and escalations addressed to me or my groups, newest first")
    List<NotificationView> mine(@RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return notifications.forActor(CurrentActor.get(), page, size).stream()
                .map(n -> new NotificationView(n.getId(), n.getKind(), n.getRecipientGroup(), n.getRecipientUser(),
                        n.getCaseType(), n.getCaseId(), n.getTaskKey(), n.getDueAt(), n.getCreatedAt())).toList();
    }

    private static void requireSupervisor() {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.SUPERVISOR) && !actor.is(Role.ADMIN)) {
            throw new ForbiddenException("hmc.error.supervisors-only");
        }
    }

    private static OverdueTask overdueView(OpenTask t) {
        return new OverdueTask(t.id(), t.key(), t.name(), t.processKey(), t.businessKey(), t.candidateGroups(), t.due());
    }

    private static IncidentView incidentView(Incident i) {
        return new IncidentView(i.getId(), i.getIncidentType(), i.getProcessInstanceId(), i.getActivityId(),
                i.getIncidentMessage(), i.getIncidentTimestamp().toInstant());
    }
}
