package org.hmcflow.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hmcflow.calendar.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * 节假日安排覆盖 — whether the official holiday schedule is loaded far enough. Next year's schedule has been published
 * anywhere from late October to early December; until it is loaded, a year is counted with weekends only. From
 * {@code hmc.supervision.calendar-warning-from} (default 1 October) while next year is missing, or as soon as an open
 * deadline reaches a year without a schedule, admins and supervisors are warned, and every deadline reaching into such a
 * year is provisional (暂定) wherever it is shown.
 */
@Service
public class CalendarCoverage {

    /**
     * @param warning         whether admins and supervisors are to be warned
     * @param missingYears    the years a schedule is needed for: next year once the warning date is reached, and
     *                        every year an open deadline reaches without one
     * @param coveredYears    the years loaded
     * @param provisionalItems open deadline items reaching into a missing year
     */
    public record Status(boolean warning, List<Integer> missingYears, List<Integer> coveredYears, long provisionalItems) {
    }

    private final WorkingDayCalendar calendar;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final MonthDay warnFrom;
    private final String table;

    CalendarCoverage(WorkingDayCalendar calendar, NamedParameterJdbcTemplate jdbc, Clock clock,
                     @Value("${hmc.supervision.calendar-warning-from:--10-01}") String warnFrom,
                     @Value("${hmc.db.schema}") String schema) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
        this.warnFrom = MonthDay.parse(warnFrom);
        this.table = schema + ".deadline_item";
    }

    public Status status() {
        LocalDate today = LocalDate.now(clock);
        List<Integer> missing = new ArrayList<>();
        if (!MonthDay.from(today).isBefore(warnFrom) && !calendar.covers(today.getYear() + 1)) {
            missing.add(today.getYear() + 1);
        }
        OffsetDateTime furthest = jdbc.queryForObject("SELECT MAX(seriously_overdue_from) FROM " + table
                + " WHERE closed_at IS NULL", new MapSqlParameterSource(), OffsetDateTime.class);
        if (furthest != null) {
            int last = LocalDate.ofInstant(furthest.toInstant(), clock.getZone()).getYear();
            for (int year = today.getYear(); year <= last; year++) {
                if (!calendar.covers(year) && !missing.contains(year)) {
                    missing.add(year);
                }
            }
        }
        missing.sort(null);
        long provisional = 0;
        Integer firstUncovered = missing.stream().filter(y -> !calendar.covers(y)).findFirst().orElse(null);
        if (firstUncovered != null) {
            Instant from = LocalDate.of(firstUncovered, 1, 1).atStartOfDay(clock.getZone()).toInstant();
            Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE closed_at IS NULL"
                    + " AND seriously_overdue_from >= :from", new MapSqlParameterSource("from",
                    OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC)), Long.class);
            provisional = n == null ? 0 : n;
        }
        return new Status(!missing.isEmpty(), List.copyOf(missing), calendar.coveredYears().stream().sorted().toList(),
                provisional);
    }

    /** Whether a deadline with these boundaries reaches into a year without a loaded schedule. */
    public boolean provisional(DeadlineItem item) {
        return provisional(item.getDueSoonFrom(), item.getSeriouslyOverdueFrom());
    }

    boolean provisional(Instant from, Instant to) {
        int first = LocalDate.ofInstant(from, clock.getZone()).getYear();
        int last = LocalDate.ofInstant(to, clock.getZone()).getYear();
        for (int year = first; year <= last; year++) {
            if (!calendar.covers(year)) {
                return true;
            }
        }
        return false;
    }
}
