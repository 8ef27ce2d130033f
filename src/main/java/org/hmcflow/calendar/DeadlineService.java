package org.hmcflow.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * 时限计算 — turns a named rule of {@code config/sla.yaml} into the instant a deadline ends.
 *
 * <p>Everything is counted in the zone of the injected {@link Clock} ({@code hmc.time-zone}, Asia/Shanghai), and
 * "now" is the clock's instant, which follows the engine clock. A deadline ends on its due day at
 * {@code hmc.sla.due-time} (23:59 by default). The day a period starts from never counts (民法典 Art 201).
 *
 * <ul>
 *   <li>{@link DayUnit#WORKING_DAYS}: the {@code amount}-th working day after the start day, per the
 *       {@link WorkingDayCalendar}.</li>
 *   <li>{@link DayUnit#CALENDAR_DAYS}: the start day plus {@code amount} days; <b>if that day is not a working day
 *       (weekend or official holiday), the deadline moves to the next working day</b> — 民法典 Art 203 ("期间的最后一日是
 *       法定休假日的，以法定休假日结束的次日为期间的最后一日"), which is also how administrative-licensing limits are
 *       handled in practice under 行政许可法.</li>
 *   <li>{@link DayUnit#MONTHS} and {@link DayUnit#YEARS}: the day of the last month that corresponds to the start day,
 *       or that month's last day when it has none (民法典 Art 202: "按照年、月计算期间的，到期月的对应日为期间的最后一日；
 *       没有对应日的，月末日为期间的最后一日"), moved to the next working day when it is a day off (Art 203).</li>
 * </ul>
 */
@Component
public class DeadlineService {

    static final int MAX_WORKING_DAYS = 365;

    private final WorkingDayCalendar calendar;
    private final SlaProperties sla;
    private final Clock clock;

    public DeadlineService(WorkingDayCalendar calendar, SlaProperties sla, Clock clock) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.sla = Objects.requireNonNull(sla, "sla");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** When the rule's period, started now, ends. */
    public Instant due(String ruleName) {
        return due(ruleName, clock.instant());
    }

    /** When the rule's period, started at {@code from}, ends: the due day (see the class comment) at the due time. */
    public Instant due(String ruleName, Instant from) {
        SlaRule rule = rule(ruleName);
        Objects.requireNonNull(from, "from");
        LocalDate start = LocalDate.ofInstant(from, zone());
        return atDueTime(dueDay(start, rule.amount(), rule.unit()));
    }

    /**
     * The last day of a period of {@code amount} {@code unit}s that starts on {@code start} (which does not count), as
     * the class comment says. E.g. a cleaner-production audit report due one year after the list was published.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public LocalDate dueDay(LocalDate start, int amount, DayUnit unit) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("A period must be 0 or more, was " + amount + " " + unit);
        }
        return switch (unit) {
            case WORKING_DAYS -> calendar.plusWorkingDays(start, amount);
            // plusWorkingDays(day, 0): the day itself if worked, else the next working day (民法典 Art 203)
            case CALENDAR_DAYS -> calendar.plusWorkingDays(start.plusDays(amount), 0);
            // LocalDate.plusMonths/plusYears take the month's last day when the start day has no counterpart (Art 202)
            case MONTHS -> calendar.plusWorkingDays(start.plusMonths(amount), 0);
            case YEARS -> calendar.plusWorkingDays(start.plusYears(amount), 0);
        };
    }

    /**
     * The {@code days}-th working day after today, at the due time; for a period a user sets (e.g. a reviewer's own
     * rectification period).
     *
     * @throws IllegalArgumentException unless {@code 1 <= days <= 365}
     */
    public Instant dueAfterWorkingDays(int days) {
        if (days < 1 || days > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException(
                    "A period in working days must be between 1 and " + MAX_WORKING_DAYS + ", was " + days);
        }
        return atDueTime(calendar.plusWorkingDays(today(), days));
    }

    /**
     * When to remind about a deadline: the rule's reminder lead (or {@code hmc.sla.default-reminder-lead-working-days}
     * when the rule sets none or {@code ruleNameOrNull} is null) in working days before the due day, at
     * {@code hmc.sla.reminder-time}. Never earlier than now (a short period reminds at once) and never later than
     * {@code due} (so a deadline already past reminds at its due instant, which a timer fires at once).
     *
     * @throws IllegalArgumentException if the rule name is not null and unknown
     */
    public Instant reminderBefore(Instant due, String ruleNameOrNull) {
        Objects.requireNonNull(due, "due");
        int lead = sla.defaultReminderLeadWorkingDays();
        if (ruleNameOrNull != null) {
            Integer own = rule(ruleNameOrNull).reminderLeadWorkingDays();
            if (own != null) {
                lead = own;
            }
        }
        LocalDate reminderDay = calendar.minusWorkingDays(LocalDate.ofInstant(due, zone()), lead);
        Instant reminder = reminderDay.atTime(sla.reminderTime()).atZone(zone()).toInstant();
        Instant now = clock.instant();
        if (reminder.isBefore(now)) {
            reminder = now;
        }
        return reminder.isAfter(due) ? due : reminder;
    }

    /**
     * Counting back (倒数): the last day on which something due the rule's period <em>before</em> {@code end} can still
     * be done in time, e.g. a renewal filed at least 60 days before the permit expires (排污许可管理条例 Art 14). The day
     * {@code end} itself does not count. For {@link DayUnit#WORKING_DAYS}: the {@code amount}-th working day before
     * {@code end}. For {@link DayUnit#CALENDAR_DAYS}: {@code end} minus {@code amount} days, and <b>if that is a day
     * off, the working day before it</b> — counted backwards, moving forward (民法典 Art 203) would leave less than the
     * period, so the day moves to where the whole period is still kept. {@link DayUnit#MONTHS} and
     * {@link DayUnit#YEARS} count back to the corresponding day (or the month's last day, Art 202) the same way.
     */
    public LocalDate dayBefore(String ruleName, LocalDate end) {
        SlaRule rule = rule(ruleName);
        Objects.requireNonNull(end, "end");
        return switch (rule.unit()) {
            case WORKING_DAYS -> calendar.minusWorkingDays(end, rule.amount());
            case CALENDAR_DAYS -> calendarDaysBefore(end, rule.amount());
            case MONTHS -> calendar.minusWorkingDays(end.minusMonths(rule.amount()), 0);
            case YEARS -> calendar.minusWorkingDays(end.minusYears(rule.amount()), 0);
        };
    }

    /**
     * {@code days} calendar days before {@code end}, moved to the previous working day when that is a day off (see
     * {@link #dayBefore}); e.g. the day a reminder "60 days before expiry" goes out.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public LocalDate calendarDaysBefore(LocalDate end, int days) {
        Objects.requireNonNull(end, "end");
        if (days < 0) {
            throw new IllegalArgumentException("Days before must be 0 or more, was " + days);
        }
        return calendar.minusWorkingDays(end.minusDays(days), 0);
    }

    /**
     * Where an instant tied to a deadline (a reminder, an overdue timer) goes when the deadline moves from
     * {@code oldDue} to {@code newDue}: as many working days before (or after) the new due day as it was before (or
     * after) the old one, at the same time of day; an instant at the old due goes to the new due. E.g. a reminder 2
     * working days before the old due is 2 working days before the new one.
     */
    public Instant shiftWithDeadline(Instant at, Instant oldDue, Instant newDue) {
        return shiftWithDeadline(at, oldDue, newDue, this);
    }

    /**
     * As {@link #shiftWithDeadline(Instant, Instant, Instant)}, with the distance to the old due date counted as
     * {@code countedBefore} counts working days (the calendar the old dates were computed with, e.g. before a year's
     * schedule was loaded) and placed before the new due date with this one's.
     */
    public Instant shiftWithDeadline(Instant at, Instant oldDue, Instant newDue, DeadlineService countedBefore) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(oldDue, "oldDue");
        Objects.requireNonNull(newDue, "newDue");
        if (at.equals(oldDue)) {
            return newDue;
        }
        ZoneId zone = zone();
        LocalDate day = LocalDate.ofInstant(at, zone);
        LocalDate oldDay = LocalDate.ofInstant(oldDue, zone);
        LocalDate newDay = LocalDate.ofInstant(newDue, zone);
        WorkingDayCalendar old = countedBefore.calendar;
        LocalDate shifted = day.isAfter(oldDay)
                ? calendar.plusWorkingDays(newDay, old.workingDaysBetween(oldDay, day))
                : calendar.minusWorkingDays(newDay, old.workingDaysBetween(day, oldDay));
        return shifted.atTime(at.atZone(zone).toLocalTime()).atZone(zone).toInstant();
    }

    /** The instant reminders go out on a day: that day at {@code hmc.sla.reminder-time} in the bureau's zone. */
    public Instant atReminderTime(LocalDate day) {
        return day.atTime(sla.reminderTime()).atZone(zone()).toInstant();
    }

    /**
     * The rule of that name.
     *
     * @throws IllegalArgumentException if there is none, listing the known names
     */
    public SlaRule rule(String name) {
        SlaRule rule = name == null ? null : sla.rules().get(name);
        if (rule == null) {
            throw new IllegalArgumentException(
                    "Unknown SLA rule '" + name + "'; known: " + String.join(", ", new TreeSet<>(sla.rules().keySet())));
        }
        return rule;
    }

    /**
     * Working days from today until the due day: 0 when due today, 1 when due the next working day. Negative once
     * {@code due} has passed, counting the working days since the due day, and at least -1 (a deadline that passed
     * on Friday is overdue on Saturday too).
     */
    public long remainingWorkingDays(Instant due) {
        Objects.requireNonNull(due, "due");
        LocalDate today = today();
        LocalDate dueDay = LocalDate.ofInstant(due, zone());
        if (due.isBefore(clock.instant())) {
            return -Math.max(1, calendar.workingDaysBetween(dueDay, today));
        }
        return calendar.workingDaysBetween(today, dueDay);
    }

    /**
     * 法定时限台账 — a statutory period that suspensions may stop and resume any number of times (e.g. the permit
     * decision limits of 排污许可管理条例 Art 12, which do not run during corrections, expert review or a hearing).
     *
     * <p>A day counts when it is after {@code startedOn}, is a day of the rule's unit (a working day for
     * {@link DayUnit#WORKING_DAYS}, any day for {@link DayUnit#CALENDAR_DAYS}) and no suspension covers it (see
     * {@link Suspension}). Used days are counted up to and including today. The due day is the day the
     * {@code amount}-th such day falls on, moved to the next working day for calendar days (民法典 Art 203); while a
     * suspension is open there is none.
     *
     * @throws IllegalArgumentException if the rule is unknown, counts months or years (such a period has no days to
     *                                  stop), or a suspension starts before {@code startedOn}
     */
    public StatutoryClock statutoryClock(String ruleName, LocalDate startedOn, List<Suspension> suspensions) {
        SlaRule rule = rule(ruleName);
        if (!rule.unit().countsDays()) {
            throw new IllegalArgumentException("A statutory clock counts days; rule '" + ruleName + "' counts "
                    + rule.unit());
        }
        Objects.requireNonNull(startedOn, "startedOn");
        List<Suspension> ledger = List.copyOf(suspensions);
        for (Suspension s : ledger) {
            if (s.from().isBefore(startedOn)) {
                throw new IllegalArgumentException("Suspension from " + s.from() + " starts before the period (" + startedOn + ")");
            }
        }
        LocalDate today = today();
        int used = 0;
        int suspended = 0;
        for (LocalDate d = startedOn.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
            if (countsIn(rule.unit(), d)) {
                if (covered(ledger, d)) {
                    suspended++;
                } else {
                    used++;
                }
            }
        }
        boolean open = ledger.stream().anyMatch(Suspension::open);
        LocalDate dueDay = null;
        if (!open) {
            LocalDate d = startedOn;
            int counted = 0;
            while (counted < rule.amount()) {
                d = d.plusDays(1);
                if (countsIn(rule.unit(), d) && !covered(ledger, d)) {
                    counted++;
                }
            }
            dueDay = rule.unit() == DayUnit.CALENDAR_DAYS ? calendar.plusWorkingDays(d, 0) : d;
        }
        return new StatutoryClock(ruleName, rule.amount(), rule.unit(), startedOn, used, rule.amount() - used, open,
                dueDay, dueDay == null ? null : atDueTime(dueDay), suspended);
    }

    private boolean countsIn(DayUnit unit, LocalDate day) {
        return unit == DayUnit.CALENDAR_DAYS || calendar.isWorkingDay(day);
    }

    private static boolean covered(List<Suspension> ledger, LocalDate day) {
        for (Suspension s : ledger) {
            if (s.covers(day)) {
                return true;
            }
        }
        return false;
    }

    /** The instant a due day ends: that day at {@code hmc.sla.due-time} in the bureau's zone. */
    public Instant endOf(LocalDate dueDay) {
        return atDueTime(dueDay);
    }

    private Instant atDueTime(LocalDate day) {
        return day.atTime(sla.dueTime()).atZone(zone()).toInstant();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
