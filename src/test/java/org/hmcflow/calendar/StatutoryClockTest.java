package org.hmcflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hmcflow.calendar.CalendarFixtures.REAL_CALENDAR;
import static org.hmcflow.calendar.CalendarFixtures.clockAt;
import static org.hmcflow.calendar.CalendarFixtures.date;
import static org.hmcflow.calendar.CalendarFixtures.shanghai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statutory-period ledger: days used and left, and the due day, with suspensions stopping the count. */
class StatutoryClockTest {

    private static final Map<String, SlaRule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("permit.decision.simplified", new SlaRule(20, DayUnit.WORKING_DAYS, "Art 12", 5));
        RULES.put("permit.acceptance", new SlaRule(3, DayUnit.WORKING_DAYS, "Art 9", 1));
        RULES.put("calendar.thirty", new SlaRule(30, DayUnit.CALENDAR_DAYS, "test", null));
    }

    private static DeadlineService on(String localDateTime) {
        return new DeadlineService(REAL_CALENDAR, CalendarFixtures.sla(RULES), clockAt(localDateTime));
    }

    /** Accepted on Monday 2 March 2026; no holiday until 清明 (4–6 April). */
    private static final String ACCEPTED = "2026-03-02";

    @Test
    void withoutSuspensionTheDueDayIsTheTwentiethWorkingDay() {
        StatutoryClock clock = on("2026-03-02T10:00").statutoryClock("permit.decision.simplified", date(ACCEPTED), List.of());
        assertThat(clock.dueDay()).isEqualTo(date("2026-03-30"));
        assertThat(clock.due()).isEqualTo(shanghai("2026-03-30T23:59"));
        assertThat(clock.usedDays()).isZero();
        assertThat(clock.remainingDays()).isEqualTo(20);
        assertThat(clock.suspended()).isFalse();
        assertThat(clock.limit()).isEqualTo(20);
        assertThat(clock.unit()).isEqualTo(DayUnit.WORKING_DAYS);
    }

    @Test
    void anOpenSuspensionFreezesTheCountAndHasNoDueDay() {
        // stopped on Wed 4 Mar (which still counts); on Fri 6 Mar two days are used, 5 and 6 Mar do not count
        StatutoryClock clock = on("2026-03-06T16:00").statutoryClock("permit.decision.simplified", date(ACCEPTED),
                List.of(new Suspension(date("2026-03-04"), null)));
        assertThat(clock.suspended()).isTrue();
        assertThat(clock.usedDays()).isEqualTo(2);
        assertThat(clock.remainingDays()).isEqualTo(18);
        assertThat(clock.suspendedDays()).isEqualTo(2);
        assertThat(clock.dueDay()).isNull();
        assertThat(clock.due()).isNull();
    }

    @Test
    void aClosedSuspensionMovesTheDueDayByTheWorkingDaysItCovered() {
        // Thu 5, Fri 6 and Mon 9 Mar (the day the materials came) do not count: three working days later than 30 Mar
        StatutoryClock clock = on("2026-03-10T09:00").statutoryClock("permit.decision.simplified", date(ACCEPTED),
                List.of(new Suspension(date("2026-03-04"), date("2026-03-09"))));
        assertThat(clock.suspended()).isFalse();
        assertThat(clock.dueDay()).isEqualTo(date("2026-04-02"));
        assertThat(clock.usedDays()).as("3 and 4 Mar, then 10 Mar").isEqualTo(3);
        assertThat(clock.remainingDays()).isEqualTo(17);
        assertThat(clock.suspendedDays()).isEqualTo(3);
    }

    @Test
    void severalSuspensionsAddUpAndTheCountSkipsTheHolidayAfterThem() {
        // 4–9 Mar (3 working days) and 13–17 Mar (16 and 17 Mar): 20th counted day lands after 清明 (4–6 Apr)
        StatutoryClock clock = on("2026-03-18T09:00").statutoryClock("permit.decision.simplified", date(ACCEPTED),
                List.of(new Suspension(date("2026-03-04"), date("2026-03-09")),
                        new Suspension(date("2026-03-13"), date("2026-03-17"))));
        assertThat(clock.dueDay()).isEqualTo(date("2026-04-07"));
        assertThat(clock.suspendedDays()).isEqualTo(5);
        assertThat(clock.usedDays()).as("3, 4, 10, 11, 12, 13, 18 Mar").isEqualTo(7);
        assertThat(clock.remainingDays()).isEqualTo(13);
    }

    @Test
    void calendarDaysSkipSuspendedDaysAndEndOnAWorkingDay() {
        StatutoryClock plain = on("2026-01-16T10:00").statutoryClock("calendar.thirty", date("2026-01-16"), List.of());
        assertThat(plain.dueDay()).as("Sun 15 Feb is 春节: next working day").isEqualTo(date("2026-02-24"));
        StatutoryClock suspended = on("2026-01-27T10:00").statutoryClock("calendar.thirty", date("2026-01-16"),
                List.of(new Suspension(date("2026-01-16"), date("2026-01-26"))));
        assertThat(suspended.dueDay()).as("ten days later, Wed 25 Feb").isEqualTo(date("2026-02-25"));
        assertThat(suspended.suspendedDays()).isEqualTo(10);
        assertThat(suspended.usedDays()).isEqualTo(1);
    }

    @Test
    void anOverrunPeriodShowsNegativeRemainingDays() {
        StatutoryClock clock = on("2026-03-09T10:00").statutoryClock("permit.acceptance", date(ACCEPTED), List.of());
        assertThat(clock.dueDay()).isEqualTo(date("2026-03-05"));
        assertThat(clock.usedDays()).isEqualTo(5);
        assertThat(clock.remainingDays()).isEqualTo(-2);
    }

    @Test
    void aSuspensionBeforeThePeriodOrEndingBeforeItStartsIsRefused() {
        DeadlineService service = on("2026-03-09T10:00");
        assertThatThrownBy(() -> service.statutoryClock("permit.acceptance", date(ACCEPTED),
                List.of(new Suspension(date("2026-03-01"), null)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Suspension(date("2026-03-05"), date("2026-03-04")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.statutoryClock("permit.unknown", date(ACCEPTED), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("permit.unknown");
    }
}
