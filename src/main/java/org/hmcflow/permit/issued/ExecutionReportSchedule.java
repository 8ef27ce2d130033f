package org.hmcflow.permit.issued;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.hmcflow.permit.issued.Permit.ReportDue;
import org.hmcflow.permit.application.ReportKind;

/**
 * 执行报告计划 — the execution reports a permit requires over its validity (排污许可管理条例 Art 22): one per calendar
 * year, quarter or month the permit is held, each due on a set day of the month after its period (the annual report by
 * 15 January of the next year, a quarterly one by the 15th of the month after the quarter). A period in which the
 * permit was held less than the minimum (◐ typical: 3 months for a year, 1 for a quarter, 10 days for a month) needs no
 * report. A due day that is not a working day moves to the next one (民法典 Art 203).
 */
public final class ExecutionReportSchedule {

    private ExecutionReportSchedule() {
    }

    /**
     * @param validFrom    first day of validity
     * @param validUntil   last day of validity
     * @param kinds        the reports the permit requires
     * @param dueDay       the day of the month after a period the report is due
     * @param minimumHeld  per kind, how long the permit must be held within a period for its report to be due
     * @param toWorkingDay the day itself if worked, else the next working day
     */
    public static List<ReportDue> schedule(LocalDate validFrom, LocalDate validUntil, List<ReportKind> kinds,
                                           int dueDay, Map<ReportKind, Period> minimumHeld,
                                           UnaryOperator<LocalDate> toWorkingDay) {
        List<ReportDue> due = new ArrayList<>();
        for (ReportKind kind : kinds) {
            Period minimum = minimumHeld.getOrDefault(kind, Period.ZERO);
            for (LocalDate start = periodStart(kind, validFrom); !start.isAfter(validUntil); start = next(kind, start)) {
                LocalDate end = next(kind, start).minusDays(1);
                LocalDate heldFrom = start.isBefore(validFrom) ? validFrom : start;
                LocalDate heldUntil = end.isAfter(validUntil) ? validUntil : end;
                if (heldFrom.plus(minimum).isAfter(heldUntil.plusDays(1))) {
                    continue;
                }
                LocalDate dueOn = toWorkingDay.apply(end.plusDays(1).withDayOfMonth(dueDay));
                due.add(new ReportDue(kind, label(kind, start), start, end, dueOn));
            }
        }
        due.sort(Comparator.comparing(ReportDue::getDueOn).thenComparing(ReportDue::getKind));
        return due;
    }

    private static LocalDate periodStart(ReportKind kind, LocalDate day) {
        return switch (kind) {
            case ANNUAL -> day.withDayOfYear(1);
            case QUARTERLY -> day.withDayOfMonth(1).withMonth((day.getMonthValue() - 1) / 3 * 3 + 1);
            case MONTHLY -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(ReportKind kind, LocalDate start) {
        return switch (kind) {
            case ANNUAL -> start.plusYears(1);
            case QUARTERLY -> start.plusMonths(3);
            case MONTHLY -> start.plusMonths(1);
        };
    }

    private static String label(ReportKind kind, LocalDate start) {
        return switch (kind) {
            case ANNUAL -> String.valueOf(start.getYear());
            case QUARTERLY -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case MONTHLY -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
        };
    }
}
