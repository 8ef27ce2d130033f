package org.hmcflow.permit.issued;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.hmcflow.calendar.WorkingDayCalendar;
import org.hmcflow.permit.issued.Permit.ReportDue;
import org.hmcflow.permit.application.ReportKind;
import org.junit.jupiter.api.Test;

/** The execution reports a permit requires (Art 22), their periods and due days; and the permit number. */
class ExecutionReportScheduleTest {

    private static final WorkingDayCalendar CALENDAR =
            WorkingDayCalendar.fromLocations(List.of("classpath:config/calendar/holidays-cn.yaml"));
    private static final Map<ReportKind, Period> MINIMUM = Map.of(ReportKind.ANNUAL, Period.ofMonths(3),
            ReportKind.QUARTERLY, Period.ofMonths(1), ReportKind.MONTHLY, Period.ofDays(10));

    private static List<ReportDue> schedule(String from, String until, ReportKind... kinds) {
        return ExecutionReportSchedule.schedule(LocalDate.parse(from), LocalDate.parse(until), List.of(kinds), 15, MINIMUM,
                d -> CALENDAR.plusWorkingDays(d, 0));
    }

    @Test
    void aPermitHeldLessThanThreeMonthsOfAYearOwesNoAnnualReportForIt() {
        // issued 15 Oct 2025: 2025 held 2½ months — no report; 2026–2029 due 15 Jan; 2030 held 9½ months — due 15 Jan 2031
        assertThat(schedule("2025-10-15", "2030-10-14", ReportKind.ANNUAL))
                .extracting(ReportDue::getPeriod, ReportDue::getDueOn)
                .containsExactly(tuple("2026", LocalDate.of(2027, 1, 15)), tuple("2027", LocalDate.of(2028, 1, 17)),
                        tuple("2028", LocalDate.of(2029, 1, 15)), tuple("2029", LocalDate.of(2030, 1, 15)),
                        tuple("2030", LocalDate.of(2031, 1, 15)));
    }

    @Test
    void quarterlyAndMonthlyReportsAreDueTheFifteenthOfTheNextMonthMovedOffHolidays() {
        List<ReportDue> quarterly = schedule("2025-12-20", "2026-12-31", ReportKind.QUARTERLY);
        // Q4 2025 held 12 days: none; Q3 2026 due 15 Oct (after 国庆 1–7 Oct)
        assertThat(quarterly).extracting(ReportDue::getPeriod, ReportDue::getPeriodStart, ReportDue::getPeriodEnd, ReportDue::getDueOn)
                .containsExactly(tuple("2026-Q1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 15)),
                        tuple("2026-Q2", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 15)),
                        tuple("2026-Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 15)),
                        tuple("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 15)));
        List<ReportDue> monthly = schedule("2026-01-05", "2026-02-28", ReportKind.MONTHLY);
        // January's report falls on Sun 15 Feb, inside 春节 (15–23 Feb): due Tue 24 Feb (民法典 Art 203)
        assertThat(monthly).extracting(ReportDue::getPeriod, ReportDue::getDueOn)
                .containsExactly(tuple("2026-01", LocalDate.of(2026, 2, 24)), tuple("2026-02", LocalDate.of(2026, 3, 16)));
    }

    @Test
    void severalKindsAreMergedInDueOrder() {
        List<ReportDue> both = schedule("2026-01-01", "2026-12-31", ReportKind.ANNUAL, ReportKind.QUARTERLY);
        assertThat(both).hasSize(5);
        assertThat(both).extracting(ReportDue::getDueOn).isSorted();
        assertThat(both.get(4).getKind()).isEqualTo(ReportKind.QUARTERLY);
        assertThat(both.get(3).getKind()).as("same day: the annual report first").isEqualTo(ReportKind.ANNUAL);
    }

    @Test
    void thePermitNumberIsTheCodeTheSiteAndP() {
        assertThat(PermitNumber.of("91130200699229617X", 1)).isEqualTo("91130200699229617X001P");
        assertThat(PermitNumber.of("91130200699229617X", 12)).isEqualTo("91130200699229617X012P");
        assertThatThrownBy(() -> PermitNumber.of("91130200699229617X", 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PermitNumber.of("91130200699229617Y", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
