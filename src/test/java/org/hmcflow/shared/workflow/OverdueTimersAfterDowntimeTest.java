package org.hmcflow.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.runtime.Job;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.EngineClockControl;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Timers that fell due while the application was down fire after start-up: the job executor's acquisition takes
 * every job whose due date has passed, however long ago, and the job runs as it would have on time.
 */
@H2AppTest
class OverdueTimersAfterDowntimeTest {

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void reset() {
        EngineClockControl.reset();
    }

    @Test
    void timersMissedDuringDowntimeAreAcquiredAndRunOnStart() {
        EngineClockControl clock = new EngineClockControl(management);
        clock.set(ZonedDateTime.parse("2026-06-01T09:00:00+08:00").toInstant());
        String id = new ApiClient(port, "enterprise").post("/api/hazards", Map.of("title", "停机期间的隐患",
                "description", "d", "location", "l", "pollutants", List.of("Cd"))).json().get("id").asText();
        String processInstanceId = runtime.createProcessInstanceQuery().processDefinitionKey("hazard-lifecycle")
                .processInstanceBusinessKey(id).singleResult().getId();
        List<Job> timers = management.createJobQuery().timers().processInstanceId(processInstanceId).list();
        assertThat(timers).hasSize(2);

        // The server is "down" for two weeks: both the triage reminder and the triage deadline pass unseen.
        clock.advance(Duration.ofDays(14));
        AcquiredJobs acquired = engine.getCommandExecutorTxRequired()
                .execute(new AcquireJobsCmd(engine.getJobExecutor(), 1000));
        List<String> acquiredIds = acquired.getJobIdBatches().stream().flatMap(List::stream).toList();
        assertThat(acquiredIds).containsAll(timers.stream().map(Job::getId).toList());

        timers.forEach(t -> management.executeJob(t.getId()));
        var hazard = new ApiClient(port, "supervisor").get("/api/hazards/" + id).json();
        assertThat(hazard.at("/hazard/overdue").asBoolean()).isTrue();
        assertThat(hazard.at("/openTasks/0/key").asText()).isEqualTo("Task_TriageHazard");
    }
}
