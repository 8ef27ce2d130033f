package org.hmcflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.WorkingDayCalendar;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.permit.application.Applications;
import org.hmcflow.permit.application.PermitApplication;
import org.hmcflow.permit.application.PermitApplicationProcess;
import org.hmcflow.permit.application.PermitApplicationService;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ProcessTests;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 日历更新 — the "done": with the clock at 2026-11-02 and no 2027 schedule the coverage warning shows; a step
 * opened on 29 Dec 2026 whose deadline reaches into 2027 is provisional; an administrator adds the 2027 file and
 * reloads, and the deadline moves past 元旦 (1–3 Jan 2027) — task, timer, item — the move is audited and the mark
 * clears. Its own application, because {@code hmc.calendar.locations} names a file of this test's (and a reload
 * changes the singleton calendar): the "isolated" execution.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hmc-calendar-reload;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
class CalendarReloadIsolatedTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Path FILE_2027;

    static {
        try {
            FILE_2027 = Files.createTempDirectory("hmc-calendar").resolve("holidays-2027.yaml");
            // listed from the start, as an administrator prepares it; empty until the schedule is published
            Files.writeString(FILE_2027, "schedules: []\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void calendarFiles(DynamicPropertyRegistry registry) {
        registry.add("hmc.calendar.locations[0]", () -> "classpath:config/calendar/holidays-cn.yaml");
        registry.add("hmc.calendar.locations[1]", () -> "file:" + FILE_2027);
    }

    @Autowired
    HazardService hazards;
    @Autowired
    PermitApplicationService permits;
    @Autowired
    UserService users;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    DeadlineItems deadlineItems;
    @Autowired
    CalendarCoverage coverage;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    AuditTrail audit;
    @LocalServerPort
    int port;

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SHANGHAI).toInstant();
    }

    DeadlineItem decisionLimit(PermitApplication permit) {
        return deadlineItems.ofCase(PermitApplicationProcess.KEY, String.valueOf(permit.getId())).stream()
                .filter(i -> i.isOpen() && i.getStepKey().equals(PermitApplicationProcess.DEADLINE_DECISION))
                .findFirst().orElseThrow();
    }

    static String fixture() {
        try (InputStream in = CalendarReloadIsolatedTest.class.getResourceAsStream("/calendar/holidays-2027-test.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void loadingThe2027ScheduleMovesADeadlineReachingIntoItAndClearsTheProvisionalMark() throws IOException {
        ApiClient admin = new ApiClient(port, "admin");
        ApiClient supervisor = new ApiClient(port, "supervisor");
        moveClockTo(ZonedDateTime.of(2026, 11, 2, 10, 0, 0, 0, SHANGHAI));
        JsonNode warning = supervisor.get("/api/supervision/items/calendar-coverage").json();
        assertThat(warning.get("warning").asBoolean()).isTrue();
        assertThat(warning.get("missingYears").get(0).asInt()).isEqualTo(2027);

        // Tue 15 Dec 2026: a 重点 permit application accepted; its statutory limit, 30 working days, reaches into 2027:
        // 12 working days in December, then 1, 4–8, 11–15, 18–22, 25 and 26 Jan counted with weekends only
        moveClockTo(ZonedDateTime.of(2026, 12, 15, 10, 0, 0, 0, SHANGHAI));
        PermitApplication permit = permits.file(users.actor("enterprise").orElseThrow(),
                Applications.existingLeadBatterySite().build());
        permits.act(users.actor("reviewer").orElseThrow(), permit.getId(), PermitApplicationProcess.TASK_ACCEPT,
                Map.of("acceptanceDecision", "ACCEPT"));
        assertThat(decisionLimit(permit).getDueAt()).isEqualTo(at(2027, 1, 26, 23, 59));

        // Tue 29 Dec 2026: triage (3 working days) counted with weekends only in 2027 → Fri 1 Jan 2027
        moveClockTo(ZonedDateTime.of(2026, 12, 29, 10, 0, 0, 0, SHANGHAI));
        Hazard h = hazards.report(users.actor("enterprise").orElseThrow(), new HazardService.Report(null, null,
                "年末检查：电镀废水排口在线监测异常", "企业自查发现在线监测数据异常", "清城区龙塘镇工业园 3 号车间",
                List.of("Cr"), null));
        String taskId = taskService.createTaskQuery().processInstanceId(h.getProcessInstanceId()).singleResult().getId();
        DeadlineItem item = deadlineItems.ofCase("hazard-lifecycle", String.valueOf(h.getId())).get(0);
        assertThat(item.getDueAt()).isEqualTo(at(2027, 1, 1, 23, 59));
        assertThat(coverage.provisional(item)).isTrue();
        assertThat(coverage.status().provisionalItems()).isPositive();
        assertThat(ProcessTests.timer(management, h.getProcessInstanceId(), "BoundaryEvent_TriageOverdue").getDuedate()
                .toInstant()).isEqualTo(at(2027, 1, 1, 23, 59));
        assertThat(ProcessTests.timer(management, h.getProcessInstanceId(), "BoundaryEvent_TriageReminder").getDuedate()
                .toInstant()).isEqualTo(at(2026, 12, 30, 9, 0));

        assertThat(supervisor.post("/api/admin/calendar/reload", "").status()).isEqualTo(403);
        Files.writeString(FILE_2027, "schedules:\n  - year: 2027\n    holidays: [ oops", StandardCharsets.UTF_8);
        ApiClient.Response bad = admin.post("/api/admin/calendar/reload", "");
        assertThat(bad.status()).as("a malformed file changes nothing").isEqualTo(400);
        assertThat(bad.body()).contains("holidays-2027.yaml");
        assertThat(calendar.covers(2027)).isFalse();

        Files.writeString(FILE_2027, fixture(), StandardCharsets.UTF_8);
        ApiClient.Response reloaded = admin.post("/api/admin/calendar/reload", "");
        assertThat(reloaded.status()).as(reloaded.body()).isEqualTo(200);
        assertThat(reloaded.json().get("newYears").get(0).asInt()).isEqualTo(2027);
        assertThat(reloaded.json().get("moved").findValuesAsText("taskId")).contains(taskId);

        // 1–3 Jan 2027 are 元旦: due Mon 4 Jan; the reminder stays 2 working days before (Thu 31, Wed 30 Dec)
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getDueDate().toInstant())
                .isEqualTo(at(2027, 1, 4, 23, 59));
        assertThat(ProcessTests.timer(management, h.getProcessInstanceId(), "BoundaryEvent_TriageOverdue").getDuedate()
                .toInstant()).isEqualTo(at(2027, 1, 4, 23, 59));
        assertThat(ProcessTests.timer(management, h.getProcessInstanceId(), "BoundaryEvent_TriageReminder").getDuedate()
                .toInstant()).isEqualTo(at(2026, 12, 30, 9, 0));
        DeadlineItem moved = deadlineItems.ofCase("hazard-lifecycle", String.valueOf(h.getId())).get(0);
        assertThat(moved.getDueAt()).isEqualTo(at(2027, 1, 4, 23, 59));
        assertThat(coverage.provisional(moved)).isFalse();
        assertThat(coverage.status().missingYears()).doesNotContain(2027);
        assertThat(audit.trailOf("hazard-lifecycle", h.getId())).filteredOn(e -> e.getAction().equals("DEADLINE_RECOMPUTED"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getComment()).isEqualTo("calendar reload 2027");
                    assertThat(e.getChanges()).contains("2027-01-01T15:59:00Z").contains("2027-01-04T15:59:00Z");
                });

        // the permit's statutory clock is its lifecycle's: recounted on CalendarReloaded, one working day later
        assertThat(decisionLimit(permit).getDueAt()).isEqualTo(at(2027, 1, 27, 23, 59));
        assertThat(audit.trailOf(PermitApplicationProcess.CASE_TYPE, permit.getId()))
                .filteredOn(e -> e.getAction().equals("DEADLINE_RECOMPUTED")).singleElement()
                .satisfies(e -> assertThat(e.getComment()).isEqualTo("calendar reload 2027"));

        JsonNode again = admin.post("/api/admin/calendar/reload", "").json();
        assertThat(again.get("newYears")).as("nothing new the second time").isEmpty();
        assertThat(audit.trailOf("hazard-lifecycle", h.getId())).extracting(AuditEvent::getAction)
                .filteredOn("DEADLINE_RECOMPUTED"::equals).hasSize(1);
    }
}
