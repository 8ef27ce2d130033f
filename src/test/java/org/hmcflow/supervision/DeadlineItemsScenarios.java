package org.hmcflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.hazard.HazardProcess.F_TRIAGE_COMMENT;
import static org.hmcflow.hazard.HazardProcess.F_TRIAGE_DECISION;
import static org.hmcflow.hazard.HazardProcess.TASK_TRIAGE;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deadline items of steps follow the steps in the engine's own transaction — opened per candidate group, moved,
 * reassigned, closed as done or cancelled — and their SLA state comes from the clock at read time, in working days
 * across Spring Festival and 国庆 2026. Run on H2 ({@link DeadlineItemsH2Test}) and PostgreSQL
 * ({@link DeadlineItemsPostgresTest}), whose SQL for counts and pages is the same text.
 */
abstract class DeadlineItemsScenarios {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Thursday before Spring Festival 2026 (holiday 15–23 Feb, make-up workdays Sat 14 and Sat 28 Feb). */
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 2, 12, 10, 0, 0, 0, SHANGHAI);

    @Autowired
    DeadlineItems deadlineItems;
    @Autowired
    DeadlineItemRepository repository;
    @Autowired
    HazardService hazards;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    UserService users;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    TransactionTemplate tx;
    @LocalServerPort
    int port;
    @Autowired
    org.hmcflow.shared.workflow.Workflow workflow;

    Actor enterprise;
    Actor reviewer;

    @BeforeEach
    void setUp() {
        moveClockTo(START);
        enterprise = users.actor("enterprise").orElseThrow();
        reviewer = users.actor("reviewer").orElseThrow();
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

    List<DeadlineItem> items(Hazard h) {
        return deadlineItems.ofCase("hazard-lifecycle", String.valueOf(h.getId()));
    }

    Task task(Hazard h) {
        return taskService.createTaskQuery().processInstanceId(h.getProcessInstanceId()).singleResult();
    }

    @Test
    void aStepsItemOpensWithItsCaseMovesWithTheClockAndClosesWhenDone() {
        Hazard h = report("电镀槽旁地面疑似渗漏");
        Task triage = task(h);
        assertThat(items(h)).singleElement().satisfies(item -> {
            assertThat(item.getSubject()).isEqualTo("task:" + triage.getId());
            assertThat(item.getStepKey()).isEqualTo(TASK_TRIAGE);
            assertThat(item.getStepName()).isEqualTo(triage.getName());
            assertThat(item.getResponsible()).isEqualTo("city-epb");
            assertThat(item.getResponsibleKind()).isEqualTo(DeadlineItem.ResponsibleKind.DEPARTMENT);
            assertThat(item.getEnterpriseId()).isEqualTo(1L);
            assertThat(item.getCounty()).isNotBlank().isEqualTo(enterprises.find(1L).orElseThrow().getCounty());
            assertThat(item.getProcessInstanceId()).isEqualTo(h.getProcessInstanceId());
            // hazard.triage: 3 working days from Thu 12 Feb → Tue 24 Feb 23:59 (Sat 14 counts, 15–23 Feb do not)
            assertThat(item.getDueAt()).isEqualTo(at(2026, 2, 24, 23, 59)).isEqualTo(triage.getDueDate().toInstant());
            // hazard-lifecycle: due soon 3 working days before (Sat 14, Fri 13, Thu 12), seriously overdue 10 after
            assertThat(item.getDueSoonFrom()).isEqualTo(at(2026, 2, 12, 0, 0));
            assertThat(item.getSeriouslyOverdueFrom()).isEqualTo(at(2026, 3, 9, 23, 59));
            assertThat(deadlineItems.stateOf(item)).isEqualTo(SlaState.DUE_SOON);
            assertThat(deadlineItems.remainingWorkingDays(item)).as("Fri 13, Sat 14, Tue 24").isEqualTo(3);
        });

        moveClockTo(ZonedDateTime.of(2026, 2, 11, 9, 0, 0, 0, SHANGHAI));
        assertThat(deadlineItems.stateOf(items(h).get(0))).isEqualTo(SlaState.ON_TRACK);
        moveClockTo(ZonedDateTime.of(2026, 2, 25, 0, 0, 30, 0, SHANGHAI));
        assertThat(deadlineItems.stateOf(items(h).get(0))).isEqualTo(SlaState.OVERDUE);
        assertThat(deadlineItems.remainingWorkingDays(items(h).get(0))).isEqualTo(-1);
        moveClockTo(ZonedDateTime.of(2026, 3, 9, 23, 0, 0, 0, SHANGHAI));
        assertThat(deadlineItems.stateOf(items(h).get(0))).isEqualTo(SlaState.OVERDUE);
        moveClockTo(ZonedDateTime.of(2026, 3, 10, 0, 0, 30, 0, SHANGHAI));
        assertThat(deadlineItems.stateOf(items(h).get(0))).isEqualTo(SlaState.SERIOUSLY_OVERDUE);

        identityService.setAuthentication(reviewer.username(), reviewer.groups());
        taskService.complete(triage.getId(), Map.of(F_TRIAGE_DECISION, "DISMISS", F_TRIAGE_COMMENT, "现场核实为雨水"));
        identityService.clearAuthentication();

        assertThat(items(h)).singleElement().satisfies(item -> {
            assertThat(item.isOpen()).isFalse();
            assertThat(item.getCloseReason()).isEqualTo(DeadlineItem.CloseReason.DONE);
            assertThat(item.getClosedAt()).isEqualTo(at(2026, 3, 10, 0, 0).plusSeconds(30));
            assertThat(deadlineItems.stateOf(item)).as("a closed item has no state").isNull();
        });
    }

    @Test
    void aMovedDueDateMovesTheItemAndAnotherDepartmentGetsItsOwnItem() {
        Hazard h = report("废水收集池盖板破损");
        Task triage = task(h);
        taskService.setDueDate(triage.getId(), java.util.Date.from(at(2026, 3, 2, 23, 59)));
        assertThat(items(h)).singleElement().satisfies(item -> {
            assertThat(item.getDueAt()).isEqualTo(at(2026, 3, 2, 23, 59));
            // 3 working days before Mon 2 Mar: Sat 28 Feb (make-up workday), Fri 27, Thu 26
            assertThat(item.getDueSoonFrom()).isEqualTo(at(2026, 2, 26, 0, 0));
            assertThat(deadlineItems.stateOf(item)).isEqualTo(SlaState.ON_TRACK);
        });

        // moved to another department: the first one's item closes as reassigned, the new one's opens
        assertThat(workflow.moveStepToGroup(triage.getId(), "city-epb", "city-eit")).isTrue();
        assertThat(task(h).getId()).isEqualTo(triage.getId());
        assertThat(items(h)).extracting(DeadlineItem::getResponsible, DeadlineItem::getCloseReason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("city-epb", DeadlineItem.CloseReason.REASSIGNED),
                org.assertj.core.groups.Tuple.tuple("city-eit", null));
        assertThat(deadlineItems.reconcile()).noneMatch(d -> d.contains(triage.getId()));

        // the case is withdrawn: its open item closes as cancelled, nothing is left open
        runtimeService.deleteProcessInstance(h.getProcessInstanceId(), "test: withdrawn");
        assertThat(items(h)).allSatisfy(item -> assertThat(item.isOpen()).isFalse())
                .extracting(DeadlineItem::getCloseReason).containsExactly(DeadlineItem.CloseReason.REASSIGNED,
                        DeadlineItem.CloseReason.CANCELLED);
    }

    @Test
    void aStepWhoseClockStopsIsPausedNeitherDueNorOverdueAndRunsAgainWithItsNewDueDate() {
        Hazard h = report("电解车间地面防腐层剥落");
        Task triage = task(h);
        String id = String.valueOf(items(h).get(0).getId());
        taskService.setDueDate(triage.getId(), null);
        assertThat(items(h)).singleElement().satisfies(item -> {
            assertThat(item.isOpen()).as("a stopped clock does not end the deadline").isTrue();
            assertThat(item.isPaused()).isTrue();
            assertThat(item.getPausedSince()).isEqualTo(START.toInstant());
            assertThat(item.getDueAt()).as("its last due date is kept").isEqualTo(at(2026, 2, 24, 23, 59));
        });
        // long past the old due day it is neither overdue nor listed as such
        moveClockTo(ZonedDateTime.of(2026, 3, 20, 10, 0, 0, 0, SHANGHAI));
        assertThat(deadlineItems.stateOf(items(h).get(0))).isEqualTo(SlaState.PAUSED);
        ApiClient supervisor = new ApiClient(port, "supervisor");
        String mine = "&lifecycle=hazard-lifecycle&enterpriseId=1&size=500";
        assertThat(supervisor.get("/api/supervision/items?state=SERIOUSLY_OVERDUE" + mine).json().get("items")
                .findValuesAsText("id")).doesNotContain(id);
        assertThat(supervisor.get("/api/supervision/items?minWorkingDaysOverdue=1" + mine).json().get("items")
                .findValuesAsText("id")).doesNotContain(id);
        JsonNode paused = supervisor.get("/api/supervision/items?state=PAUSED" + mine).json().get("items");
        assertThat(paused.findValuesAsText("id")).contains(id);
        assertThat(paused.findValuesAsText("state")).containsOnly("PAUSED");
        assertThat(supervisor.get("/api/supervision/items/counts?lifecycle=hazard-lifecycle").json().get(0)
                .get("paused").asLong()).isPositive();
        assertThat(deadlineItems.reconcile()).as("a paused step has no due date in the engine either")
                .noneMatch(d -> d.contains(triage.getId()));

        // the clock runs again with a new due date: the same item, moved, no longer paused
        taskService.setDueDate(triage.getId(), java.util.Date.from(at(2026, 3, 27, 23, 59)));
        assertThat(items(h)).singleElement().satisfies(item -> {
            assertThat(item.isPaused()).isFalse();
            assertThat(item.getDueAt()).isEqualTo(at(2026, 3, 27, 23, 59));
            assertThat(deadlineItems.stateOf(item)).as("due soon from Tue 24 Mar").isEqualTo(SlaState.ON_TRACK);
        });
    }

    @Test
    void supervisorsCountAndListTheItemsByStateAndDimensionOthersAreRefused() {
        Hazard h = report("含铬废水管道渗漏");
        Task triage = task(h);
        String county = enterprises.find(1L).orElseThrow().getCounty();
        // Tue 24 Feb + 12 working days: seriously overdue (hazard-lifecycle: from 10 working days after)
        moveClockTo(ZonedDateTime.of(2026, 3, 12, 10, 0, 0, 0, SHANGHAI));
        ApiClient supervisor = new ApiClient(port, "supervisor");

        ApiClient.Response page = supervisor.get("/api/supervision/items?state=SERIOUSLY_OVERDUE&lifecycle=hazard-lifecycle"
                + "&department=city-epb&enterpriseId=1&minWorkingDaysOverdue=10&size=500");
        assertThat(page.status()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode item : page.json().get("items")) {
            assertThat(item.get("state").asText()).isEqualTo("SERIOUSLY_OVERDUE");
            assertThat(item.get("remainingWorkingDays").asLong()).isLessThanOrEqualTo(-10);
            if (item.get("caseRef").asText().equals(String.valueOf(h.getId()))) {
                mine = item;
            }
        }
        assertThat(mine).as("the hazard's triage item").isNotNull();
        assertThat(mine.get("stepKey").asText()).isEqualTo(TASK_TRIAGE);
        assertThat(mine.get("county").asText()).isEqualTo(county);
        assertThat(mine.get("remainingWorkingDays").asLong()).as("25 Feb … 12 Mar, Sat 28 Feb included").isEqualTo(-13);
        assertThat(page.json().get("total").asLong()).isEqualTo(page.json().get("items").size());
        assertThat(supervisor.get("/api/supervision/items?state=ON_TRACK&enterpriseId=1&lifecycle=hazard-lifecycle&size=500")
                .json().get("items").findValuesAsText("caseRef")).doesNotContain(String.valueOf(h.getId()));
        assertThat(supervisor.get("/api/supervision/items?minWorkingDaysOverdue=13&enterpriseId=1&lifecycle=hazard-lifecycle&size=500")
                .json().get("items").findValuesAsText("caseRef")).contains(String.valueOf(h.getId()));
        assertThat(supervisor.get("/api/supervision/items?minWorkingDaysOverdue=14&enterpriseId=1&lifecycle=hazard-lifecycle&size=500")
                .json().get("items").findValuesAsText("caseRef")).doesNotContain(String.valueOf(h.getId()));

        // counts by state, and by county: the same open items, once each
        JsonNode byState = supervisor.get("/api/supervision/items/counts").json();
        assertThat(byState).hasSize(1);
        assertThat(byState.get(0).get("seriouslyOverdue").asLong()).isPositive();
        long all = byState.get(0).get("total").asLong();
        JsonNode byCounty = supervisor.get("/api/supervision/items/counts?by=COUNTY").json();
        long sum = 0;
        for (JsonNode group : byCounty) {
            sum += group.get("total").asLong();
        }
        assertThat(sum).isEqualTo(all);
        assertThat(byCounty.findValuesAsText("key")).contains(county);
        JsonNode epb = supervisor.get("/api/supervision/items/counts?by=DEPARTMENT&department=city-epb").json();
        assertThat(epb).singleElement().satisfies(g -> assertThat(g.get("key").asText()).isEqualTo("city-epb"));

        assertThat(new ApiClient(port, "enterprise").get("/api/supervision/items").status()).isEqualTo(403);
        assertThat(new ApiClient(port, "reviewer").get("/api/supervision/items/counts").status()).isEqualTo(403);
        assertThat(supervisor.get("/api/supervision/items?state=LATE").status()).isEqualTo(400);
        assertThat(triage.getId()).isNotNull();
    }

    static final List<String> HEADERS = List.of("事项编号", "业务", "案件编号", "环节", "环节代码", "责任方", "责任方类型",
            "企业编号", "县（市、区）", "办理期限", "状态", "剩余工作日", "期限暂定");

    java.net.http.HttpResponse<byte[]> download(String user, String query) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/supervision/items/export?" + query))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void supervisorsExportTheListAsCsvAndXlsxWithChineseHeaders() throws Exception {
        Hazard h = report("铅尘收集系统破损");
        String county = enterprises.find(1L).orElseThrow().getCounty();
        moveClockTo(ZonedDateTime.of(2026, 2, 26, 10, 0, 0, 0, SHANGHAI));
        String query = "lifecycle=hazard-lifecycle&enterpriseId=1&state=OVERDUE";

        var csv = download("supervisor", "format=CSV&" + query);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("filename*=UTF-8''").contains("2026-02-26.csv");
        String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<String> lines = text.substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", HEADERS));
        String mine = lines.stream().filter(l -> l.split(",", -1)[2].equals(String.valueOf(h.getId()))).findFirst()
                .orElseThrow();
        // due Tue 24 Feb 23:59; on Thu 26 Feb overdue by Wed 25 and Thu 26
        assertThat(mine.split(",", -1)).containsSubsequence("hazard-lifecycle", String.valueOf(h.getId()))
                .contains(TASK_TRIAGE, "city-epb", "部门", "1", county, "2026-02-24 23:59", "逾期", "-2");
        assertThat(mine).as("2026's schedule is loaded: not provisional").endsWith(",-2,");
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains(",逾期,"));

        var xlsx = download("supervisor", "format=XLSX&" + query);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheet("督办事项");
            List<String> header = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).isEqualTo(HEADERS);
            assertThat(sheet.getLastRowNum()).as("the same rows as the CSV").isEqualTo(lines.size() - 1);
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row.getCell(2).getStringCellValue().equals(String.valueOf(h.getId()))) {
                    found = true;
                    assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(1.0);
                    assertThat(row.getCell(10).getStringCellValue()).isEqualTo("逾期");
                    assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(-2.0);
                }
            }
            assertThat(found).isTrue();
        }
        assertThat(download("enterprise", "format=CSV").statusCode()).isEqualTo(403);
        assertThat(download("supervisor", "format=PDF").statusCode()).isEqualTo(400);
    }

    @Test
    void withoutNextYearsScheduleSupervisorsAreWarnedAndDeadlinesReachingIntoItAreProvisional() {
        moveClockTo(ZonedDateTime.of(2026, 11, 2, 10, 0, 0, 0, SHANGHAI));
        String caseRef = "CAL-" + System.nanoTime();
        tx.executeWithoutResult(s -> {
            deadlineItems.openCaseDeadline(new DeadlineItems.CaseDeadline("test-lifecycle", caseRef, "in-2026",
                    "年内", "city-epb", 1L, at(2026, 11, 20, 23, 59)));
            deadlineItems.openCaseDeadline(new DeadlineItems.CaseDeadline("test-lifecycle", caseRef, "in-2027",
                    "跨年", "city-epb", 1L, at(2027, 1, 15, 23, 59)));
        });
        ApiClient supervisor = new ApiClient(port, "supervisor");
        JsonNode status = supervisor.get("/api/supervision/items/calendar-coverage").json();
        assertThat(status.get("warning").asBoolean()).isTrue();
        assertThat(status.get("missingYears").get(0).asInt()).isEqualTo(2027);
        assertThat(status.get("coveredYears").toString()).contains("2026").doesNotContain("2027");
        assertThat(status.get("provisionalItems").asLong()).isPositive();

        JsonNode items = supervisor.get("/api/supervision/items?lifecycle=test-lifecycle&size=500").json().get("items");
        for (JsonNode item : items) {
            if (item.get("caseRef").asText().equals(caseRef)) {
                boolean in2027 = item.get("stepKey").asText().equals("in-2027");
                assertThat(item.get("provisional").asBoolean()).as(item.get("stepKey").asText()).isEqualTo(in2027);
            }
        }
        assertThat(items.findValuesAsText("caseRef")).contains(caseRef);
        assertThat(new ApiClient(port, "enterprise").get("/api/supervision/items/calendar-coverage").status())
                .isEqualTo(403);
    }

    @Test
    void reconciliationNamesAStepWithoutItsItemAndAnItemWithoutItsStep() {
        Hazard h = report("镀铬槽排风管道破损");
        Task triage = task(h);
        assertThat(deadlineItems.reconcile()).noneMatch(d -> d.contains(triage.getId()));
        DeadlineItem item = items(h).get(0);
        tx.executeWithoutResult(s -> repository.findById(item.getId()).orElseThrow()
                .close(DeadlineItem.CloseReason.DONE, ClockUtil.getCurrentTime().toInstant()));
        assertThat(deadlineItems.reconcile()).anyMatch(d -> d.contains(triage.getId()) && d.contains("[city-epb]")
                && d.contains("items []"));

        Hazard other = report("酸雾吸收塔喷淋故障");
        Task step = task(other);
        tx.executeWithoutResult(s -> repository.findById(items(other).get(0).getId()).orElseThrow()
                .move(deadlineItems.boundaries("hazard-lifecycle", at(2026, 4, 1, 23, 59))));
        assertThat(deadlineItems.reconcile()).anyMatch(d -> d.contains(step.getId()) && d.contains("due"));
    }

    @Test
    void aCaseDeadlineAcrossGuoqingIsOverdueNotSeriouslySoOnTheFirstWorkingDayAfter() {
        // due Mon 28 Sep 2026; 中秋 25–27 Sep, 国庆 1–7 Oct, Sat 10 Oct a make-up workday; defaults: 2 before, 5 after
        DeadlineItem item = tx.execute(s -> deadlineItems.openCaseDeadline(new DeadlineItems.CaseDeadline("test-lifecycle",
                "GQ-" + System.nanoTime(), "decision", "作出决定", "city-epb", 1L, at(2026, 9, 28, 23, 59))));
        // Thu 24 and Wed 23 Sep (Fri 25 is 中秋)
        assertThat(item.getDueSoonFrom()).isEqualTo(at(2026, 9, 23, 0, 0));
        // 29, 30 Sep, 8, 9, 10 Oct
        assertThat(item.getSeriouslyOverdueFrom()).isEqualTo(at(2026, 10, 10, 23, 59));
        moveClockTo(ZonedDateTime.of(2026, 10, 8, 9, 0, 0, 0, SHANGHAI));
        assertThat(deadlineItems.stateOf(item)).isEqualTo(SlaState.OVERDUE);
        assertThat(deadlineItems.remainingWorkingDays(item)).isEqualTo(-3);
        moveClockTo(ZonedDateTime.of(2026, 10, 11, 0, 0, 30, 0, SHANGHAI));
        assertThat(deadlineItems.stateOf(item)).isEqualTo(SlaState.SERIOUSLY_OVERDUE);

        // moved by an extension, the same item is on track again; met, it closes
        DeadlineItem moved = tx.execute(s -> deadlineItems.openCaseDeadline(new DeadlineItems.CaseDeadline(
                "test-lifecycle", item.getCaseRef(), "decision", "作出决定", "city-epb", 1L, at(2026, 10, 30, 23, 59))));
        assertThat(moved.getId()).isEqualTo(item.getId());
        assertThat(deadlineItems.stateOf(moved)).isEqualTo(SlaState.ON_TRACK);
        tx.executeWithoutResult(s -> deadlineItems.closeCaseDeadline("test-lifecycle", item.getCaseRef(), "decision", true));
        assertThat(deadlineItems.ofCase("test-lifecycle", item.getCaseRef())).singleElement()
                .satisfies(i -> assertThat(i.getCloseReason()).isEqualTo(DeadlineItem.CloseReason.DONE));
    }

    // --- trends per week and saved filters (issue 14) ------------------------------------------------------------

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Writes an item as the capabilities would have: open (no closing) or closed with a reason. */
    void item(String lifecycle, String responsible, Instant opened, Instant due, Instant seriously, Instant closed,
              String reason) {
        java.time.OffsetDateTime[] t = java.util.stream.Stream.of(opened, due, due.minusSeconds(86400), seriously, closed)
                .map(x -> x == null ? null : java.time.OffsetDateTime.ofInstant(x, java.time.ZoneOffset.UTC))
                .toArray(java.time.OffsetDateTime[]::new);
        String subject = lifecycle + ":" + System.nanoTime();
        jdbc.update("INSERT INTO hmc.deadline_item (subject, responsible, responsible_kind, lifecycle, case_ref, step_key,"
                + " due_at, due_soon_from, seriously_overdue_from, opened_at, closed_at, close_reason, open_key)"
                + " VALUES (?, ?, 'DEPARTMENT', ?, '1', 'Task_Test', ?, ?, ?, ?, ?, ?, ?)", subject, responsible, lifecycle,
                t[1], t[2], t[3], t[0], t[4], reason, closed == null ? subject + "|" + responsible : null);
    }

    @Test
    void trendsCountPerIsoWeekOpenedClosedOnTimeAndLateAndOpenAndOverdueAtTheWeeksEnd() {
        String l = "trends-" + System.nanoTime();
        Instant far = at(2026, 4, 30, 23, 59);
        item(l, "city-epb", at(2026, 2, 24, 10, 0), at(2026, 2, 27, 23, 59), far, at(2026, 2, 26, 15, 0), "DONE");
        item(l, "city-epb", at(2026, 2, 25, 10, 0), at(2026, 3, 3, 23, 59), far, at(2026, 3, 4, 9, 0), "DONE");
        item(l, "city-epb", at(2026, 3, 3, 10, 0), at(2026, 3, 5, 23, 59), far, null, null);
        item(l, "city-epb", at(2026, 3, 10, 10, 0), at(2026, 3, 20, 23, 59), far, null, null);
        item(l, "city-epb", at(2026, 2, 20, 10, 0), at(2026, 3, 10, 23, 59), far, at(2026, 3, 3, 9, 0), "CANCELLED");
        item(l, "city-eit", at(2026, 3, 10, 11, 0), at(2026, 3, 20, 23, 59), far, null, null);
        moveClockTo(ZonedDateTime.of(2026, 3, 11, 10, 0, 0, 0, SHANGHAI));
        ApiClient supervisor = new ApiClient(port, "supervisor");

        ApiClient.Response r = supervisor.get("/api/supervision/items/trends?weeks=3&lifecycle=" + l + "&department=city-epb");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode weeks = r.json();
        assertThat(weeks.findValuesAsText("isoWeek")).containsExactly("2026-W09", "2026-W10", "2026-W11");
        assertThat(weeks.findValuesAsText("weekStart")).containsExactly("2026-02-23", "2026-03-02", "2026-03-09");
        // week: opened, closed on time, closed late, open at the end, overdue at the end (the current week: now)
        assertThat(row(weeks.get(0))).as("W09").containsExactly(2L, 1L, 0L, 2L, 0L);
        assertThat(row(weeks.get(1))).as("W10: the cancelled item is no closing").containsExactly(1L, 0L, 1L, 1L, 1L);
        assertThat(row(weeks.get(2))).as("W11 until now").containsExactly(1L, 0L, 0L, 2L, 1L);
        JsonNode all = supervisor.get("/api/supervision/items/trends?weeks=3&lifecycle=" + l).json();
        assertThat(row(all.get(2))).as("both departments").containsExactly(2L, 0L, 0L, 3L, 1L);
        assertThat(supervisor.get("/api/supervision/items/trends").json()).as("12 weeks by default").hasSize(12);
        assertThat(supervisor.get("/api/supervision/items/trends?weeks=0").status()).isEqualTo(400);
        assertThat(new ApiClient(port, "reviewer").get("/api/supervision/items/trends").status()).isEqualTo(403);
    }

    static List<Long> row(JsonNode week) {
        return List.of(week.get("opened").asLong(), week.get("closedOnTime").asLong(), week.get("closedLate").asLong(),
                week.get("openAtEnd").asLong(), week.get("overdueAtEnd").asLong());
    }

    @Test
    void supervisorsSaveNamedFiltersListedWithLiveCountsAndSeeOnlyTheirOwn() {
        String l = "filters-" + System.nanoTime();
        Instant far = at(2026, 4, 30, 23, 59);
        item(l, "city-epb", at(2026, 3, 3, 10, 0), at(2026, 3, 5, 23, 59), far, null, null);
        item(l, "city-epb", at(2026, 3, 10, 10, 0), at(2026, 3, 20, 23, 59), far, null, null);
        item(l, "city-eit", at(2026, 3, 10, 11, 0), at(2026, 3, 20, 23, 59), far, null, null);
        item(l, "city-epb", at(2026, 2, 24, 10, 0), at(2026, 2, 27, 23, 59), far, at(2026, 2, 26, 15, 0), "DONE");
        moveClockTo(ZonedDateTime.of(2026, 3, 11, 10, 0, 0, 0, SHANGHAI));
        ApiClient supervisor = new ApiClient(port, "supervisor");

        ApiClient.Response saved = supervisor.post("/api/supervision/filters",
                java.util.Map.of("name", "环保局 " + l, "lifecycle", l, "department", "city-epb"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().get("openItems").asLong()).isEqualTo(2);
        long epbId = saved.json().get("id").asLong();
        ApiClient.Response overdue = supervisor.post("/api/supervision/filters",
                java.util.Map.of("name", "逾期 " + l, "lifecycle", l, "state", "OVERDUE"));
        assertThat(overdue.status()).as(overdue.body()).isEqualTo(201);
        assertThat(supervisor.post("/api/supervision/filters", java.util.Map.of("name", "逾期 " + l, "lifecycle", l))
                .status()).as("the name is taken").isEqualTo(409);
        assertThat(supervisor.post("/api/supervision/filters", java.util.Map.of("name", " ")).status()).isEqualTo(400);
        assertThat(supervisor.post("/api/supervision/filters", java.util.Map.of("name", "x", "minWorkingDaysOverdue", -1))
                .status()).isEqualTo(400);

        JsonNode mine = supervisor.get("/api/supervision/filters").json();
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        mine.forEach(f -> counts.put(f.get("name").asText(), f.get("openItems").asLong()));
        assertThat(counts).containsEntry("环保局 " + l, 2L).containsEntry("逾期 " + l, 1L);

        // one more open item: the counts are live
        item(l, "city-epb", at(2026, 3, 11, 9, 0), at(2026, 3, 25, 23, 59), far, null, null);
        assertThat(supervisor.get("/api/supervision/filters/" + epbId).json().get("openItems").asLong()).isEqualTo(3);

        ApiClient admin = new ApiClient(port, "admin");
        assertThat(admin.get("/api/supervision/filters/" + epbId).status()).as("another's filter").isEqualTo(404);
        assertThat(admin.method("DELETE", "/api/supervision/filters/" + epbId).status()).isEqualTo(404);
        assertThat(admin.get("/api/supervision/filters").json().findValuesAsText("name")).doesNotContain("环保局 " + l);
        assertThat(new ApiClient(port, "reviewer").get("/api/supervision/filters").status()).isEqualTo(403);

        assertThat(supervisor.method("DELETE", "/api/supervision/filters/" + epbId).status()).isEqualTo(204);
        assertThat(supervisor.get("/api/supervision/filters/" + epbId).status()).isEqualTo(404);

        // at most 50 each
        int had = admin.get("/api/supervision/filters").json().size();
        for (int i = had; i < 50; i++) {
            assertThat(admin.post("/api/supervision/filters", java.util.Map.of("name", l + " #" + i, "lifecycle", l))
                    .status()).isEqualTo(201);
        }
        assertThat(admin.get("/api/supervision/filters").json()).hasSize(50);
        assertThat(admin.post("/api/supervision/filters", java.util.Map.of("name", l + " one too many")).status())
                .isEqualTo(409);
    }
}
