package org.hmcflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hmcflow.calendar.CalendarFixtures.REAL_CALENDAR;
import static org.hmcflow.calendar.CalendarFixtures.clockAt;
import static org.hmcflow.calendar.CalendarFixtures.shanghai;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeadlineServiceTest {

    private static final Map<String, SlaRule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("hazard.triage", new SlaRule(3, DayUnit.WORKING_DAYS, "local practice", null));
        RULES.put("hazard.rectify", new SlaRule(15, DayUnit.WORKING_DAYS, "local practice", 1));
        RULES.put("permit.change.filing", new SlaRule(30, DayUnit.CALENDAR_DAYS, "Art 14", null));
        RULES.put("permit.renewal.lead", new SlaRule(60, DayUnit.CALENDAR_DAYS, "Art 14", null));
        RULES.put("hazard.short", new SlaRule(1, DayUnit.WORKING_DAYS, "local practice", 5));
        RULES.put("audit.publish", new SlaRule(1, DayUnit.MONTHS, "清洁生产审核办法 Art 11", null));
        RULES.put("audit.report", new SlaRule(1, DayUnit.YEARS, "清洁生产审核办法 Art 11", null));
    }

    /** Thursday 12 Feb 2026, 10:00 in Shanghai: the last full working week before 春节 (15–23 Feb). */
    private static final String THURSDAY_BEFORE_SPRING_FESTIVAL = "2026-02-12T10:00";

    private static DeadlineService at(String localDateTime) {
        return new DeadlineService(REAL_CALENDAR, CalendarFixtures.sla(RULES), clockAt(localDateTime));
    }

    private final DeadlineService service = at(THURSDAY_BEFORE_SPRING_FESTIVAL);

    @Nested
    class Due {

        @Test
        void workingDaysSkipTheHolidayAndEndAtTheDueTime() {
            assertThat(service.due("hazard.triage")).isEqualTo(shanghai("2026-02-24T23:59"));
        }

        @Test
        void theStartDayIsTakenInTheBureausZoneNotUtc() {
            // 17:30 UTC on Thu 12 Feb is already 01:30 on Fri 13 Feb in Shanghai: the period starts on the 13th
            Instant lateEveningUtc = Instant.parse("2026-02-12T17:30:00Z");
            assertThat(service.due("hazard.triage", lateEveningUtc)).isEqualTo(shanghai("2026-02-25T23:59"));
        }

        @Test
        void theZoneIsTheClocksNotTheServersDefault() {
            // surefire runs in Asia/Shanghai; a clock in UTC must still win (hmc.time-zone is the clock's zone)
            Instant lateEveningUtc = Instant.parse("2026-02-12T17:30:00Z");
            DeadlineService utc = new DeadlineService(REAL_CALENDAR, CalendarFixtures.sla(RULES),
                    Clock.fixed(lateEveningUtc, ZoneOffset.UTC));
            assertThat(utc.due("hazard.triage")).isEqualTo(Instant.parse("2026-02-24T23:59:00Z"));
        }

        @Test
        void calendarDaysThatEndInTheHolidayMoveToTheNextWorkingDay() {
            // 16 Jan + 30 days = Sun 15 Feb, first day of 春节 → Tue 24 Feb (民法典 Art 203)
            assertThat(service.due("permit.change.filing", shanghai("2026-01-16T10:00")))
                    .isEqualTo(shanghai("2026-02-24T23:59"));
        }

        @Test
        void calendarDaysThatEndOnAMakeUpSaturdayStayThere() {
            // 15 Jan + 30 days = Sat 14 Feb, a make-up workday
            assertThat(service.due("permit.change.filing", shanghai("2026-01-15T10:00")))
                    .isEqualTo(shanghai("2026-02-14T23:59"));
        }

        @Test
        void calendarDaysThatEndOnAnOrdinaryWeekdayAreNotMoved() {
            // 2 Mar + 30 days = Wed 1 Apr; 30 working days would be much later
            assertThat(service.due("permit.change.filing", shanghai("2026-03-02T10:00")))
                    .isEqualTo(shanghai("2026-04-01T23:59"));
        }

        @Test
        void calendarDaysThatEndOnAnOrdinaryWeekendMoveToMonday() {
            // 5 Mar + 30 days = Sat 4 Apr, also 清明节 (4–6 Apr) → Tue 7 Apr
            assertThat(service.due("permit.change.filing", shanghai("2026-03-05T10:00")))
                    .isEqualTo(shanghai("2026-04-07T23:59"));
            // 7 Mar + 30 days = Mon 6 Apr (清明节) → Tue 7 Apr; 8 Mar + 30 = Tue 7 Apr
            assertThat(service.due("permit.change.filing", shanghai("2026-03-08T10:00")))
                    .isEqualTo(shanghai("2026-04-07T23:59"));
        }

        @Test
        void unknownRuleNamesListTheKnownOnes() {
            assertThatThrownBy(() -> service.due("hazard.triag"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Unknown SLA rule 'hazard.triag'; known: audit.publish, audit.report, hazard.rectify, hazard.short, hazard.triage, "
                            + "permit.change.filing, permit.renewal.lead");
        }

        @Test
        void theDueTimeIsASetting() {
            DeadlineService fivePm = new DeadlineService(REAL_CALENDAR,
                    new SlaProperties(LocalTime.of(17, 0), LocalTime.of(9, 0), 2, RULES),
                    clockAt(THURSDAY_BEFORE_SPRING_FESTIVAL));
            assertThat(fivePm.due("hazard.triage")).isEqualTo(shanghai("2026-02-24T17:00"));
        }
    }

    @Nested
    class DueAfterWorkingDays {

        @Test
        void countsWorkingDaysFromToday() {
            assertThat(service.dueAfterWorkingDays(1)).isEqualTo(shanghai("2026-02-13T23:59"));
            assertThat(service.dueAfterWorkingDays(3)).isEqualTo(shanghai("2026-02-24T23:59"));
        }

        @Test
        void refusesPeriodsOutsideOneToAYear() {
            assertThatThrownBy(() -> service.dueAfterWorkingDays(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A period in working days must be between 1 and 365, was 0");
            assertThatThrownBy(() -> service.dueAfterWorkingDays(366))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("was 366");
            assertThat(service.dueAfterWorkingDays(365)).isAfter(shanghai("2027-01-01T00:00"));
        }
    }

    @Nested
    class ReminderBefore {

        @Test
        void defaultLeadIsTwoWorkingDaysBeforeTheDueDayAtReminderTime() {
            // due Tue 24 Feb; two working days back: Sat 14 Feb (调休), Fri 13 Feb
            assertThat(service.reminderBefore(shanghai("2026-02-24T23:59"), "hazard.triage"))
                    .isEqualTo(shanghai("2026-02-13T09:00"));
            assertThat(service.reminderBefore(shanghai("2026-02-24T23:59"), null))
                    .isEqualTo(shanghai("2026-02-13T09:00"));
        }

        @Test
        void aRulesOwnLeadWins() {
            // hazard.rectify reminds 1 working day before: the make-up Saturday 14 Feb
            assertThat(service.reminderBefore(shanghai("2026-02-24T23:59"), "hazard.rectify"))
                    .isEqualTo(shanghai("2026-02-14T09:00"));
        }

        @Test
        void neverEarlierThanNow() {
            // hazard.short: 1 working day, reminder lead 5 → the computed reminder lies in the past
            Instant due = service.due("hazard.short");
            assertThat(due).isEqualTo(shanghai("2026-02-13T23:59"));
            assertThat(service.reminderBefore(due, "hazard.short")).isEqualTo(shanghai(THURSDAY_BEFORE_SPRING_FESTIVAL));
        }

        @Test
        void neverLaterThanTheDueInstant() {
            DeadlineService lateReminders = new DeadlineService(REAL_CALENDAR,
                    new SlaProperties(LocalTime.of(23, 59), LocalTime.of(9, 0), 0, RULES),
                    clockAt(THURSDAY_BEFORE_SPRING_FESTIVAL));
            // lead 0 → the due day at 09:00, but the deadline itself is at 08:00 that day
            Instant dueEarlyMorning = shanghai("2026-02-24T08:00");
            assertThat(lateReminders.reminderBefore(dueEarlyMorning, null)).isEqualTo(dueEarlyMorning);
            // a deadline already past reminds at its due instant (a timer with a past date fires at once)
            Instant past = shanghai("2026-02-10T23:59");
            assertThat(service.reminderBefore(past, null)).isEqualTo(past);
        }

        @Test
        void anUnknownRuleIsRefused() {
            assertThatThrownBy(() -> service.reminderBefore(shanghai("2026-02-24T23:59"), "nope"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Unknown SLA rule 'nope'");
        }
    }

    @Nested
    class RemainingWorkingDays {

        @Test
        void countsWorkingDaysUntilTheDueDay() {
            assertThat(service.remainingWorkingDays(shanghai("2026-02-24T23:59"))).isEqualTo(3);
            assertThat(service.remainingWorkingDays(shanghai("2026-02-12T23:59"))).as("due today").isZero();
        }

        @Test
        void isNegativeWhenOverdueCountingTheWorkingDaysPast() {
            // due Tue 10 Feb; Wed 11 and Thu 12 have passed since
            assertThat(service.remainingWorkingDays(shanghai("2026-02-10T23:59"))).isEqualTo(-2);
        }

        @Test
        void aDeadlinePassedBeforeAHolidayIsStillOverdueDuringIt() {
            DeadlineService onSunday = at("2026-02-15T10:00");
            assertThat(onSunday.remainingWorkingDays(shanghai("2026-02-14T23:59"))).isEqualTo(-1);
            // due earlier today
            assertThat(service.remainingWorkingDays(shanghai("2026-02-12T08:00"))).isEqualTo(-1);
        }

        @Test
        void followsTheClock() {
            Clock later = clockAt("2026-02-24T10:00");
            DeadlineService service24th = new DeadlineService(REAL_CALENDAR, CalendarFixtures.sla(RULES), later);
            assertThat(service24th.remainingWorkingDays(shanghai("2026-02-24T23:59"))).isZero();
            assertThat(service24th.remainingWorkingDays(shanghai("2026-02-27T23:59"))).isEqualTo(3);
        }
    }

    @Nested
    class CountingBack {

        @Test
        void calendarDaysBeforeExpiryThatFallOnAHolidayMoveToTheWorkingDayBefore() {
            // 60 days before 1 Dec 2026 is Fri 2 Oct, inside 国庆 (1–7 Oct): the last day to file is Wed 30 Sep
            assertThat(service.dayBefore("permit.renewal.lead", java.time.LocalDate.of(2026, 12, 1)))
                    .isEqualTo(java.time.LocalDate.of(2026, 9, 30));
            // 60 days before 30 Jun 2026 is Fri 1 May, 劳动节: Thu 30 Apr
            assertThat(service.dayBefore("permit.renewal.lead", java.time.LocalDate.of(2026, 6, 30)))
                    .isEqualTo(java.time.LocalDate.of(2026, 4, 30));
            // a weekend too: 60 days before 2 Apr 2026 is Sun 1 Feb → Fri 30 Jan; a working day stays (3 Apr → Mon 2 Feb)
            assertThat(service.dayBefore("permit.renewal.lead", java.time.LocalDate.of(2026, 4, 2)))
                    .isEqualTo(java.time.LocalDate.of(2026, 1, 30));
            assertThat(service.dayBefore("permit.renewal.lead", java.time.LocalDate.of(2026, 4, 3)))
                    .isEqualTo(java.time.LocalDate.of(2026, 2, 2));
        }

        @Test
        void workingDaysBeforeCountTheMakeUpWorkdayAndSkipTheFestival() {
            // 3 working days before Wed 25 Feb 2026: Tue 24 Feb, Sat 14 Feb (make-up workday), Fri 13 Feb
            assertThat(service.dayBefore("hazard.triage", java.time.LocalDate.of(2026, 2, 25)))
                    .isEqualTo(java.time.LocalDate.of(2026, 2, 13));
        }

        @Test
        void remindersGoOutAtTheReminderTimeOfTheirDay() {
            assertThat(service.calendarDaysBefore(java.time.LocalDate.of(2026, 10, 8), 7))
                    .isEqualTo(java.time.LocalDate.of(2026, 9, 30));
            assertThat(service.atReminderTime(java.time.LocalDate.of(2026, 9, 30))).isEqualTo(shanghai("2026-09-30T09:00"));
            assertThatThrownBy(() -> service.calendarDaysBefore(java.time.LocalDate.of(2026, 10, 8), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** "1 个月", "1 年": 民法典 Art 202 (corresponding day, else the month's last day), then Art 203 (day off → next). */
    @Nested
    class MonthsAndYears {

        private LocalDate dueDay(String start, int amount, DayUnit unit) {
            return service.dueDay(LocalDate.parse(start), amount, unit);
        }

        @Test
        void aMonthEndsOnTheCorrespondingDay() {
            assertThat(dueDay("2026-03-16", 1, DayUnit.MONTHS)).isEqualTo("2026-04-16"); // Thursday
            assertThat(dueDay("2026-03-16", 2, DayUnit.MONTHS)).isEqualTo("2026-05-18"); // 16 May is a Saturday
        }

        @Test
        void thirtyFirstOfJanuaryPlusOneMonthIsTheLastDayOfFebruary() {
            // 2025-02-28 is a Friday
            assertThat(dueDay("2025-01-31", 1, DayUnit.MONTHS)).isEqualTo("2025-02-28");
            // 2026-02-28 is a Saturday, but a make-up workday after 春节: it stays
            assertThat(dueDay("2026-01-31", 1, DayUnit.MONTHS)).isEqualTo("2026-02-28");
            // a leap year: 29 Feb 2028 is a Tuesday (no 2028 schedule loaded: weekends only)
            assertThat(dueDay("2028-01-31", 1, DayUnit.MONTHS)).isEqualTo("2028-02-29");
        }

        @Test
        void twentyNinthOfFebruaryPlusOneYearIsTheTwentyEighth() {
            assertThat(dueDay("2024-02-29", 1, DayUnit.YEARS)).isEqualTo("2025-02-28");
            assertThat(dueDay("2024-02-29", 4, DayUnit.YEARS)).isEqualTo("2028-02-29");
            assertThat(dueDay("2026-03-02", 5, DayUnit.YEARS)).isEqualTo("2031-03-03"); // 2 Mar 2031 is a Sunday
        }

        @Test
        void aMonthEndingInTheNationalDayHolidayMovesToTheFirstWorkingDayAfterIt() {
            // 7 Sep 2026 + 1 month = Wed 7 Oct, the last day of 国庆 (1–7 Oct): Thursday 8 Oct
            assertThat(dueDay("2026-09-07", 1, DayUnit.MONTHS)).isEqualTo("2026-10-08");
            // and a year from 1 Oct 2025 (国庆 2025: 1–8 Oct) ends on Thu 1 Oct 2026, also a holiday: 8 Oct
            assertThat(dueDay("2025-10-01", 1, DayUnit.YEARS)).isEqualTo("2026-10-08");
        }

        @Test
        void aNamedRuleInMonthsEndsAtTheDueTime() {
            // Thu 12 Feb 2026 + 1 month = Thu 12 Mar 2026
            assertThat(service.due("audit.publish")).isEqualTo(shanghai("2026-03-12T23:59"));
            // + 1 year = Fri 12 Feb 2027 (no 2027 schedule loaded: weekends only)
            assertThat(service.due("audit.report")).isEqualTo(shanghai("2027-02-12T23:59"));
        }

        @Test
        void countingBackInMonthsKeepsTheWholePeriod() {
            // a month before Thu 8 Oct 2026 is Tue 8 Sep 2026, a working day
            assertThat(service.dayBefore("audit.publish", LocalDate.parse("2026-10-08"))).isEqualTo("2026-09-08");
            // a month before 31 Oct 2026 is 30 Sep 2026 (Wed), a working day
            assertThat(service.dayBefore("audit.publish", LocalDate.parse("2026-10-31"))).isEqualTo("2026-09-30");
            // a year before Thu 1 Oct 2026 is Wed 1 Oct 2025, 国庆: the working day before, Tue 30 Sep 2025
            assertThat(service.dayBefore("audit.report", LocalDate.parse("2026-10-01"))).isEqualTo("2025-09-30");
        }

        @Test
        void aStatutoryClockRefusesMonths() {
            assertThatThrownBy(() -> service.statutoryClock("audit.publish", LocalDate.parse("2026-02-12"),
                    java.util.List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MONTHS");
        }

        @Test
        void aNegativePeriodIsRefused() {
            assertThatThrownBy(() -> dueDay("2026-01-31", -1, DayUnit.MONTHS))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
