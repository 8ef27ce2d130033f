package org.hmcflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardProcess;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Department heads (科室负责人) oversee their own department's deadline items and no other; supervisors reassign a
 * step (改派) to a user of its groups or move it to another department, with a reason in the case's audit trail.
 */
@H2AppTest
class HeadsAndReassignmentTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    HazardService hazards;
    @Autowired
    DeadlineItems deadlineItems;
    @Autowired
    UserService users;
    @Autowired
    TaskService taskService;
    @Autowired
    AuditTrail audit;
    @LocalServerPort
    int port;

    ApiClient supervisor;
    ApiClient head;

    @BeforeEach
    void setUp() {
        moveClockTo(ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0, SHANGHAI));
        supervisor = new ApiClient(port, "supervisor");
        head = new ApiClient(port, "head");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    Hazard report(String title) {
        Actor enterprise = users.actor("enterprise").orElseThrow();
        return hazards.report(enterprise, new HazardService.Report(null, null, title, "企业自查发现：" + title,
                "清城区龙塘镇工业园 3 号车间", List.of("Pb"), null));
    }

    DeadlineItem openItem(Hazard h) {
        return deadlineItems.ofCase("hazard-lifecycle", String.valueOf(h.getId())).stream().filter(DeadlineItem::isOpen)
                .findFirst().orElseThrow();
    }

    Task task(Hazard h) {
        return taskService.createTaskQuery().processInstanceId(h.getProcessInstanceId()).singleResult();
    }

    List<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(IdentityLink::getGroupId).sorted().toList();
    }

    @Test
    void aHeadSeesItsDepartmentsItemsOnlyAndPlainReviewersAndEnterprisesNothing() {
        Hazard epb = report("铅烟收集罩破损");
        DeadlineItem epbItem = openItem(epb);
        Hazard moved = report("废水在线监测故障");
        DeadlineItem eitItem = openItem(moved);
        assertThat(supervisor.post("/api/supervision/items/" + eitItem.getId() + "/reassign",
                Map.of("toDepartment", "city-eit", "reason", "属工信部门职责")).status()).isEqualTo(200);
        DeadlineItem eit = openItem(moved);
        assertThat(eit.getResponsible()).isEqualTo("city-eit");

        JsonNode page = head.get("/api/supervision/items?size=500").json();
        assertThat(page.get("items").findValuesAsText("responsible")).isNotEmpty().containsOnly("city-epb");
        assertThat(page.get("items").findValuesAsText("id")).contains(String.valueOf(epbItem.getId()))
                .doesNotContain(String.valueOf(eit.getId()));
        assertThat(head.get("/api/supervision/items?department=city-epb").status()).isEqualTo(200);
        assertThat(head.get("/api/supervision/items?department=city-eit").status()).isEqualTo(403);
        assertThat(head.get("/api/supervision/items/counts?by=DEPARTMENT").json().findValuesAsText("key"))
                .containsExactly("city-epb");
        assertThat(head.get("/api/supervision/items/counts?department=city-eit").status()).isEqualTo(403);
        assertThat(head.get("/api/supervision/items/export?format=CSV&department=city-eit").status()).isEqualTo(403);
        assertThat(head.get("/api/supervision/items/" + epbItem.getId()).json().get("item").get("caseRef").asText())
                .isEqualTo(String.valueOf(epb.getId()));
        ApiClient.Response outside = head.get("/api/supervision/items/" + eit.getId());
        assertThat(outside.status()).as("another department's item is not disclosed").isEqualTo(404);
        assertThat(head.get("/api/supervision/items/999999999").status()).isEqualTo(404);
        assertThat(head.get("/api/supervision/items/calendar-coverage").status()).isEqualTo(403);

        assertThat(supervisor.get("/api/supervision/items/" + eit.getId()).status()).isEqualTo(200);
        for (String user : List.of("reviewer", "enterprise")) {
            ApiClient other = new ApiClient(port, user);
            assertThat(other.get("/api/supervision/items").status()).as(user).isEqualTo(403);
            assertThat(other.get("/api/supervision/items/counts").status()).as(user).isEqualTo(403);
            assertThat(other.get("/api/supervision/items/" + epbItem.getId()).status()).as(user).isEqualTo(403);
            assertThat(other.post("/api/supervision/items/" + epbItem.getId() + "/reassign",
                    Map.of("toUser", "reviewer", "reason", "x")).status()).as(user).isEqualTo(403);
        }
    }

    @Test
    void aSupervisorGivesAStepToAUserOfItsGroupWithAReasonInTheCasesTrail() {
        Hazard h = report("酸雾吸收塔喷淋故障");
        DeadlineItem item = openItem(h);
        Task triage = task(h);
        assertThat(groups(triage)).containsExactly("city-epb");

        ApiClient.Response done = supervisor.post("/api/supervision/items/" + item.getId() + "/reassign",
                Map.of("toUser", "head", "reason", "王审核休假，由科长办理"));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().get("to").asText()).isEqualTo("head");
        assertThat(task(h).getAssignee()).isEqualTo("head");
        assertThat(groups(task(h))).as("still offered to its group").containsExactly("city-epb");
        assertThat(openItem(h).getId()).as("the department's item stays").isEqualTo(item.getId());
        AuditEvent event = last(h);
        assertThat(event.getAction()).isEqualTo("STEP_REASSIGNED");
        assertThat(event.getActor()).isEqualTo("supervisor");
        assertThat(event.getComment()).isEqualTo("王审核休假，由科长办理");
        assertThat(event.getChanges()).contains("\"assigneeTo\":\"head\"").contains(HazardProcess.TASK_TRIAGE);

        // only to users of the step's groups; a reason, one target; the same user twice is a conflict
        assertThat(supervisor.post("/api/supervision/items/" + item.getId() + "/reassign",
                Map.of("toUser", "reviewer2", "reason", "试试")).status()).isEqualTo(400);
        assertThat(supervisor.post("/api/supervision/items/" + item.getId() + "/reassign",
                Map.of("toUser", "enterprise", "reason", "试试")).status()).isEqualTo(400);
        assertThat(supervisor.post("/api/supervision/items/" + item.getId() + "/reassign",
                Map.of("toUser", "nobody", "reason", "试试")).status()).isEqualTo(400);
        ApiClient.Response noReason = supervisor.post("/api/supervision/items/" + item.getId() + "/reassign",
                Map.of("toUser", "reviewer"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(supervisor.post("/api/supervision/items/" + item.getId() + "/reassign",
                Map.of("toUser", "reviewer", "toDepartment", "city-eit", "reason", "两个都给")).status()).isEqualTo(400);
        assertThat(supervisor.post("/api/supervision/items/" + item.getId() + "/reassign",
                Map.of("toUser", "head", "reason", "再来一次")).status()).isEqualTo(409);
        assertThat(task(h).getAssignee()).as("nothing changed by the refused requests").isEqualTo("head");

        // a head gives its own department's step to one of its users, but moves it to no other department
        assertThat(head.post("/api/supervision/items/" + item.getId() + "/reassign",
                Map.of("toUser", "reviewer", "reason", "科长分派")).status()).isEqualTo(200);
        assertThat(task(h).getAssignee()).isEqualTo("reviewer");
        assertThat(head.post("/api/supervision/items/" + item.getId() + "/reassign",
                Map.of("toDepartment", "city-eit", "reason", "不归我们")).status()).isEqualTo(403);
        assertThat(last(h).getActor()).isEqualTo("head");
    }

    @Test
    void movingAStepToAnotherDepartmentChangesItsGroupAndItemsAndIsAuditedAsThat() {
        Hazard h = report("危废暂存间防渗破损");
        DeadlineItem item = openItem(h);
        Task triage = task(h);
        taskService.setAssignee(triage.getId(), "reviewer");

        ApiClient.Response moved = supervisor.post("/api/supervision/items/" + item.getId() + "/reassign",
                Map.of("toDepartment", "city-eit", "reason", "涉及工业企业技改，移交工信局"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(groups(task(h))).containsExactly("city-eit");
        assertThat(task(h).getAssignee()).as("the old department's user lets go").isNull();
        assertThat(deadlineItems.ofCase("hazard-lifecycle", String.valueOf(h.getId())))
                .extracting(DeadlineItem::getResponsible, DeadlineItem::getCloseReason)
                .containsExactly(tuple("city-epb", DeadlineItem.CloseReason.REASSIGNED), tuple("city-eit", null));
        assertThat(deadlineItems.reconcile()).noneMatch(d -> d.contains(triage.getId()));
        AuditEvent event = last(h);
        assertThat(event.getAction()).isEqualTo("STEP_MOVED_TO_DEPARTMENT");
        assertThat(event.getComment()).isEqualTo("涉及工业企业技改，移交工信局");
        assertThat(event.getChanges()).contains("\"departmentFrom\":\"city-epb\"", "\"departmentTo\":\"city-eit\"",
                "\"assigneeFrom\":\"reviewer\"");

        // the closed item cannot be moved again; an unknown or the same department is refused
        assertThat(supervisor.post("/api/supervision/items/" + item.getId() + "/reassign",
                Map.of("toDepartment", "city-drc", "reason", "再移")).status()).isEqualTo(409);
        DeadlineItem now = openItem(h);
        assertThat(supervisor.post("/api/supervision/items/" + now.getId() + "/reassign",
                Map.of("toDepartment", "no-such-department", "reason", "再移")).status()).isEqualTo(400);
        assertThat(supervisor.post("/api/supervision/items/" + now.getId() + "/reassign",
                Map.of("toDepartment", "city-eit", "reason", "再移")).status()).isEqualTo(400);
        // the old department's head no longer sees it; the step done meanwhile is a conflict, not an error
        assertThat(head.get("/api/supervision/items/" + now.getId()).status()).isEqualTo(404);
        taskService.complete(task(h).getId(), Map.of(HazardProcess.F_TRIAGE_DECISION, "DISMISS",
                HazardProcess.F_TRIAGE_COMMENT, "经核实不属实"));
        assertThat(supervisor.post("/api/supervision/items/" + now.getId() + "/reassign",
                Map.of("toUser", "reviewer2", "reason", "晚了")).status()).isEqualTo(409);
    }

    private AuditEvent last(Hazard h) {
        List<AuditEvent> trail = audit.trailOf(HazardProcess.CASE_TYPE, h.getId());
        return trail.get(trail.size() - 1);
    }
}
