package org.hmcflow.selfinspection;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calendar month (日常排查) or calendar year (综合排查) a self-inspection covers, from {@code start} to {@code end}
 * inclusive.
 */
record InspectionPeriod(SelfInspectionKind kind, LocalDate start, LocalDate end) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    /** Earlier years are typos: the self-inspection system dates from the 2016 guide. */
    static final int FIRST_YEAR = 2000;

    /** The period written as {@code YYYY-MM} (routine) or {@code YYYY} (comprehensive); empty when malformed. */
    static Optional<InspectionPeriod> parse(SelfInspectionKind kind, String text) {
        if (kind == null || text == null) {
            return Optional.empty();
        }
        if (kind == SelfInspectionKind.ROUTINE) {
            Matcher m = MONTH.matcher(text);
            if (!m.matches() || Integer.parseInt(m.group(1)) < FIRST_YEAR) {
                return Optional.empty();
            }
            return Optional.of(of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))));
        }
        if (!YEAR.matcher(text).matches() || Integer.parseInt(text) < FIRST_YEAR) {
            return Optional.empty();
        }
        return Optional.of(ofYear(Integer.parseInt(text)));
    }

    /** The period of this kind that contains the day. */
    static InspectionPeriod containing(SelfInspectionKind kind, LocalDate day) {
        return kind == SelfInspectionKind.ROUTINE ? of(YearMonth.from(day)) : ofYear(day.getYear());
    }

    static InspectionPeriod of(YearMonth month) {
        return new InspectionPeriod(SelfInspectionKind.ROUTINE, month.atDay(1), month.atEndOfMonth());
    }

    static InspectionPeriod ofYear(int year) {
        return new InspectionPeriod(SelfInspectionKind.COMPREHENSIVE, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    InspectionPeriod previous() {
        return containing(kind, start.minusDays(1));
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** A period starts in the future when its first day is after today; the current period may be filed. */
    boolean startsAfter(LocalDate today) {
        return start.isAfter(today);
    }

    /** The last day on which filing counts as on time: the period's end plus the grace days. */
    LocalDate dueBy(int graceDays) {
        return end.plusDays(graceDays);
    }

    /** The period as stored and as the API writes it: {@code 2026-11} or {@code 2026}. */
    String text() {
        return kind == SelfInspectionKind.ROUTINE ? YearMonth.from(start).toString() : String.valueOf(start.getYear());
    }

    @Override
    public String toString() {
        return text();
    }
}
