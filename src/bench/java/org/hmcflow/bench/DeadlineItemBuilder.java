package org.hmcflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Data builder for the benchmark: open and closed 期限事项 (deadline_item rows) with a realistic spread, written
 * with PostgreSQL's COPY. Eight lifecycles, twelve counties, fifteen departments and 3,000 enterprises; open items
 * due from 30 days ago to 60 days ahead (so every SLA state occurs), closed items opened over the last three years.
 * Rows are written in the order they would have been opened, so open items sit among the recent closed ones, as in
 * a table that has grown for years. Seeded: the same sizes give the same rows.
 */
final class DeadlineItemBuilder {

    static final String[] LIFECYCLES = {"permit-application", "hazard-lifecycle", "inspection", "enforcement",
            "permit-execution-report", "permit-change", "permit-renewal", "multi-party-review"};
    static final String[] COUNTIES = {"清城区", "清新区", "英德市", "连州市", "佛冈县", "阳山县", "连山县", "连南县",
            "荷塘区", "芦淞区", "石峰区", "醴陵市"};
    static final String[] DEPARTMENTS = {"city-epb", "city-eit", "city-monitoring", "city-land", "city-water",
            "city-housing", "city-safety", "city-agriculture", "city-health", "gov-qingcheng", "gov-qingxin",
            "gov-yingde", "gov-lianzhou", "gov-fogang", "gov-yangshan"};
    static final int ENTERPRISES = 3_000;
    /** Working days approximated by calendar days: due soon 3 days before, seriously overdue 14 days after. */
    private static final Duration DUE_SOON = Duration.ofDays(3);
    private static final Duration SERIOUS = Duration.ofDays(14);

    private static final String COLUMNS = "subject, responsible, responsible_kind, lifecycle, case_ref, step_key,"
            + " step_name, process_instance_id, task_id, enterprise_id, county, due_at, due_soon_from,"
            + " seriously_overdue_from, opened_at, closed_at, close_reason, open_key, version";

    private final Instant now;
    private final SplittableRandom random = new SplittableRandom(20261202L);

    DeadlineItemBuilder(Instant now) {
        this.now = now;
    }

    /** Writes {@code open} open and {@code closed} closed items into {@code table}; returns the rows written. */
    long load(DataSource dataSource, String table, int open, int closed) throws SQLException, IOException {
        // each row: opened-at second << 1 | open flag, sorted, so rows go in in the order they were opened
        long[] rows = new long[open + closed];
        long nowS = now.getEpochSecond();
        long threeYears = Duration.ofDays(3 * 365).toSeconds();
        for (int i = 0; i < closed; i++) {
            rows[i] = (nowS - Duration.ofDays(5).toSeconds() - random.nextLong(threeYears)) << 1;
        }
        for (int i = closed; i < rows.length; i++) {
            // opened within the last four months (an open item's due date is drawn from its opening below)
            rows[i] = ((nowS - random.nextLong(Duration.ofDays(120).toSeconds())) << 1) | 1;
        }
        Arrays.sort(rows);
        long written = 0;
        try (Connection connection = dataSource.getConnection()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + COLUMNS + ") FROM STDIN");
            StringBuilder buffer = new StringBuilder(1 << 20);
            for (int i = 0; i < rows.length; i++) {
                Instant opened = Instant.ofEpochSecond(rows[i] >> 1);
                row(buffer, i, opened, (rows[i] & 1) == 1);
                if (buffer.length() > (1 << 20) - 2048) {
                    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    buffer.setLength(0);
                }
                written++;
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        }
        return written;
    }

    private void row(StringBuilder b, int seq, Instant opened, boolean open) {
        String lifecycle = LIFECYCLES[skewed(LIFECYCLES.length)];
        int enterprise = 1 + random.nextInt(ENTERPRISES);
        // about four items in ten are the enterprise's to act on, the others a department's
        boolean enterpriseActs = random.nextInt(10) < 4;
        String responsible = enterpriseActs ? "enterprise-" + enterprise : DEPARTMENTS[skewed(DEPARTMENTS.length)];
        String subject = "task:bench-" + seq;
        Instant due;
        Instant closedAt = null;
        if (open) {
            // due from 30 days ago to 60 days ahead: seriously overdue, overdue, due soon and on track all occur
            due = now.plusSeconds(random.nextLong(Duration.ofDays(90).toSeconds()) - Duration.ofDays(30).toSeconds());
        } else {
            due = opened.plusSeconds(Duration.ofDays(5).toSeconds() + random.nextLong(Duration.ofDays(25).toSeconds()));
            closedAt = opened.plusSeconds(3_600 + random.nextLong(Duration.ofDays(45).toSeconds()));
            if (closedAt.isAfter(now)) {
                closedAt = now.minusSeconds(random.nextInt(86_400));
            }
        }
        int step = random.nextInt(6);
        b.append(subject).append('\t')
                .append(responsible).append('\t')
                .append(enterpriseActs ? "ENTERPRISE" : "DEPARTMENT").append('\t')
                .append(lifecycle).append('\t')
                .append(seq / 3).append('\t')
                .append("Task_step").append(step).append('\t')
                .append("办理环节 ").append(step).append('\t')
                .append("pi-").append(seq / 3).append('\t')
                .append("t-").append(seq).append('\t')
                .append(enterprise).append('\t')
                .append(COUNTIES[enterprise % COUNTIES.length]).append('\t')
                .append(due).append('\t')
                .append(due.minus(DUE_SOON)).append('\t')
                .append(due.plus(SERIOUS)).append('\t')
                .append(opened).append('\t')
                .append(closedAt == null ? "\\N" : closedAt.toString()).append('\t')
                .append(closedAt == null ? "\\N" : closeReason()).append('\t')
                .append(open ? subject + "|" + responsible : "\\N").append('\t')
                .append('0').append('\n');
    }

    private String closeReason() {
        int r = random.nextInt(100);
        return r < 90 ? "DONE" : r < 97 ? "CANCELLED" : "REASSIGNED";
    }

    /** An index in [0, n), the first values more frequent (a few lifecycles and departments carry most items). */
    private int skewed(int n) {
        double u = random.nextDouble();
        return (int) Math.min(n - 1, Math.floor(n * u * u));
    }
}
