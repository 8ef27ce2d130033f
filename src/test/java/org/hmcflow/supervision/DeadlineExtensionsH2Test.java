package org.hmcflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.hazard.HazardProcess.F_TRIAGE_COMMENT;
import static org.hmcflow.hazard.HazardProcess.F_TRIAGE_DECISION;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.NotificationService;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.ProcessTests;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 延期申请 — a step's deadline moves with its timers in working days ({@link Workflow#moveStepDeadline}), and an
 * extension asked for by the step's party and granted by a supervisor moves it: the item reads on track again, the
 * reminder fires at the new time and not at the old, the request and decision are audited and told to the requester.
 * Dates around Spring Festival 2026 (holiday 15–23 Feb, make-up workdays Sat 14 and Sat 28 Feb).
 */
@H2AppTest
class DeadlineExtensionsH2Test {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Thursday before Spring Festival 2026: the triage is due Tue 24 Feb 23:59, reminded Fri 13 Feb 09:00. */
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 2, 12, 10, 0, 0, 0, SHANGHAI);
    private static final String REMINDER = "BoundaryEvent_TriageReminder";
    private static final String OVERDUE = "BoundaryEvent_TriageOverdue";

    @Autowired
    DeadlineItems deadlineItems;
    @Autowired
    DeadlineService deadlineService;
    @Autowired
    HazardService hazards;
    @Autowired
    UserService users;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identityService;
    @Autowired
    NotificationService notifications;
    @Autowired
    AuditTrail audit;
    @Autowired
    Workflow workflow;
    @Autowired
    TransactionTemplate tx;
    @LocalServerPort
    int port;

    Actor enterprise;

    @BeforeEach
    void setUp() {
        moveClockTo(START);
        enterprise = users.actor("enterprise").orElseThrow();
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SHANGHAI).toInstant();
    }

    Hazard report(String title) {
        return hazards.report(enterprise, new HazardService.Report(null, null, title, "企业自查发现：" + title,
                "清城区龙塘镇工业园 3 号车间", List.of("Cr"), null));
    }

    DeadlineItem item(Hazard h) {
        return deadlineItems.ofCase("hazard-lifecycle", String.valueOf(h.getId())).stream().filter(DeadlineItem::isOpen)
                .findFirst().orElseThrow();
    }

    Task task(Hazard h) {
        return taskService.createTaskQuery().processInstanceId(h.getProcessInstanceId()).singleResult();
    }

    Job timer(Hazard h, String activityId) {
        return ProcessTests.timer(management, h.getProcessInstanceId(), activityId);
    }

    List<Notification> reminders(Hazard h) {
        return notifications.ofCase("hazard-lifecycle", String.valueOf(h.getId())).stream()
                .filter(n -> n.getKind() == Notification.Kind.REMINDER).toList();
    }

    @Test
    void aMovedStepDeadlineTakesItsTimersAlongInWorkingDaysAndTheReminderFiresAtTheNewTimeOnly() {
        Hazard h = report("电镀车间排风管道锈蚀");
        Task triage = task(h);
        assertThat(timer(h, REMINDER).getDuedate().toInstant()).isEqualTo(at(2026, 2, 13, 9, 0));
        assertThat(timer(h, OVERDUE).getDuedate().toInstant()).isEqualTo(at(2026, 2, 24, 23, 59));

        Workflow.MovedDeadline moved = workflow.moveStepDeadline(triage.getId(), at(2026, 3, 6, 23, 59),
                deadlineService::shiftWithDeadline).orElseThrow();

        assertThat(moved.oldDue()).isEqualTo(at(2026, 2, 24, 23, 59));
        assertThat(moved.timersMoved()).isEqualTo(2);
        assertThat(task(h).getDueDate().toInstant()).isEqualTo(at(2026, 3, 6, 23, 59));
        // 2 working days before the due day (Sat 14, Fri 13 before Tue 24 Feb) → Thu 5, Wed 4 Mar; same time of day
        assertThat(timer(h, REMINDER).getDuedate().toInstant()).isEqualTo(at(2026, 3, 4, 9, 0));
        assertThat(timer(h, OVERDUE).getDuedate().toInstant()).isEqualTo(at(2026, 3, 6, 23, 59));
        assertThat(item(h).getDueAt()).as("the step's item follows its CHANGED event").isEqualTo(at(2026, 3, 6, 23, 59));
        assertThat(deadlineItems.reconcile()).noneMatch(d -> d.contains(triage.getId()));

        moveClockTo(ZonedDateTime.of(2026, 2, 13, 9, 30, 0, 0, SHANGHAI));
        assertThat(ProcessTests.fireDueTimers(management, h.getProcessInstanceId())).as("nothing at the old time").isZero();
        assertThat(reminders(h)).isEmpty();
        moveClockTo(ZonedDateTime.of(2026, 3, 4, 9, 1, 0, 0, SHANGHAI));
        assertThat(ProcessTests.fireDueTimers(management, h.getProcessInstanceId())).isEqualTo(1);
        assertThat(reminders(h)).isNotEmpty().allSatisfy(n -> assertThat(n.getDueAt()).isEqualTo(at(2026, 3, 6, 23, 59)));

        assertThat(workflow.moveStepDeadline("no-such-task", at(2026, 3, 9, 23, 59), deadlineService::shiftWithDeadline))
                .isEmpty();
    }

    @Test
    void anOverdueStepsExtensionGrantedMovesItsDeadlineAndTimersAndTheItemIsOnTrackAgain() {
        Hazard h = report("含镍废液暂存间地面开裂");
        DeadlineItem item = item(h);
        // Wed 25 Feb: the triage (due Tue 24 Feb) is overdue; its timers have not run
        moveClockTo(ZonedDateTime.of(2026, 2, 25, 10, 0, 0, 0, SHANGHAI));
        assertThat(deadlineItems.stateOf(item)).isEqualTo(SlaState.OVERDUE);
        ApiClient reviewer = new ApiClient(port, "reviewer");
        ApiClient supervisor = new ApiClient(port, "supervisor");
        String path = "/api/supervision/items/" + item.getId() + "/extensions";

        assertThat(new ApiClient(port, "enterprise2").post(path, Map.of("workingDays", 5, "reason", "x")).status())
                .as("another enterprise's item").isEqualTo(404);
        assertThat(new ApiClient(port, "enterprise2").get(path).status()).isEqualTo(404);
        assertThat(new ApiClient(port, "enterprise").post(path, Map.of("workingDays", 5, "reason", "x")).status())
                .as("its own case, but the step is the bureau's").isEqualTo(403);
        assertThat(new ApiClient(port, "reviewer2").post(path, Map.of("workingDays", 5, "reason", "x")).status())
                .as("another department").isEqualTo(403);

        ApiClient.Response asked = reviewer.post(path, Map.of("workingDays", 10, "reason", "需会同市经信局现场核实，春节后方能安排"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().get("status").asText()).isEqualTo("REQUESTED");
        // from today (the due day has passed): 26, 27, Sat 28 Feb (make-up), 2, 3, 4, 5, 6, 9, 10 Mar
        assertThat(Instant.parse(asked.json().get("requestedDue").asText())).isEqualTo(at(2026, 3, 10, 23, 59));
        assertThat(reviewer.post(path, Map.of("workingDays", 3, "reason", "再次申请")).status())
                .as("one open request per item").isEqualTo(409);
        long extensionId = asked.json().get("id").asLong();
        assertThat(reviewer.post("/api/supervision/extensions/" + extensionId + "/grant", Map.of()).status())
                .as("the party does not decide").isEqualTo(403);

        ApiClient.Response granted = supervisor.post("/api/supervision/extensions/" + extensionId + "/grant",
                Map.of("comment", "同意"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().get("status").asText()).isEqualTo("GRANTED");
        assertThat(Instant.parse(granted.json().get("newDue").asText())).isEqualTo(at(2026, 3, 10, 23, 59));

        DeadlineItem after = item(h);
        assertThat(after.getId()).isEqualTo(item.getId());
        assertThat(after.getDueAt()).isEqualTo(at(2026, 3, 10, 23, 59));
        assertThat(deadlineItems.stateOf(after)).isEqualTo(SlaState.ON_TRACK);
        assertThat(task(h).getDueDate().toInstant()).isEqualTo(at(2026, 3, 10, 23, 59));
        // the reminder was 2 working days before the old due day (Fri 13 Feb 09:00): now Fri 6 Mar 09:00
        assertThat(timer(h, REMINDER).getDuedate().toInstant()).isEqualTo(at(2026, 3, 6, 9, 0));
        assertThat(timer(h, OVERDUE).getDuedate().toInstant()).isEqualTo(at(2026, 3, 10, 23, 59));
        assertThat(supervisor.post("/api/supervision/extensions/" + extensionId + "/refuse", Map.of("comment", "x"))
                .status()).as("decided already").isEqualTo(409);

        JsonNode history = reviewer.get(path).json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("reason").asText()).isEqualTo("需会同市经信局现场核实，春节后方能安排");
        assertThat(history.get(0).get("decidedBy").asText()).isEqualTo("supervisor");
        assertThat(supervisor.get(path).status()).isEqualTo(200);
        assertThat(audit.trailOf("hazard-lifecycle", h.getId())).extracting(AuditEvent::getAction)
                .contains("EXTENSION_REQUESTED", "EXTENSION_GRANTED");
        assertThat(audit.trailOf(DeadlineExtensions.AUDIT_CASE_TYPE, item.getId())).extracting(AuditEvent::getAction)
                .containsExactly("EXTENSION_REQUESTED", "EXTENSION_GRANTED");
        assertThat(notifications.ofCase("hazard-lifecycle", String.valueOf(h.getId())))
                .filteredOn(n -> n.getKind() == Notification.Kind.EXTENSION).singleElement()
                .satisfies(n -> assertThat(n.getRecipientUser()).isEqualTo("reviewer"));
    }

    @Test
    void theHeadOfTheItemsDepartmentDecidesItsExtensionsAPlainReviewerAndAnotherDepartmentsHeadDoNot() {
        Hazard h = report("镀铬槽排风管破损");
        DeadlineItem item = item(h);
        ApiClient reviewer = new ApiClient(port, "reviewer");
        ApiClient head = new ApiClient(port, "head");
        String path = "/api/supervision/items/" + item.getId() + "/extensions";
        long asked = reviewer.post(path, Map.of("workingDays", 5, "reason", "等待第三方检测报告")).json().get("id").asLong();

        assertThat(new ApiClient(port, "reviewer2").post("/api/supervision/extensions/" + asked + "/grant", Map.of())
                .status()).as("a plain reviewer").isEqualTo(403);
        assertThat(head.get(path).status()).as("the head sees its department's requests").isEqualTo(200);
        ApiClient.Response granted = head.post("/api/supervision/extensions/" + asked + "/grant",
                Map.of("comment", "同意延期5个工作日"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().get("status").asText()).isEqualTo("GRANTED");
        assertThat(granted.json().get("decidedBy").asText()).isEqualTo("head");

        // the step moved to another department: its head there is not this one, who no longer learns of it
        Task triage = task(h);
        workflow.moveStepToGroup(triage.getId(), "city-epb", "city-eit");
        DeadlineItem eit = item(h);
        long other = new ApiClient(port, "reviewer2").post("/api/supervision/items/" + eit.getId() + "/extensions",
                Map.of("workingDays", 3, "reason", "需补充企业技改资料")).json().get("id").asLong();
        assertThat(head.post("/api/supervision/extensions/" + other + "/grant", Map.of()).status()).isEqualTo(404);
        assertThat(head.post("/api/supervision/extensions/" + other + "/refuse", Map.of("comment", "不同意")).status())
                .isEqualTo(404);
        // nobody decides their own request, a head neither
        DeadlineItem mine = item(report("车间地面积液"));
        long own = head.post("/api/supervision/items/" + mine.getId() + "/extensions",
                Map.of("workingDays", 2, "reason", "科长本人申请")).json().get("id").asLong();
        assertThat(head.post("/api/supervision/extensions/" + own + "/grant", Map.of()).status()).isEqualTo(403);
        assertThat(new ApiClient(port, "supervisor").post("/api/supervision/extensions/" + own + "/grant", Map.of())
                .status()).isEqualTo(200);
    }

    @Test
    void requestsAreCheckedRefusalsNeedAReasonAndAClosedStepTakesNone() {
        Hazard h = report("酸洗槽液位计失灵");
        DeadlineItem item = item(h);
        ApiClient reviewer = new ApiClient(port, "reviewer");
        ApiClient supervisor = new ApiClient(port, "supervisor");
        String path = "/api/supervision/items/" + item.getId() + "/extensions";

        assertThat(reviewer.post(path, Map.of("workingDays", 0, "reason", "理由")).status()).isEqualTo(400);
        assertThat(reviewer.post(path, Map.of("workingDays", 61, "reason", "理由")).status()).isEqualTo(400);
        assertThat(reviewer.post(path, Map.of("workingDays", 5, "reason", " ")).status()).isEqualTo(400);
        assertThat(reviewer.post(path, Map.of("workingDays", 5, "reason", "长".repeat(501))).status()).isEqualTo(400);
        assertThat(reviewer.post("/api/supervision/items/999999999/extensions", Map.of("workingDays", 5, "reason", "理由"))
                .status()).isEqualTo(404);

        long id = reviewer.post(path, Map.of("workingDays", 5, "reason", "等待监测报告")).json().get("id").asLong();
        assertThat(supervisor.post("/api/supervision/extensions/" + id + "/refuse", Map.of()).status())
                .as("a refusal says why").isEqualTo(400);
        ApiClient.Response refused = supervisor.post("/api/supervision/extensions/" + id + "/refuse",
                Map.of("comment", "现有期限足够"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().get("status").asText()).isEqualTo("REFUSED");
        assertThat(item(h).getDueAt()).as("unchanged").isEqualTo(at(2026, 2, 24, 23, 59));
        assertThat(timer(h, OVERDUE).getDuedate().toInstant()).isEqualTo(at(2026, 2, 24, 23, 59));

        long again = reviewer.post(path, Map.of("workingDays", 3, "reason", "再次申请")).json().get("id").asLong();
        assertThat(new ApiClient(port, "reviewer2").post("/api/supervision/extensions/" + again + "/withdraw", Map.of())
                .status()).isIn(403, 404);
        assertThat(reviewer.post("/api/supervision/extensions/" + again + "/withdraw", Map.of()).json().get("status")
                .asText()).isEqualTo("WITHDRAWN");

        Actor reviewerActor = users.actor("reviewer").orElseThrow();
        identityService.setAuthentication(reviewerActor.username(), reviewerActor.groups());
        taskService.complete(task(h).getId(), Map.of(F_TRIAGE_DECISION, "DISMISS", F_TRIAGE_COMMENT, "现场核实无隐患"));
        identityService.clearAuthentication();
        assertThat(reviewer.post(path, Map.of("workingDays", 3, "reason", "迟到的申请")).status())
                .as("a closed item").isEqualTo(409);
        assertThat(reviewer.get(path).json()).extracting(n -> n.get("status").asText())
                .containsExactly("REFUSED", "WITHDRAWN");
    }

    @Test
    void aCasesOwnDeadlineIsNotExtendedHere() {
        DeadlineItem caseItem = tx.execute(s -> deadlineItems.openCaseDeadline(new DeadlineItems.CaseDeadline(
                "permit-application", "ext-test-1", "decision", "许可决定法定期限", "city-epb", null,
                at(2026, 3, 20, 23, 59))));
        ApiClient reviewer = new ApiClient(port, "reviewer");
        ApiClient.Response asked = reviewer.post("/api/supervision/items/" + caseItem.getId() + "/extensions",
                Map.of("workingDays", 5, "reason", "专家评审延后"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        ApiClient.Response granted = new ApiClient(port, "supervisor")
                .post("/api/supervision/extensions/" + asked.json().get("id").asLong() + "/grant", Map.of());
        assertThat(granted.status()).isEqualTo(409);
        assertThat(granted.body()).contains("法定时限");
        tx.executeWithoutResult(s -> deadlineItems.closeCaseDeadline("permit-application", "ext-test-1", "decision", false));
    }
}
