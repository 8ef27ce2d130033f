package org.hmcflow.permit.application;

import static org.hmcflow.permit.application.PermitApplicationProcess.CASE_TYPE;
import static org.hmcflow.permit.application.PermitApplicationProcess.DEADLINE_DECISION;
import static org.hmcflow.permit.application.PermitApplicationProcess.KEY;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.CalendarReloaded;
import org.hmcflow.calendar.StatutoryClock;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.supervision.DeadlineItem;
import org.hmcflow.supervision.DeadlineItems;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 日历更新 — the statutory decision clock of every application still waiting for its decision is counted again when a
 * year's holiday schedule is loaded: its due day, the decision step's due date, its timers and its case deadline item
 * move ({@link StatutoryLedger#apply}), and each move is audited on the application.
 */
@Component
class StatutoryClockCalendarReload {

    /** The states in which the decision clock runs or stands still, not yet decided. */
    private static final List<ApplicationState> WAITING = List.of(ApplicationState.UNDER_REVIEW,
            ApplicationState.REVIEW_CORRECTION, ApplicationState.JOINT_REVIEW, ApplicationState.SITE_INSPECTION,
            ApplicationState.AWAITING_DECISION);

    private final PermitApplicationRepository applications;
    private final StatutoryLedger ledger;
    private final DeadlineItems deadlineItems;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final UserService users;

    StatutoryClockCalendarReload(PermitApplicationRepository applications, StatutoryLedger ledger,
                                 DeadlineItems deadlineItems, Workflow workflow, AuditTrail audit, UserService users) {
        this.applications = applications;
        this.ledger = ledger;
        this.deadlineItems = deadlineItems;
        this.workflow = workflow;
        this.audit = audit;
        this.users = users;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(CalendarReloaded reloaded) {
        Actor actor = users.actor(reloaded.actor()).orElse(AuditTrail.SYSTEM);
        String why = "calendar reload " + new TreeSet<>(reloaded.years()).stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        for (PermitApplication application : applications.findByStateInOrderByIdAsc(WAITING)) {
            if (application.getProcessInstanceId() == null) {
                continue;
            }
            Optional<Instant> held = deadlineItems.ofCase(KEY, String.valueOf(application.getId())).stream()
                    .filter(i -> i.isOpen() && DEADLINE_DECISION.equals(i.getStepKey())).map(DeadlineItem::getDueAt)
                    .findFirst();
            Optional<StatutoryClock> now = ledger.reading(application);
            if (held.isEmpty() || held.get().isBefore(reloaded.from()) || now.isEmpty() || now.get().due() == null
                    || now.get().due().equals(held.get())) {
                continue; // not reaching into the years loaded, stopped, or unchanged
            }
            String instance = application.getProcessInstanceId();
            StatutoryClock moved = ledger.apply(application, (name, value) -> workflow.setVariable(instance, name, value))
                    .orElseThrow();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("deadline", DEADLINE_DECISION);
            changes.put("oldDue", held.get().toString());
            changes.put("newDue", moved.due().toString());
            changes.put("decisionDue", moved.dueDay().toString());
            audit.record(CASE_TYPE, application.getId(), "DEADLINE_RECOMPUTED", actor, why, changes);
        }
    }
}
