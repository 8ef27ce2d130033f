package org.hmcflow.permit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
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
 * 排污许可申领 driven the way Camunda Tasklist drives it, corrections (补正) included: the webapp's engine API under
 * {@code /camunda/api/engine}, signed in as the demo users, each form loaded from the deployment and submitted with
 * the webapp's CSRF token. The enterprise's user finds and completes its correction steps in Tasklist like the
 * bureau's staff do theirs; a bad answer is refused with the field named in Chinese; the statutory clock stopped for
 * a review correction runs again when the enterprise submits in Tasklist.
 */
@H2AppTest
class PermitTasklistPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/permits/applications";

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

        HttpResponse<String> submitForResponse(String taskId, Map<String, Object> values) throws Exception {
            Map<String, Object> variables = new LinkedHashMap<>();
            values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
            return http.send(request("/task/" + taskId + "/submit-form").header("Content-Type", "application/json")
                            .header("X-XSRF-TOKEN", xsrf == null ? "" : xsrf)
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", variables)))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void submit(String taskId, Map<String, Object> values) throws Exception {
            HttpResponse<String> r = submitForResponse(taskId, values);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default" + path))
                    .header("Authorization", auth).header("Accept", "application/json").header("Accept-Language", "zh-CN");
        }

        /** Opens the application's one task visible to this user, like Tasklist: the task, its form; the task id. */
        String openTask(long applicationId, String expectedKey, String expectedForm) throws Exception {
            JsonNode tasks = get("/task?processDefinitionKey=permit-application&processInstanceBusinessKey=" + applicationId);
            assertThat(tasks.size()).as("tasks visible").isEqualTo(1);
            assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(expectedKey);
            String id = tasks.get(0).get("id").asText();
            assertThat(get("/task/" + id + "/deployed-form").get("id").asText()).isEqualTo(expectedForm);
            return id;
        }

        JsonNode formVariables(String taskId) throws Exception {
            return get("/task/" + taskId + "/form-variables");
        }

        /** Opens the one task of a process the user sees for a case, like Tasklist filtered by process. */
        String openTask(String processKey, long caseId, String expectedKey, String expectedForm) throws Exception {
            JsonNode tasks = get("/task?processDefinitionKey=" + processKey + "&processInstanceBusinessKey=" + caseId);
            assertThat(tasks.size()).as("tasks visible").isEqualTo(1);
            assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(expectedKey);
            String id = tasks.get(0).get("id").asText();
            assertThat(get("/task/" + id + "/deployed-form").get("id").asText()).isEqualTo(expectedForm);
            return id;
        }

        int visibleTasks(long applicationId) throws Exception {
            return get("/task?processDefinitionKey=permit-application&processInstanceBusinessKey=" + applicationId).size();
        }
    }

    @Test
    void anApplicationCorrectedTwiceAndIssuedEntirelyInTasklist() throws Exception {
        EngineClockControl clock = new EngineClockControl(management);
        clock.set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient enterpriseApi = new ApiClient(port, "enterprise");
        long id = enterpriseApi.post(API, PermitApiScenarios.anApplication()).json().get("id").asLong();

        Tasklist reviewer = new Tasklist("reviewer");
        Tasklist enterprise = new Tasklist("enterprise");
        Tasklist enterprise2 = new Tasklist("enterprise2");

        // 受理: returned once with everything missing
        String accept = reviewer.openTask(id, "Task_AcceptApplication", "permit-acceptance");
        reviewer.submit(accept, Map.of("acceptanceDecision", "RETURN", "missingItems", "信息公开情况说明\n排放口规范化设置图"));

        // the enterprise finds its correction step in Tasklist, with what is missing; another enterprise sees nothing
        assertThat(enterprise2.visibleTasks(id)).isZero();
        assertThat(reviewer.visibleTasks(id)).isZero();
        String correction = enterprise.openTask(id, "Task_SubmitCorrections", "permit-correction");
        JsonNode shown = enterprise.formVariables(correction);
        assertThat(shown.at("/correctionItems/value").asText()).contains("信息公开情况说明", "排放口规范化设置图");
        assertThat(shown.at("/applicationReference/value").asText()).startsWith("XK-2026-");
        // the corrected files are uploaded through the API; the correction form lists them
        assertThat(enterpriseApi.upload(API + "/" + id + "/documents", Map.of("kind", "DISCLOSURE_STATEMENT"),
                "信息公开情况说明.png", "image/png", ApiClient.png()).status()).isEqualTo(201);
        assertThat(enterprise.formVariables(correction).at("/correctionDocuments/value").asText())
                .contains("DISCLOSURE_STATEMENT", "信息公开情况说明.png");
        HttpResponse<String> refused = enterprise.submitForResponse(correction, Map.of("correctionStatement", " "));
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("correctionStatement 不能为空");
        assertThat(enterprise.visibleTasks(id)).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        enterprise.submit(correction, Map.of("correctionStatement", "已补充信息公开情况说明和排放口规范化设置图"));
        JsonNode resubmitted = enterpriseApi.get(API + "/" + id).json();
        assertThat(resubmitted.at("/application/state").asText()).isEqualTo("SUBMITTED");
        assertThat(resubmitted.at("/application/receivedOn").asText()).isEqualTo("2026-03-03");
        assertThat(resubmitted.at("/corrections/0/resubmittedOn").asText()).isEqualTo("2026-03-03");
        assertThat(resubmitted.at("/corrections/0/statement").asText()).isEqualTo("已补充信息公开情况说明和排放口规范化设置图");

        accept = reviewer.openTask(id, "Task_AcceptApplication", "permit-acceptance");
        reviewer.submit(accept, Map.of("acceptanceDecision", "ACCEPT", "acceptanceComment", "材料齐全"));

        // 技术审查 asks for corrections: the statutory clock stops
        String review = reviewer.openTask(id, "Task_TechnicalReview", "permit-technical-review");
        reviewer.submit(review, Map.of("reviewOutcome", "REQUEST_CORRECTION", "reviewCorrectionItems", "补充废气处理设施设计参数",
                "reviewComment", "需补正"));
        JsonNode stopped = enterpriseApi.get(API + "/" + id).json();
        assertThat(stopped.at("/clock/stopped").asBoolean()).isTrue();
        int remaining = stopped.at("/clock/remainingDays").asInt();

        clock.advance(Duration.ofDays(7)); // Tuesday 10 March
        String reviewCorrection = enterprise.openTask(id, "Task_SubmitReviewCorrections", "permit-correction");
        assertThat(enterprise.formVariables(reviewCorrection).at("/correctionItems/value").asText())
                .isEqualTo("补充废气处理设施设计参数");
        assertThat(enterprise.formVariables(reviewCorrection).has("correctionDocuments"))
                .as("the files of the last notice are not shown again").isFalse();
        enterprise.submit(reviewCorrection, Map.of("correctionStatement", "已补充设计参数"));

        // the clock runs again from the day after, with the days it stood still not counted
        JsonNode resumed = enterpriseApi.get(API + "/" + id).json();
        assertThat(resumed.at("/application/state").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(resumed.at("/clock/stopped").asBoolean()).isFalse();
        assertThat(resumed.at("/clock/remainingDays").asInt()).isEqualTo(remaining);
        assertThat(resumed.at("/clock/pauses/0/reason").asText()).isEqualTo("CORRECTION");
        assertThat(resumed.at("/clock/pauses/0/endedOn").asText()).isEqualTo("2026-03-10");

        review = reviewer.openTask(id, "Task_TechnicalReview", "permit-technical-review");
        reviewer.submit(review, Map.of("reviewOutcome", "PROCEED", "managementCategory", "KEY",
                "siteInspectionRequired", false, "reviewComment", "补正后材料齐全"));
        String decide = reviewer.openTask(id, "Task_DecideApplication", "permit-decision");
        reviewer.submit(decide, Map.of("decision", "ISSUE", "decisionComment", "准予许可"));

        JsonNode issued = enterpriseApi.get(API + "/" + id).json();
        assertThat(issued.at("/application/state").asText()).isEqualTo("ISSUED");
        JsonNode trail = new ApiClient(port, "supervisor").get(API + "/" + id + "/audit").json();
        assertThat(trail.findValuesAsText("action")).containsSubsequence("FILED", "RETURNED_FOR_CORRECTION",
                "CORRECTIONS_RESUBMITTED", "ACCEPTED", "REVIEW_CORRECTION_REQUESTED", "CLOCK_PAUSED",
                "REVIEW_CORRECTIONS_RESUBMITTED", "CLOCK_RESUMED", "DECIDED_TO_ISSUE", "PERMIT_ISSUED");
        // who acted in Tasklist is who the audit trail names
        for (JsonNode e : trail) {
            if (e.get("action").asText().endsWith("RESUBMITTED")) {
                assertThat(e.get("actor").asText()).isEqualTo("enterprise");
            }
        }
    }

    @Test
    void anExecutionReportIsFiledAndAcceptedInTasklist() throws Exception {
        EngineClockControl clock = new EngineClockControl(management);
        clock.set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient enterpriseApi = new ApiClient(port, "enterprise");
        ApiClient reviewerApi = new ApiClient(port, "reviewer");
        long app = enterpriseApi.post(API, PermitApiScenarios.anApplication()).json().get("id").asLong();
        assertThat(reviewerApi.post(API + "/" + app + "/acceptance", Map.of("acceptanceDecision", "ACCEPT")).status()).isEqualTo(204);
        assertThat(reviewerApi.post(API + "/" + app + "/technical-review", Map.of("reviewOutcome", "PROCEED",
                "managementCategory", "KEY", "siteInspectionRequired", false, "reviewComment", "材料齐全")).status()).isEqualTo(204);
        assertThat(reviewerApi.post(API + "/" + app + "/decision", Map.of("decision", "ISSUE", "decisionComment", "准予许可"))
                .status()).isEqualTo(204);
        String number = enterpriseApi.get(API + "/" + app).json().at("/permit/permitNumber").asText();
        JsonNode permit = enterpriseApi.get("/api/permits/by-number/" + number).json();
        long permitId = permit.get("id").asLong();
        long reportId = permit.at("/executionReports/0/id").asLong();
        assertThat(permit.at("/executionReports/0/period").asText()).isEqualTo("2026-Q2");

        clock.set(ZonedDateTime.parse("2026-07-03T10:00:00+08:00").toInstant());
        clock.fireDueJobs();
        Tasklist enterprise = new Tasklist("enterprise");
        Tasklist reviewer = new Tasklist("reviewer");
        String file = enterprise.openTask("permit-execution-report", reportId, "Task_FileExecutionReport",
                "permit-execution-report");
        JsonNode shown = enterprise.formVariables(file);
        assertThat(shown.at("/permitNumber/value").asText()).isEqualTo(number);
        assertThat(shown.at("/reportPeriod/value").asText()).isEqualTo("2026-Q2");

        HttpResponse<String> refused = enterprise.submitForResponse(file, Map.of("actualEmissions", "Cd=1",
                "exceedances", "无", "abnormalOperation", "无", "monitoringCompleteness", 100));
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("actualEmissions 缺少许可证载明的污染物的实际排放量：Pb");
        enterprise.submit(file, Map.of("actualEmissions", "Pb=3.3", "exceedances", "无", "abnormalOperation",
                "二季度除尘设施检修停运2天，已报备", "monitoringCompleteness", 95.5));

        String review = reviewer.openTask("permit-execution-report", reportId, "Task_ReviewExecutionReport",
                "permit-execution-report-review");
        assertThat(reviewer.formVariables(review).at("/actualEmissions/value").asText()).isEqualTo("Pb=3.3");
        reviewer.submit(review, Map.of("reportReview", "ACCEPT", "reportReviewComment", "内容完整"));

        JsonNode report = enterpriseApi.get("/api/permits/" + permitId).json().at("/executionReports/0");
        assertThat(report.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(report.get("abnormalOperation").asText()).contains("除尘设施检修");
        assertThat(report.get("monitoringCompleteness").decimalValue()).isEqualByComparingTo("95.5");
        assertThat(report.get("filedBy").asText()).isEqualTo("enterprise");
        assertThat(report.get("reviewedBy").asText()).isEqualTo("reviewer");
    }
}
