package org.hmcflow.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.EngineClockControl;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.TasklistSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The hazard lifecycle driven the way Camunda Tasklist drives it: the webapp's own engine API under
 * {@code /camunda/api/engine}, signed in with the same login as the portal, each form loaded from the deployment and
 * submitted with the webapp's CSRF token.
 */
@H2AppTest
class TasklistPathTest {

    private static final String KEY = "hazard-lifecycle";

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;

    @AfterEach
    void reset() {
        EngineClockControl.reset();
    }

    @Test
    void aGeneralHazardFromReportToArchiveInTasklist() throws Exception {
        EngineClockControl clock = new EngineClockControl(management);
        clock.set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient enterpriseApi = new ApiClient(port, "enterprise");
        long id = enterpriseApi.post("/api/hazards", Map.of("title", "危废暂存间漏雨", "description", "屋顶破损，雨水进入",
                "location", "危废暂存间", "pollutants", List.of("Pb"))).json().get("id").asLong();

        TasklistSession reviewer = new TasklistSession(port, "reviewer");
        TasklistSession reviewer2 = new TasklistSession(port, "reviewer2");
        TasklistSession enterprise = new TasklistSession(port, "enterprise");
        TasklistSession enterprise2 = new TasklistSession(port, "enterprise2");
        assertThat(reviewer2.visibleTasks(KEY, id)).as("another department sees nothing").isZero();
        assertThat(enterprise2.visibleTasks(KEY, id)).as("another enterprise sees nothing").isZero();

        String triage = reviewer.openTask(KEY, id, "Task_TriageHazard", "hazard-triage");
        // A form submitted with a missing answer is refused by the same rules as the API.
        HttpResponse<String> refused = reviewer.submit(triage, Map.of("triageDecision", "GENERAL"));
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("triageComment 不能为空").contains("responsibleGroup 不能为空");
        assertThat(reviewer.visibleTasks(KEY, id)).isEqualTo(1);
        reviewer.complete(triage, Map.of("triageDecision", "GENERAL", "responsibleGroup", "city-epb",
                "rectificationWorkingDays", 5, "triageComment", "一般隐患，5个工作日内整改"));

        String rectify = enterprise.openTask(KEY, id, "Task_Rectify", "hazard-rectification");
        enterpriseApi.upload("/api/hazards/" + id + "/evidence", Map.of("kind", "BEFORE", "pointLabel", "屋顶"),
                "b.png", "image/png", ApiClient.png());
        enterpriseApi.upload("/api/hazards/" + id + "/evidence", Map.of("kind", "AFTER", "pointLabel", "屋顶"),
                "a.png", "image/png", ApiClient.png());
        enterprise.complete(rectify, Map.of("rectificationSummary", "更换屋面防水层"));

        String verify = reviewer.openTask(KEY, id, "Task_VerifyRectification", "hazard-verification");
        reviewer.complete(verify, Map.of("verificationResult", "PASS", "verificationComment", "现场核查通过"));
        assertThat(enterpriseApi.get("/api/hazards/" + id).json().at("/hazard/state").asText()).isEqualTo("CLOSED_OUT");

        clock.advance(Duration.ofDays(40));
        clock.fireDueJobs();
        String recheck = reviewer.openTask(KEY, id, "Task_FollowUpRecheck", "hazard-recheck");
        reviewer.complete(recheck, Map.of("recheckResult", "CONFIRMED", "recheckComment", "回头看无反弹"));

        JsonNode done = enterpriseApi.get("/api/hazards/" + id).json();
        assertThat(done.at("/hazard/state").asText()).isEqualTo("ARCHIVED");
        JsonNode trail = new ApiClient(port, "supervisor").get("/api/hazards/" + id + "/audit").json();
        assertThat(trail.findValuesAsText("action")).containsSubsequence("REPORTED", "TRIAGED", "RECTIFICATION_REPORTED",
                "VERIFICATION_PASSED", "CLOSED_OUT", "RECHECK_CONFIRMED");
        // Who acted in Tasklist is who the audit trail names.
        assertThat(trail.get(1).get("actor").asText()).isEqualTo("reviewer");
    }

    @Test
    void theExpertsOfAMajorHazardAreRowsOfTheTasklistForm() throws Exception {
        EngineClockControl clock = new EngineClockControl(management);
        clock.set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient enterpriseApi = new ApiClient(port, "enterprise");
        ApiClient reviewerApi = new ApiClient(port, "reviewer");
        long id = enterpriseApi.post("/api/hazards", Map.of("title", "电镀槽渗漏", "description", "防渗层破损",
                "location", "电镀车间", "pollutants", List.of("Cr"))).json().get("id").asLong();
        ok(reviewerApi.post("/api/hazards/" + id + "/triage", Map.of("triageDecision", "MAJOR",
                "responsibleGroup", "city-epb", "rectificationWorkingDays", 20, "triageComment", "重大隐患")));
        ok(enterpriseApi.post("/api/hazards/" + id + "/plan", Map.of("planTargets", "修复防渗层", "planMeasures", "更换防渗膜",
                "planFunds", 12, "planResponsiblePerson", "陈厂长", "planInterimMeasures", "停用电镀槽")));
        ok(reviewerApi.post("/api/hazards/" + id + "/plan-review", Map.of("planDecision", "APPROVE", "reviewComment", "同意")));
        enterpriseApi.upload("/api/hazards/" + id + "/evidence", Map.of("kind", "BEFORE", "pointLabel", "电镀槽"),
                "b.png", "image/png", ApiClient.png());
        enterpriseApi.upload("/api/hazards/" + id + "/evidence", Map.of("kind", "AFTER", "pointLabel", "电镀槽"),
                "a.png", "image/png", ApiClient.png());
        ok(enterpriseApi.post("/api/hazards/" + id + "/rectification", Map.of("rectificationSummary", "已更换防渗膜")));

        TasklistSession reviewer = new TasklistSession(port, "reviewer");
        String task = reviewer.openTask(KEY, id, "Task_RecordExpertOpinion", "hazard-expert-opinion");
        // A row without the expert's name is named by its row, in Chinese; the step stays open.
        HttpResponse<String> refused = reviewer.submit(task, Map.of("experts", TasklistSession.rows(List.of(
                Map.of("name", "李工", "organisation", "省环境科学研究院"), Map.of("name", "", "organisation", "市环科所"))),
                "expertOpinion", "整改到位"));
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("experts[1].name 不能为空");
        assertThat(reviewer.visibleTasks(KEY, id)).isEqualTo(1);

        reviewer.complete(task, Map.of("experts", TasklistSession.rows(List.of(
                Map.of("name", "李工", "organisation", "省环境科学研究院"), Map.of("name", "王工", "organisation", ""))),
                "expertOpinion", "整改到位，同意销号"));
        JsonNode hazard = enterpriseApi.get("/api/hazards/" + id).json();
        assertThat(hazard.at("/rounds/0/expertNames").asText()).isEqualTo("李工（省环境科学研究院）、王工");
        assertThat(hazard.at("/openTasks/0/key").asText()).isEqualTo("Task_VerifyRectification");
        JsonNode trail = new ApiClient(port, "supervisor").get("/api/hazards/" + id + "/audit").json();
        JsonNode recorded = null;
        for (JsonNode row : trail) {
            if (row.get("action").asText().equals("EXPERT_OPINION_RECORDED")) {
                recorded = row;
            }
        }
        assertThat(recorded).as("audit row of the opinion").isNotNull();
        assertThat(recorded.get("actor").asText()).isEqualTo("reviewer");
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }
}
