package org.hmcflow.supervision;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * 督办趋势 — deadline items per ISO week (Monday to Monday in the bureau's time zone): opened, closed on time and late
 * (done; a cancelled or reassigned item is not a closing), and open and overdue at the week's end (for the current
 * week: now). Three statements whatever the number of weeks: one grouped query for the openings, one for the closings,
 * one for the week-end snapshot, each joining the items to the weeks written as a derived table.
 */
@Repository
class SupervisionTrends {

    /** One week's figures. */
    record Week(String isoWeek, LocalDate weekStart, long opened, long closedOnTime, long closedLate, long openAtEnd,
                long overdueAtEnd) {
    }

    /** What the trends are narrowed to; null fields do not narrow. */
    record Filter(String lifecycle, String county, String department) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final String table;

    SupervisionTrends(NamedParameterJdbcTemplate jdbc, @Value("${hmc.db.schema}") String schema) {
        this.jdbc = jdbc;
        this.table = schema + ".deadline_item";
    }

    /** The last {@code weeks} weeks up to the one holding {@code now}, oldest first. */
    List<Week> weekly(int weeks, Filter filter, Instant now, ZoneId zone) {
        LocalDate thisMonday = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate[] starts = new LocalDate[weeks + 1];
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder weekTable = new StringBuilder("(");
        for (int i = 0; i <= weeks; i++) {
            starts[i] = thisMonday.minusWeeks(weeks - 1L - i);
        }
        for (int i = 0; i < weeks; i++) {
            Instant from = starts[i].atStartOfDay(zone).toInstant();
            Instant to = starts[i + 1].atStartOfDay(zone).toInstant();
            Instant snapshot = to.isAfter(now) ? now : to;
            params.addValue("ws" + i, utc(from)).addValue("we" + i, utc(to)).addValue("wx" + i, utc(snapshot));
            weekTable.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i)
                    .append(" AS w, CAST(:ws").append(i).append(" AS TIMESTAMP WITH TIME ZONE) AS ws, CAST(:we")
                    .append(i).append(" AS TIMESTAMP WITH TIME ZONE) AS we, CAST(:wx").append(i)
                    .append(" AS TIMESTAMP WITH TIME ZONE) AS wx");
        }
        weekTable.append(") wk");
        String where = where(filter, params);
        long[][] n = new long[weeks][5];
        jdbc.query("SELECT wk.w, COUNT(d.id) AS n FROM " + weekTable + " JOIN " + table
                + " d ON d.opened_at >= wk.ws AND d.opened_at < wk.we" + where + " GROUP BY wk.w", params,
                rs -> { n[rs.getInt("w")][0] = rs.getLong("n"); });
        jdbc.query("SELECT wk.w, SUM(CASE WHEN d.closed_at <= d.due_at THEN 1 ELSE 0 END) AS on_time,"
                + " SUM(CASE WHEN d.closed_at > d.due_at THEN 1 ELSE 0 END) AS late FROM " + weekTable + " JOIN " + table
                + " d ON d.closed_at >= wk.ws AND d.closed_at < wk.we AND d.close_reason = 'DONE'" + where
                + " GROUP BY wk.w", params, rs -> {
                    n[rs.getInt("w")][1] = rs.getLong("on_time");
                    n[rs.getInt("w")][2] = rs.getLong("late");
                });
        jdbc.query("SELECT wk.w, COUNT(d.id) AS open_n, SUM(CASE WHEN d.due_at <= wk.wx THEN 1 ELSE 0 END) AS overdue_n"
                + " FROM " + weekTable + " JOIN " + table + " d ON d.opened_at < wk.wx"
                + " AND (d.closed_at IS NULL OR d.closed_at >= wk.wx)" + where + " GROUP BY wk.w", params, rs -> {
                    n[rs.getInt("w")][3] = rs.getLong("open_n");
                    n[rs.getInt("w")][4] = rs.getLong("overdue_n");
                });
        List<Week> result = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            LocalDate start = starts[i];
            String iso = String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            result.add(new Week(iso, start, n[i][0], n[i][1], n[i][2], n[i][3], n[i][4]));
        }
        return result;
    }

    private static String where(Filter f, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder();
        add(sql, params, "lifecycle", f.lifecycle());
        add(sql, params, "county", f.county());
        add(sql, params, "responsible", f.department());
        return sql.toString();
    }

    private static void add(StringBuilder sql, MapSqlParameterSource params, String column, Object value) {
        if (value != null && !value.toString().isBlank()) {
            sql.append(" AND d.").append(column).append(" = :").append(column);
            params.addValue(column, value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
