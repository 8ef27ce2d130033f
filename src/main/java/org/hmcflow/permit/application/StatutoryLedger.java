package org.hmcflow.permit.application;

import static org.hmcflow.permit.application.PermitApplicationProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.supervision.DeadlineItems;
import org.hmcflow.calendar.StatutoryClock;
import org.hmcflow.shared.workflow.Workflow;
import org.springframework.stereotype.Component;

/**
 * 法定时限台账 — the statutory decision clock of an application (排污许可管理条例 Art 12: 简化 20 days, 重点 30, 重点 with
 * a site inspection 45, from acceptance). It is a ledger, not one timer: it starts on the day of acceptance (the day
 * received when acceptance is deemed, Art 9), runs on the rule of the application's category, and stops for each
 * {@link ClockPause}. The process's decision timers and the decision step's due date follow it: moved when the rule
 * or a pause changes the due day, held while the clock is stopped.
 */
@Component
class StatutoryLedger {

    private final ClockPauseRepository pauses;
    private final DeadlineService deadlines;
    private final Workflow workflow;
    private final DeadlineItems deadlineItems;
    private final PermitProperties properties;

    StatutoryLedger(ClockPauseRepository pauses, DeadlineService deadlines, Workflow workflow,
                    DeadlineItems deadlineItems, PermitProperties properties) {
        this.deadlineItems = deadlineItems;
        this.properties = properties;
        this.pauses = pauses;
        this.deadlines = deadlines;
        this.workflow = workflow;
    }

    /** The clock as it stands today; empty before acceptance or when there is no permit decision to make. */
    Optional<StatutoryClock> reading(PermitApplication application) {
        if (application.getAcceptedOn() == null || application.getDecisionRule() == null) {
            return Optional.empty();
        }
        List<org.hmcflow.calendar.Suspension> suspensions = pauses.findByApplicationIdOrderByIdAsc(application.getId())
                .stream().map(ClockPause::suspension).toList();
        return Optional.of(deadlines.statutoryClock(application.getDecisionRule(), application.getAcceptedOn(), suspensions));
    }

    /**
     * Hands the clock to the process: while it runs, the decision due date and its reminder go into the variables the
     * timers and the decision step read, and timers already waiting are moved to them; while it is stopped they are
     * held. Returns the reading.
     */
    Optional<StatutoryClock> apply(PermitApplication application, BiConsumer<String, Object> variables) {
        Optional<StatutoryClock> reading = reading(application);
        if (reading.isEmpty() || application.getProcessInstanceId() == null) {
            return reading;
        }
        StatutoryClock clock = reading.get();
        String instance = application.getProcessInstanceId();
        if (clock.suspended()) {
            for (String timer : STATUTORY_TIMERS) {
                workflow.moveTimers(instance, timer, null);
            }
            workflow.setTaskDue(instance, TASK_DECIDE, null);
            // on the supervisors' list: neither due nor overdue while the applicant corrects its materials (补正)
            deadlineItems.pauseCaseDeadline(KEY, String.valueOf(application.getId()), DEADLINE_DECISION);
            return reading;
        }
        Instant due = clock.due();
        Instant reminder = deadlines.reminderBefore(due, clock.rule());
        variables.accept(VAR_DECISION_DUE, Date.from(due));
        variables.accept(VAR_DECISION_REMINDER, Date.from(reminder));
        workflow.moveTimers(instance, TIMER_STATUTORY_OVERDUE, due);
        workflow.moveTimers(instance, TIMER_STATUTORY_REMINDER, reminder);
        workflow.setTaskDue(instance, TASK_DECIDE, due);
        // the bureau's statutory deadline on the supervisors' list, moved with every pause (paused at its last due
        // day while the clock stands still)
        deadlineItems.openCaseDeadline(new DeadlineItems.CaseDeadline(KEY, String.valueOf(application.getId()),
                DEADLINE_DECISION, "许可决定法定时限 / Statutory decision limit", properties.bureauGroup(),
                application.getEnterpriseId(), due));
        return reading;
    }

    /** The decision was made (or the application ended otherwise): the statutory deadline leaves the list. */
    void close(PermitApplication application, boolean met) {
        deadlineItems.closeCaseDeadline(KEY, String.valueOf(application.getId()), DEADLINE_DECISION, met);
    }
}
