package org.hmcflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hmcflow.HmcFlowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 督办台账 benchmark (issue 14): the supervisors' counts and the first page of the overdue list, through the real
 * HTTP API, on a real PostgreSQL with {@code bench.open} open and {@code bench.closed} closed deadline items. Prints
 * the load time and, per request, n, min, p50, p95, p99 and max in milliseconds against the p95 goal; exits 1 when a
 * goal is missed (after printing everything). Run with {@code ./mvnw -Pbenchmark verify} (README "Benchmark").
 *
 * <p>The application runs as in production on PostgreSQL (profile {@code postgres}, job executor off) on an embedded
 * server; the supervisor signs in once through the login form, as in the portal, and each request carries the
 * session. One row with HTTP Basic shows what a script pays on top (the password hash is checked on every request).
 */
public final class SupervisionBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Operation(String name, String path) {
    }

    private record Result(String name, int n, double[] ms) {
        double pct(double p) {
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    public static void main(String[] args) throws Exception {
        int open = Integer.getInteger("bench.open", 100_000);
        int closed = Integer.getInteger("bench.closed", 1_000_000);
        int iterations = Integer.getInteger("bench.iterations", 200);
        int warmup = Integer.getInteger("bench.warmup", 30);
        double goal = Integer.getInteger("bench.goal-ms", 200);
        // -Dbench.explain=true: afterwards, the plans of the main statements (EXPLAIN ANALYZE)
        boolean explain = Boolean.getBoolean("bench.explain");
        boolean failed;

        say("HMC-Flow supervision benchmark: %,d open + %,d closed deadline items, %d iterations (after %d warm-up),"
                + " goal p95 < %.0f ms; %d processors, Java %s", open, closed, iterations, warmup, goal,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        long t0 = System.nanoTime();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
            say("embedded PostgreSQL started in %.1f s", secondsSince(t0));
            t0 = System.nanoTime();
            // as command-line arguments, so they win over application-postgres.yaml
            String[] settings = {
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
                    "--spring.main.banner-mode=off"};
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HmcFlowApplication.class)
                    .profiles("postgres").registerShutdownHook(false).run(settings)) {
                // on Ctrl-C: the application first (it closes its pool), then the server (one hook, in this order:
                // two hooks run at once, and a pool waiting on a stopped server hangs the JVM)
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    app.close();
                    try {
                        postgres.close();
                    } catch (Exception e) {
                        // exiting anyway
                    }
                }));
                int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
                say("application started on port %d in %.1f s", port, secondsSince(t0));
                String schema = app.getEnvironment().getProperty("hmc.db.schema");
                DataSource dataSource = app.getBean(DataSource.class);
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);

                t0 = System.nanoTime();
                long rows = new DeadlineItemBuilder(Instant.now()).load(dataSource, schema + ".deadline_item", open, closed);
                double load = secondsSince(t0);
                say("loaded %,d deadline items with COPY in %.1f s (%,.0f rows/s)", rows, load, rows / load);
                t0 = System.nanoTime();
                // what autovacuum does soon after a bulk load: statistics and the visibility map
                jdbc.execute("VACUUM ANALYZE " + schema + ".deadline_item");
                say("VACUUM ANALYZE in %.1f s; table %s, indexes %s; shared_buffers %s", secondsSince(t0),
                        jdbc.queryForObject("SELECT pg_size_pretty(pg_table_size('" + schema + ".deadline_item'))", String.class),
                        jdbc.queryForObject("SELECT pg_size_pretty(pg_indexes_size('" + schema + ".deadline_item'))", String.class),
                        jdbc.queryForObject("SHOW shared_buffers", String.class));

                Http session = Http.signIn(port, "supervisor", "demo");
                JsonNode states = session.json("/api/supervision/items/counts?by=STATE");
                say("open items by state: %s", states);
                String county = session.json("/api/supervision/items/counts?by=COUNTY").get(0).get("key").asText();
                JsonNode overdue = session.json("/api/supervision/items?state=OVERDUE&page=0&size=50");
                say("overdue list: %d of %d on the first page", overdue.get("items").size(), overdue.get("total").asLong());

                String countyParam = URLEncoder.encode(county, StandardCharsets.UTF_8);
                List<Operation> operations = List.of(
                        new Operation("counts by=STATE", "/api/supervision/items/counts?by=STATE"),
                        new Operation("counts by=LIFECYCLE", "/api/supervision/items/counts?by=LIFECYCLE"),
                        new Operation("counts by=COUNTY", "/api/supervision/items/counts?by=COUNTY"),
                        new Operation("counts by=DEPARTMENT", "/api/supervision/items/counts?by=DEPARTMENT"),
                        new Operation("counts by=ENTERPRISE", "/api/supervision/items/counts?by=ENTERPRISE"),
                        new Operation("overdue p0 (due_at)", "/api/supervision/items?state=OVERDUE&page=0&size=50"),
                        new Operation("overdue p0 DUE_AT_DESC", "/api/supervision/items?state=OVERDUE&page=0&size=50&sort=DUE_AT_DESC"),
                        new Operation("overdue p0 OPENED_AT", "/api/supervision/items?state=OVERDUE&page=0&size=50&sort=OPENED_AT"),
                        new Operation("overdue p0 county", "/api/supervision/items?state=OVERDUE&county=" + countyParam + "&page=0&size=50"),
                        new Operation("overdue p0 county DESC", "/api/supervision/items?state=OVERDUE&county=" + countyParam
                                + "&page=0&size=50&sort=DUE_AT_DESC"),
                        new Operation("seriously overdue p0", "/api/supervision/items?state=SERIOUSLY_OVERDUE&page=0&size=50"),
                        new Operation("all open p0", "/api/supervision/items?page=0&size=50"));
                List<Result> results = new ArrayList<>();
                for (Operation op : operations) {
                    Result r = measure(session, op, warmup, iterations);
                    results.add(r);
                    say("%-26s p50 %.1f ms, p95 %.1f ms", r.name(), r.pct(50), r.pct(95));
                }
                Http basic = Http.basic(port, "supervisor", "demo");
                Result basicRow = measure(basic, new Operation("counts by=STATE, Basic",
                        "/api/supervision/items/counts?by=STATE"), Math.min(warmup, 10), Math.min(iterations, 50));

                System.out.println();
                System.out.printf(Locale.ROOT, "%-26s %5s %8s %8s %8s %8s %8s  %s%n", "operation", "n", "min", "p50", "p95",
                        "p99", "max", "p95 < " + (int) goal + " ms");
                failed = false;
                for (Result r : results) {
                    boolean pass = r.pct(95) < goal;
                    failed |= !pass;
                    print(r, pass ? "PASS" : "FAIL");
                }
                print(basicRow, "(info: HTTP Basic checks the password hash on every request)");
                System.out.println();
                if (explain) {
                    explain(jdbc, schema + ".deadline_item", county);
                }
                say(failed ? "FAILED: a p95 is over the goal" : "all goals met");
            }
        }
        System.exit(failed ? 1 : 0);
    }

    /**
     * The plans of the statements behind the counts and the overdue list, as {@code DeadlineItemQueries} writes them
     * (copied here: a diagnosis for the speed work, not a second implementation).
     */
    private static void explain(JdbcTemplate jdbc, String table, String county) {
        String now = "now()";
        String state = "CASE WHEN " + now + " < due_soon_from THEN 0 WHEN " + now + " < due_at THEN 1 WHEN " + now
                + " < seriously_overdue_from THEN 2 ELSE 3 END";
        String overdue = " WHERE closed_at IS NULL AND due_at <= " + now + " AND seriously_overdue_from > " + now;
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("counts by=STATE", "SELECT k, s, COUNT(*) FROM (SELECT 0 AS k, " + state + " AS s FROM " + table
                + " WHERE closed_at IS NULL) t GROUP BY k, s");
        statements.put("counts by=ENTERPRISE", "SELECT k, s, COUNT(*) FROM (SELECT enterprise_id AS k, " + state
                + " AS s FROM " + table + " WHERE closed_at IS NULL) t GROUP BY k, s");
        statements.put("overdue total", "SELECT COUNT(*) FROM " + table + overdue);
        statements.put("overdue p0", "SELECT id FROM " + table + overdue
                + " ORDER BY due_at ASC, id ASC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY");
        statements.put("overdue p0 county", "SELECT id FROM " + table + overdue + " AND county = '" + county
                + "' ORDER BY due_at ASC, id ASC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY");
        statements.put("overdue p0 OPENED_AT", "SELECT id FROM " + table + overdue
                + " ORDER BY opened_at ASC, id ASC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY");
        statements.forEach((name, sql) -> {
            say("plan of %s:", name);
            jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql, String.class).forEach(line -> System.out.println("    " + line));
        });
    }

    private static Result measure(Http http, Operation op, int warmup, int iterations) throws Exception {
        for (int i = 0; i < warmup; i++) {
            http.get(op.path());
        }
        double[] ms = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            http.get(op.path());
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Result(op.name(), iterations, ms);
    }

    private static void print(Result r, String verdict) {
        double[] sorted = r.ms().clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-26s %5d %8.1f %8.1f %8.1f %8.1f %8.1f  %s%n", r.name(), r.n(), sorted[0],
                r.pct(50), r.pct(95), r.pct(99), sorted[sorted.length - 1], verdict);
    }

    private static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** A client of the running application: a signed-in session (cookie) or HTTP Basic on every request. */
    private static final class Http {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
        private final HttpClient client;
        private final String base;
        private final String authorization;

        private Http(HttpClient client, int port, String authorization) {
            this.client = client;
            this.base = "http://localhost:" + port;
            this.authorization = authorization;
        }

        static Http basic(int port, String user, String password) {
            return new Http(HttpClient.newHttpClient(), port, "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        /** Signs in through the login form, as the portal does; the session cookie goes with every request after. */
        static Http signIn(int port, String user, String password) throws Exception {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            Http http = new Http(client, port, null);
            String page = client.send(HttpRequest.newBuilder(URI.create(http.base + "/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(page);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on the login page");
            }
            String token = m.group(1) != null ? m.group(1) : m.group(2);
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(http.base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            String location = login.headers().firstValue("Location").orElse("");
            if (login.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("login failed: " + login.statusCode() + " " + location);
            }
            return http;
        }

        String get(String path) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        JsonNode json(String path) throws Exception {
            return JSON.readTree(get(path));
        }
    }
}
