package org.hmcflow.support;

import java.time.ZonedDateTime;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every HTTP scenario class shares, whichever database its subclasses run it on ({@link H2AppTest} or
 * {@link PostgresAppTest}): the application's port, the demo users' clients, the database for counting rows, and the
 * engine clock set to Monday 2 March 2026, 09:00 in Qingyuan — a normal working week after the Spring Festival, no
 * holiday until 清明 (4–6 April) — and put back after each scenario.
 */
public abstract class ApiScenarios {

    @LocalServerPort
    protected int port;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected JdbcTemplate jdbc;
    @Value("${hmc.db.schema}")
    protected String schema;

    protected EngineClockControl clock;
    protected ApiClient enterprise;
    protected ApiClient enterprise2;
    protected ApiClient reviewer;
    protected ApiClient reviewer2;
    protected ApiClient monitor;
    protected ApiClient supervisor;
    protected ApiClient anonymous;

    @BeforeEach
    void startOnAMondayMorning() {
        clock = new EngineClockControl(management);
        clock.set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        enterprise = new ApiClient(port, "enterprise");
        enterprise2 = new ApiClient(port, "enterprise2");
        reviewer = new ApiClient(port, "reviewer");
        reviewer2 = new ApiClient(port, "reviewer2");
        monitor = new ApiClient(port, "monitor");
        supervisor = new ApiClient(port, "supervisor");
        anonymous = new ApiClient(port, null);
    }

    @AfterEach
    void resetClock() {
        EngineClockControl.reset();
    }
}
