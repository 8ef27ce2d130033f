package org.hmcflow.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.EngineClockControl;
import org.hmcflow.support.H2AppTest;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;

    @AfterEach
    void reset() {
        EngineClockControl.reset();
    }

    /** A browser-like Tasklist session for one user: cookies kept, the XSRF token echoed back. */
    final class Tasklist {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String auth;
        private String xsrf;

        Tasklist(String user) {
            this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
            r.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> xsrf = t);
            return JSON.readTree(r.body());
        }

        int post(String path, Object body) throws Exception {
            return postForResponse(path, body).statusCode();
        }

        HttpResponse<String> postForResponse(String path, Object body) throws Exception {
            return http.send(request(path).header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", xsrf == null ? "" : xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default" + path))
                    .header("Authorization", auth).header("Accept", "application/json");
        }

        /** Opens the case's one task like Tasklist: the task, then its deployed form; returns the task id. */
        String openTask(long hazardId, String expectedKey, String expectedForm) throws Exception {
            JsonNode tasks = get("/task?processDefinitionKey=hazard-lifecycle&processInstanceBusinessKey=" + hazardId);
            assertThat(tasks.size()).as("tasks visible").isEqualTo(1);
            assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(expectedKey);
            String id = tasks.get(0).get("id").asText();
            assertThat(get("/task/" + id + "/deployed-form").get("id").asText()).isEqualTo(expectedForm);
            return id;
        }

        void submit(String taskId, Map<String, Object> values) throws Exception {
            Map<String, Object> variables = new LinkedHashMap<>();
            values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
            assertThat(post("/task/" + taskId + "/submit-form", Map.of("variables", variables))).isEqualTo(204);
        }

        int visibleTasks(long hazardId) throws Exception {
            return get("/task?processDefinitionKey=hazard-lifecycle&processInstanceBusinessKey=" + URLEncoder.encode(String.valueOf(hazardId), StandardCharsets.UTF_8)).size();
        }
    }

    @Test
    void aGeneralHazardFromReportToArchiveInTasklist() throws Exception {
        EngineClockControl clock = new EngineClockControl(management);
        clock.set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient enterpriseApi = new ApiClient(port, "enterprise");
        long id = enterpriseApi.post("/api/hazards", Map.of("title", "危废暂存间漏雨", "description", "屋顶破损，雨水进入",
                "location", "危废暂存间", "pollutants", List.of("Pb"))).json().get("id").asLong();

        Tasklist reviewer = new Tasklist("reviewer");
        Tasklist reviewer2 = new Tasklist("reviewer2");
        Tasklist enterprise = new Tasklist("enterprise");
        Tasklist enterprise2 = new Tasklist("enterprise2");
        assertThat(reviewer2.visibleTasks(id)).as("another department sees nothing").isZero();
        assertThat(enterprise2.visibleTasks(id)).as("another enterprise sees nothing").isZero();

        String triage = reviewer.openTask(id, "Task_TriageHazard", "hazard-triage");
        // A form submitted with a missing answer is refused by the same rules as the API.
        HttpResponse<String> refused = reviewer.postForResponse("/task/" + triage + "/submit-form", Map.of("variables",
                Map.of("triageDecision", Map.of("value", "GENERAL"))));
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("triageComment 不能为空").contains("responsibleGroup 不能为空");
        assertThat(reviewer.visibleTasks(id)).isEqualTo(1);
        reviewer.submit(triage, Map.of("triageDecision", "GENERAL", "responsibleGroup", "city-epb",
                "rectificationWorkingDays", 5, "triageComment", "一般隐患，5个工作日内整改"));

        String rectify = enterprise.openTask(id, "Task_Rectify", "hazard-rectification");
        enterpriseApi.upload("/api/hazards/" + id + "/evidence", Map.of("kind", "BEFORE", "pointLabel", "屋顶"),
                "b.png", "image/png", ApiClient.png());
        enterpriseApi.upload("/api/hazards/" + id + "/evidence", Map.of("kind", "AFTER", "pointLabel", "屋顶"),
                "a.png", "image/png", ApiClient.png());
        enterprise.submit(rectify, Map.of("rectificationSummary", "更换屋面防水层"));

        String verify = reviewer.openTask(id, "Task_VerifyRectification", "hazard-verification");
        reviewer.submit(verify, Map.of("verificationResult", "PASS", "verificationComment", "现场核查通过"));
        assertThat(enterpriseApi.get("/api/hazards/" + id).json().at("/hazard/state").asText()).isEqualTo("CLOSED_OUT");

        clock.advance(Duration.ofDays(40));
        clock.fireDueJobs();
        String recheck = reviewer.openTask(id, "Task_FollowUpRecheck", "hazard-recheck");
        reviewer.submit(recheck, Map.of("recheckResult", "CONFIRMED", "recheckComment", "回头看无反弹"));

        JsonNode done = enterpriseApi.get("/api/hazards/" + id).json();
        assertThat(done.at("/hazard/state").asText()).isEqualTo("ARCHIVED");
        JsonNode trail = new ApiClient(port, "supervisor").get("/api/hazards/" + id + "/audit").json();
        assertThat(trail.findValuesAsText("action")).containsSubsequence("REPORTED", "TRIAGED", "RECTIFICATION_REPORTED",
                "VERIFICATION_PASSED", "CLOSED_OUT", "RECHECK_CONFIRMED");
        // Who acted in Tasklist is who the audit trail names.
        assertThat(trail.get(1).get("actor").asText()).isEqualTo("reviewer");
    }
}
