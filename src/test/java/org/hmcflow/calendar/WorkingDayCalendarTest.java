package org.hmcflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hmcflow.calendar.CalendarFixtures.REAL_CALENDAR;
import static org.hmcflow.calendar.CalendarFixtures.date;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** The shipped schedule ({@code config/calendar/holidays-cn.yaml}) and the counting rules on it. */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = REAL_CALENDAR;

    @Nested
    class SpringFestival2026 {

        @Test
        void countsTheMakeUpSaturdayAndSkipsTheHoliday() {
            LocalDate thursday = date("2026-02-12");
            assertThat(calendar.plusWorkingDays(thursday, 1)).isEqualTo("2026-02-13");
            assertThat(calendar.plusWorkingDays(thursday, 2)).isEqualTo("2026-02-14"); // Saturday, 调休上班
            assertThat(calendar.plusWorkingDays(thursday, 3)).isEqualTo("2026-02-24"); // first day after 15–23 Feb
            assertThat(calendar.plusWorkingDays(thursday, 4)).isEqualTo("2026-02-25");
        }

        @Test
        void theSecondMakeUpSaturdayCountsToo() {
            assertThat(calendar.plusWorkingDays(date("2026-02-27"), 1)).isEqualTo("2026-02-28");
            assertThat(calendar.plusWorkingDays(date("2026-02-27"), 2)).isEqualTo("2026-03-02");
            // 13 Feb exclusive .. 28 Feb inclusive: 14, 24, 25, 26, 27, 28
            assertThat(calendar.workingDaysBetween(date("2026-02-13"), date("2026-02-28"))).isEqualTo(6);
        }

        @Test
        void everyDayOfTheHolidayIsOffAndNamed() {
            for (LocalDate d = date("2026-02-15"); !d.isAfter(date("2026-02-23")); d = d.plusDays(1)) {
                assertThat(calendar.isWorkingDay(d)).as("%s", d).isFalse();
                assertThat(calendar.holidayName(d)).as("%s", d).contains("春节");
            }
            assertThat(calendar.holidayName(date("2026-02-24"))).isEmpty();
            assertThat(calendar.isWorkingDay(date("2026-02-24"))).isTrue();
        }

        @Test
        void minusGoesBackAcrossTheHoliday() {
            assertThat(calendar.minusWorkingDays(date("2026-02-24"), 1)).isEqualTo("2026-02-14");
            assertThat(calendar.minusWorkingDays(date("2026-02-24"), 2)).isEqualTo("2026-02-13");
            assertThat(calendar.minusWorkingDays(date("2026-03-02"), 1)).isEqualTo("2026-02-28");
            assertThat(calendar.minusWorkingDays(date("2026-03-02"), 2)).isEqualTo("2026-02-27");
        }

        @Test
        void zeroDaysIsTheDayItselfOrTheNearestWorkingDayInTheDirection() {
            assertThat(calendar.plusWorkingDays(date("2026-02-12"), 0)).isEqualTo("2026-02-12");
            assertThat(calendar.plusWorkingDays(date("2026-02-15"), 0)).isEqualTo("2026-02-24");
            assertThat(calendar.minusWorkingDays(date("2026-02-15"), 0)).isEqualTo("2026-02-14");
        }

        @Test
        void workingDaysBetweenCountsFromExclusiveToInclusive() {
            assertThat(calendar.workingDaysBetween(date("2026-02-12"), date("2026-02-24"))).isEqualTo(3);
            // February 2026: 20 weekdays − 6 holiday weekdays + 2 make-up Saturdays
            assertThat(calendar.workingDaysBetween(date("2026-01-31"), date("2026-02-28"))).isEqualTo(16);
            assertThat(calendar.workingDaysBetween(date("2026-02-24"), date("2026-02-24"))).isZero();
            assertThat(calendar.workingDaysBetween(date("2026-02-24"), date("2026-02-12"))).isZero();
        }
    }

    @Test
    void newYear2026IsOffAndTheSundayAfterIsWorked() {
        assertThat(calendar.holidayName(date("2026-01-01"))).contains("元旦");
        assertThat(calendar.isWorkingDay(date("2026-01-02"))).isFalse(); // a Friday
        assertThat(calendar.isWorkingDay(date("2026-01-04"))).isTrue(); // a Sunday
        assertThat(calendar.plusWorkingDays(date("2025-12-31"), 1)).isEqualTo("2026-01-04");
        assertThat(calendar.plusWorkingDays(date("2025-12-31"), 2)).isEqualTo("2026-01-05");
    }

    @Test
    void nationalDay2025WithItsMakeUpSundayAndSaturday() {
        LocalDate friday = date("2025-09-26");
        assertThat(calendar.plusWorkingDays(friday, 1)).isEqualTo("2025-09-28"); // Sunday, 调休上班
        assertThat(calendar.plusWorkingDays(friday, 3)).isEqualTo("2025-09-30");
        assertThat(calendar.plusWorkingDays(friday, 4)).isEqualTo("2025-10-09"); // after 1–8 Oct
        assertThat(calendar.plusWorkingDays(friday, 6)).isEqualTo("2025-10-11"); // Saturday, 调休上班
        assertThat(calendar.plusWorkingDays(friday, 7)).isEqualTo("2025-10-13");
        assertThat(calendar.holidayName(date("2025-10-06"))).contains("国庆节、中秋节");
    }

    @Test
    void midAutumnAndNationalDay2026WithTheirMakeUpDays() {
        assertThat(calendar.plusWorkingDays(date("2026-09-18"), 1)).isEqualTo("2026-09-20"); // Sunday, 调休上班
        assertThat(calendar.holidayName(date("2026-09-25"))).contains("中秋节");
        assertThat(calendar.holidayName(date("2026-10-07"))).contains("国庆节");
        LocalDate wednesday = date("2026-09-30");
        assertThat(calendar.plusWorkingDays(wednesday, 1)).isEqualTo("2026-10-08");
        assertThat(calendar.plusWorkingDays(wednesday, 3)).isEqualTo("2026-10-10"); // Saturday, 调休上班
        assertThat(calendar.plusWorkingDays(wednesday, 4)).isEqualTo("2026-10-12");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "2025-01-01, 元旦", "2025-01-28, 春节", "2025-02-04, 春节", "2025-04-04, 清明节", "2025-04-06, 清明节",
            "2025-05-01, 劳动节", "2025-05-05, 劳动节", "2025-05-31, 端午节", "2025-06-02, 端午节",
            "2025-10-01, 国庆节、中秋节", "2025-10-08, 国庆节、中秋节",
            "2026-01-03, 元旦", "2026-04-04, 清明节", "2026-04-06, 清明节", "2026-05-01, 劳动节", "2026-05-05, 劳动节",
            "2026-06-19, 端午节", "2026-06-21, 端午节", "2026-09-27, 中秋节", "2026-10-01, 国庆节"})
    void firstAndLastDaysOfEveryHolidayAreOff(LocalDate date, String name) {
        assertThat(calendar.isWorkingDay(date)).isFalse();
        assertThat(calendar.holidayName(date)).contains(name);
    }

    @ParameterizedTest
    @CsvSource({"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
    void everyMakeUpWeekendDayIsWorked(LocalDate date) {
        assertThat(calendar.isWorkingDay(date)).isTrue();
        assertThat(calendar.isWorkingDay(date.plusDays(date.getDayOfWeek().getValue() == 6 ? 1 : -1)))
                .as("the other day of that weekend").isFalse();
    }

    @ParameterizedTest
    @CsvSource({"2025", "2026"})
    void eachYearHas248WorkingDays(int year) {
        // 261 weekdays in 2025 and in 2026, minus the 13 statutory holiday days (国务院 2024 revision): a wrong date
        // in the file shows up here as a different total
        assertThat(calendar.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31))).isEqualTo(248);
    }

    @Test
    void ordinaryWeekdaysAndWeekendsOfACoveredYear() {
        assertThat(calendar.isWorkingDay(date("2026-03-10"))).isTrue(); // Tuesday
        assertThat(calendar.isWorkingDay(date("2026-03-14"))).isFalse(); // Saturday
        assertThat(calendar.holidayName(date("2026-03-14"))).isEmpty();
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(date("2026-02-12"), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> calendar.minusWorkingDays(date("2026-02-12"), -3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3");
    }

    @Test
    void coversTheShippedYears() {
        assertThat(calendar.coveredYears()).containsExactly(2025, 2026);
        assertThat(calendar.covers(2026)).isTrue();
        assertThat(calendar.covers(2027)).isFalse();
    }

    @Test
    void anUncoveredYearCountsWeekendsOnlyAndWarnsOncePerYear() {
        WorkingDayCalendar fresh = WorkingDayCalendar.fromLocations(List.of("classpath:config/calendar/holidays-cn.yaml"));
        Logger logger = (Logger) LoggerFactory.getLogger(WorkingDayCalendar.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            // 1 Jan 2027 is a Friday; without the 2027 schedule it is counted as an ordinary working day
            assertThat(fresh.isWorkingDay(date("2027-01-01"))).isTrue();
            assertThat(fresh.isWorkingDay(date("2027-01-02"))).isFalse();
            assertThat(fresh.plusWorkingDays(date("2026-12-31"), 1)).isEqualTo("2027-01-01");
            assertThat(fresh.plusWorkingDays(date("2027-02-05"), 5)).isEqualTo("2027-02-12");
            assertThat(fresh.workingDaysBetween(date("2027-01-31"), date("2027-02-28"))).isEqualTo(20);
            assertThat(fresh.holidayName(date("2027-01-01"))).isEmpty();
            fresh.isWorkingDay(date("2028-03-01"));

            List<String> warnings = appender.list.stream()
                    .filter(e -> e.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
            assertThat(warnings).filteredOn(m -> m.contains("2027")).hasSize(1)
                    .first().asString().contains("hmc.calendar.locations");
            assertThat(warnings).filteredOn(m -> m.contains("2028")).hasSize(1);
            assertThat(warnings).noneMatch(m -> m.contains("2026"));
        } finally {
            logger.detachAppender(appender);
        }
    }
}
