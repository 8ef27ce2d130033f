package org.hmcflow.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.CalendarReloaded;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.calendar.SlaProperties;
import org.hmcflow.calendar.WorkingDayCalendar;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 日历更新 — after a year's official holiday schedule is loaded (an administrator's {@link #reload}, or a start with
 * a new file in {@code hmc.calendar.locations}), every open step deadline reaching into that year that was computed
 * from a rule ({@code camunda:dueDate="${deadlines.due('rule')}"}) is computed again from the step's start with the
 * new calendar and moved, with its timers and items ({@link Workflow#moveStepDeadline}); each move is audited. A step
 * whose due date has moved since it was computed (an extension, a lifecycle's own change) keeps it. Deadlines from
 * elsewhere (a statutory clock, a date in a variable) are their lifecycle's: {@link CalendarReloaded} tells them.
 * The items' due-soon and seriously-overdue boundaries are counted again, so the provisional mark (暂定) clears.
 *
 * <p>Which years the open deadlines were counted with is kept in {@code calendar_year_applied}; on the first start it
 * is empty and the years loaded then are taken as the baseline.
 */
@Service
public class CalendarReloads {

    private static final Logger log = LoggerFactory.getLogger(CalendarReloads.class);
    private static final Pattern RULE = Pattern.compile("^\\$\\{\\s*deadlines\\.due\\(\\s*'([^']+)'\\s*\\)\\s*}$");

    /** One step deadline moved by a reload. */
    public record Move(String lifecycle, String caseRef, String taskId, String taskKey, Instant oldDue, Instant newDue) {
    }

    /**
     * What applying the calendar did: the years covered, the years new to the open deadlines, the steps moved, the
     * steps left to their lifecycle or left alone (with why), and how many items had their boundaries counted again.
     */
    public record Result(Set<Integer> coveredYears, Set<Integer> newYears, List<Move> moved, List<String> notMoved,
                         int itemsRecounted) {
    }

    private final WorkingDayCalendar calendar;
    private final DeadlineService deadlines;
    private final SlaProperties sla;
    private final Workflow workflow;
    private final DeadlineItems deadlineItems;
    private final DeadlineItemRepository items;
    private final AuditTrail audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String table;

    CalendarReloads(WorkingDayCalendar calendar, DeadlineService deadlines, SlaProperties sla, Workflow workflow,
                    DeadlineItems deadlineItems, DeadlineItemRepository items, AuditTrail audit,
                    NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, ApplicationEventPublisher events,
                    Clock clock, @Value("${hmc.db.schema}") String schema) {
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.sla = sla;
        this.workflow = workflow;
        this.deadlineItems = deadlineItems;
        this.items = items;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.table = schema + ".calendar_year_applied";
    }

    /** A restart with a new schedule file: the years it adds are applied as a reload's are. */
    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        Result result = apply(AuditTrail.SYSTEM);
        if (!result.newYears().isEmpty()) {
            log.info("Holiday schedules of {} applied at start-up: {} step deadlines moved, {} left to their lifecycle "
                    + "or unchanged", result.newYears(), result.moved().size(), result.notMoved().size());
        }
    }

    /**
     * Reads the schedule files again and applies the years they add. The caller checks that the actor is an
     * administrator.
     *
     * @throws org.hmcflow.calendar.CalendarDataException a file is missing or malformed (nothing changes)
     */
    public synchronized Result reload(Actor actor) {
        WorkingDayCalendar.Reload reload = calendar.reload();
        log.info("Holiday schedules reloaded by {}: covered {} → {}", actor.username(), reload.coveredBefore(),
                reload.coveredAfter());
        return apply(actor);
    }

    /** Applies the years the calendar covers that the open deadlines were not counted with. */
    synchronized Result apply(Actor actor) {
        Set<Integer> covered = new TreeSet<>(calendar.coveredYears());
        Set<Integer> applied = new TreeSet<>(jdbc.queryForList("SELECT calendar_year FROM " + table,
                new MapSqlParameterSource(), Integer.class));
        if (applied.isEmpty()) {
            markApplied(covered);
            return new Result(covered, Set.of(), List.of(), List.of(), 0);
        }
        Set<Integer> newYears = new TreeSet<>(covered);
        newYears.removeAll(applied);
        if (newYears.isEmpty()) {
            return new Result(covered, Set.of(), List.of(), List.of(), 0);
        }
        DeadlineService before = new DeadlineService(calendar.without(newYears), sla, clock);
        Instant from = LocalDate.of(Collections.min(newYears), 1, 1).atStartOfDay(clock.getZone()).toInstant();
        String why = "calendar reload " + newYears.stream().map(String::valueOf).collect(Collectors.joining(", "));
        List<Move> moved = new ArrayList<>();
        List<String> notMoved = new ArrayList<>();
        for (Workflow.StepDue step : workflow.stepsDueFrom(from)) {
            String rule = ruleOf(step.dueExpression());
            String which = "task " + step.taskId() + " (" + step.processKey() + " " + step.businessKey() + " "
                    + step.taskKey() + ")";
            if (rule == null) {
                notMoved.add(which + ": due " + step.dueExpression() + ", its lifecycle's");
                continue;
            }
            Instant was;
            Instant now;
            try {
                was = before.due(rule, step.created());
                now = deadlines.due(rule, step.created());
            } catch (IllegalArgumentException e) {
                notMoved.add(which + ": " + e.getMessage());
                continue;
            }
            if (!was.equals(step.due())) {
                notMoved.add(which + ": moved since it was computed (due " + step.due() + ", rule gave " + was + ")");
                continue;
            }
            if (now.equals(step.due())) {
                continue;
            }
            try {
                Move move = tx.execute(s -> moveStep(step, now, before, actor, why));
                if (move != null) {
                    moved.add(move);
                }
            } catch (RuntimeException e) {
                log.warn("Calendar reload: {} not moved: {}", which, e.getMessage());
                notMoved.add(which + ": " + e.getMessage());
            }
        }
        Integer recounted = tx.execute(s -> deadlineItems.recountBoundaries(from));
        markApplied(newYears);
        tx.executeWithoutResult(s -> events.publishEvent(new CalendarReloaded(newYears, from, actor.username())));
        return new Result(covered, newYears, List.copyOf(moved), List.copyOf(notMoved), recounted == null ? 0 : recounted);
    }

    private Move moveStep(Workflow.StepDue step, Instant newDue, DeadlineService before, Actor actor, String why) {
        return workflow.moveStepDeadline(step.taskId(), newDue,
                        (timer, oldDue, due) -> deadlines.shiftWithDeadline(timer, oldDue, due, before))
                .map(m -> {
                    List<DeadlineItem> stepItems = items.findBySubjectAndClosedAtIsNull(DeadlineItems.taskSubject(step.taskId()));
                    String lifecycle = stepItems.isEmpty() ? step.processKey() : stepItems.get(0).getLifecycle();
                    String caseRef = stepItems.isEmpty() ? step.businessKey() : stepItems.get(0).getCaseRef();
                    Map<String, Object> changes = new LinkedHashMap<>();
                    changes.put("taskId", step.taskId());
                    changes.put("taskKey", step.taskKey());
                    changes.put("oldDue", String.valueOf(m.oldDue()));
                    changes.put("newDue", m.newDue().toString());
                    changes.put("timersMoved", m.timersMoved());
                    audit.record(lifecycle, caseRef == null ? step.taskId() : caseRef, "DEADLINE_RECOMPUTED", actor, why,
                            changes);
                    return new Move(lifecycle, caseRef, step.taskId(), step.taskKey(), m.oldDue(), m.newDue());
                }).orElse(null);
    }

    /** The rule of a {@code ${deadlines.due('rule')}} expression, else null. */
    static String ruleOf(String dueExpression) {
        if (dueExpression == null) {
            return null;
        }
        Matcher m = RULE.matcher(dueExpression.strip());
        return m.matches() ? m.group(1) : null;
    }

    private void markApplied(Set<Integer> years) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Integer year : years) {
            try {
                tx.executeWithoutResult(s -> jdbc.update("INSERT INTO " + table + " (calendar_year, applied_at) VALUES "
                        + "(:year, :at)", new MapSqlParameterSource("year", year).addValue("at", now)));
            } catch (DuplicateKeyException e) {
                // another node applied it at the same time
            }
        }
    }
}
