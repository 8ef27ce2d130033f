package org.hmcflow.permit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.permit.application.PermitApplicationProcess.KEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.EngineClockControl;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.TasklistSession;
import org.hmcflow.review.MultiPartyReviewProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 排污许可申领 driven the way Camunda Tasklist drives it, from the application's start form to the permit, corrections
 * (补正) included: the webapp's engine API under {@code /camunda/api/engine}, signed in as the demo users, each form
 * loaded from the deployment and submitted with the webapp's CSRF token. The enterprise files its application with the
 * start form (every bad field named by its row, nothing stored), and its user finds and completes its correction steps in Tasklist like the
 * bureau's staff do theirs; a bad answer is refused with the field named in Chinese; the statutory clock stopped for
 * a review correction runs again when the enterprise submits in Tasklist.
 */
@H2AppTest
class PermitTasklistPathTest {

    private static final String API = "/api/permits/applications";

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void reset() {
        EngineClockControl.reset();
    }

    /** What the enterprise types into the start form: the contents of {@link PermitApiScenarios#anApplication()}. */
    static Map<String, Object> filingForm() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("uscc", PermitApiScenarios.USCC_1);
        form.put("unitName", "清远市尤尼电源科技有限公司");
        form.put("address", "清远市清城区龙塘镇工业园 8 号");
        form.put("legalRepresentative", "陈志强");
        form.put("siteAddress", "清远市清城区龙塘镇工业园 8 号（一厂区）");
        form.put("projectType", "EXISTING");
        form.put("onKeyDischargerList", true);
        form.put("heavyMetalEmissionChange", 0);
        form.put("outputIncrease", false);
        form.put("mixingOrAssemblyOnly", false);
        form.put("productsAndCapacity", "铅酸蓄电池 50 万 kVAh/年");
        form.put("rawMaterials", "铅锭 1.2 万吨/年");
        form.put("eiaApprovalReference", "清环审〔2019〕18号");
        form.put("selfMonitoringPlan", "DW001 总铅、总镉每月 1 次；DA001 铅及其化合物每季度 1 次");
        form.put("facilities", List.of(
                Map.of("kind", "PRODUCTION", "name", "极板涂膏生产线", "parameters", "2 条"),
                Map.of("kind", "CONTROL", "name", "含铅废水处理站", "parameters", "混凝沉淀，300 m³/d")));
        form.put("outlets", List.of(
                outletRow("DW001", "厂区", "龙塘污水处理厂", "Pb", 0.5, 12.5, 15),
                outletRow("DW001", "", "", "Cd", 0.05, 1.2, 1.5),
                outletRow("DA001", "厂区", "大气", "Pb", 0.5, 3.2, 4)));
        form.put("documents", List.of(
                Map.of("kind", "EIA_APPROVAL", "title", "环境影响报告书批复", "reference", "清环审〔2019〕18号"),
                Map.of("kind", "SELF_MONITORING_PLAN", "title", "自行监测方案")));
        return form;
    }

    /** One row of the outlets list: one pollutant at one outlet, as the form's row has it. */
    static Map<String, Object> outletRow(String code, String location, String destination, String pollutant,
                                         Object concentration, Object quantity, Object quota) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", code);
        row.put("location", location);
        row.put("destination", destination);
        row.put("pollutant", pollutant);
        row.put("concentrationLimit", concentration);
        row.put("annualQuantityKg", quantity);
        row.put("emissionStandard", "GB 30484-2013");
        row.put("totalQuotaKg", quota);
        return row;
    }

    /** The form's values as Tasklist submits them: each dynamic list a Json value. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asSubmitted(Map<String, Object> form) {
        Map<String, Object> submitted = new LinkedHashMap<>(form);
        submitted.replaceAll((k, v) -> v instanceof List<?> rows ? TasklistSession.rows((List<Map<String, ?>>) rows) : v);
        return submitted;
    }

    @Test
    void anEnterpriseFilesItsApplicationWithTheStartFormInTasklist() throws Exception {
        EngineClockControl clock = new EngineClockControl(management);
        clock.set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient enterpriseApi = new ApiClient(port, "enterprise");
        TasklistSession enterprise = new TasklistSession(port, "enterprise");
        TasklistSession reviewer = new TasklistSession(port, "reviewer");

        // Tasklist offers the application, and only it, to enterprises; the bureau's staff start nothing there
        assertThat(enterprise.startableProcesses()).containsExactly(KEY);
        assertThat(reviewer.startableProcesses()).isEmpty();
        assertThat(reviewer.start(KEY, "permit-application-filing", asSubmitted(filingForm())).statusCode()).isEqualTo(403);

        // every bad field named, by its row, in Chinese; nothing stored, nothing started
        int applicationsBefore = enterpriseApi.get(API).json().get("items").size();
        long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
        Map<String, Object> bad = filingForm();
        bad.put("uscc", "9144180212345");
        bad.put("facilities", List.of(Map.of("kind", "MACHINE", "name", "极板涂膏生产线", "parameters", "2 条"),
                Map.of("kind", "CONTROL", "name", "含铅废水处理站", "parameters", "混凝沉淀")));
        bad.put("outlets", List.of(outletRow("DW001", "厂区", "龙塘污水处理厂", "Pb", 0.5, 12.5, 15),
                outletRow("DW001", "", "", "Xx", 0.05, 1.2, 1.5),
                outletRow("DA001", "厂区", "大气", "Pb", "约0.5", -3, 4)));
        bad.put("documents", List.of(Map.of("kind", "EIA_APPROVAL", "title", "环境影响报告书批复"),
                Map.of("kind", "SELF_MONITORING_PLAN", "title", "")));
        HttpResponse<String> refused = enterprise.start(KEY, "permit-application-filing", asSubmitted(bad));
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("请求中有字段不符合要求", "uscc 不是有效的统一社会信用代码",
                "facilities[0].kind 必须是以下之一：PRODUCTION, CONTROL", "outlets[1].pollutant 未知污染物“Xx”",
                "outlets[2].concentrationLimit 必须是数字", "outlets[2].annualQuantityKg", "documents[1].title 不能为空")
                .doesNotContain("at org.", "Caused by");
        assertThat(enterpriseApi.get(API).json().get("items").size()).isEqualTo(applicationsBefore);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instancesBefore);

        // filed: the same application the API would have stored, received today, the id its business key
        HttpResponse<String> started = enterprise.start(KEY, "permit-application-filing", asSubmitted(filingForm()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonNode instance = new ObjectMapper().readTree(started.body());
        long id = enterpriseApi.get(API).json().at("/items/0/id").asLong();
        assertThat(instance.get("businessKey").asText()).isEqualTo(String.valueOf(id));
        JsonNode filed = enterpriseApi.get(API + "/" + id).json();
        assertThat(filed.at("/application/state").asText()).isEqualTo("SUBMITTED");
        assertThat(filed.at("/application/receivedOn").asText()).isEqualTo("2026-03-02");
        assertThat(filed.at("/acceptance/acceptanceDue").asText()).isEqualTo("2026-03-05T15:59:00Z");
        assertThat(filed.at("/contents/outlets").size()).isEqualTo(2);
        assertThat(filed.at("/contents/outlets/0/destination").asText()).isEqualTo("龙塘污水处理厂");
        assertThat(filed.at("/contents/outlets/0/pollutants").findValuesAsText("pollutant")).containsExactly("Pb", "Cd");
        assertThat(filed.at("/contents/outlets/1/pollutants/0/annualQuantityKg").decimalValue()).isEqualByComparingTo("3.2");
        assertThat(filed.at("/contents/facilities/1/kind").asText()).isEqualTo("CONTROL");
        assertThat(filed.at("/contents/documents/1/kind").asText()).isEqualTo("SELF_MONITORING_PLAN");
        assertThat(filed.at("/contents/onKeyDischargerList").asBoolean()).isTrue();
        JsonNode trail = enterpriseApi.get(API + "/" + id + "/audit").json();
        assertThat(trail.get(0).get("action").asText()).isEqualTo("FILED");
        assertThat(trail.get(0).get("actor").asText()).isEqualTo("enterprise");
        assertThat(trail.get(0).get("changes").asText()).contains("\"channel\":\"TASKLIST\"");
        // the instance keeps ids and plain values, not the form's contents
        assertThat(runtime.getVariables(instance.get("id").asText())).containsEntry("applicationId", id)
                .doesNotContainKeys("outlets", "facilities", "documents", "uscc", "selfMonitoringPlan");

        // and it goes on in Tasklist like any other: the bureau accepts it
        String accept = reviewer.openTask(KEY, id, "Task_AcceptApplication", "permit-acceptance");
        reviewer.complete(accept, Map.of("acceptanceDecision", "ACCEPT", "acceptanceComment", "材料齐全"));
        assertThat(enterpriseApi.get(API + "/" + id).json().at("/openTasks/0/key").asText()).isEqualTo("Task_TechnicalReview");

        // an instance cannot be started by hand for an application that was already filed
        HttpResponse<String> forged = enterprise.post("/process-definition/key/" + KEY + "/start",
                Map.of("variables", Map.of("applicationId", Map.of("value", id, "type", "Long"))));
        assertThat(forged.statusCode()).isEqualTo(500);
        assertThat(forged.body()).contains("不能直接启动流程");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(String.valueOf(id))
                .count()).isEqualTo(1);
    }

    @Test
    void anApplicationCorrectedTwiceAndIssuedEntirelyInTasklist() throws Exception {
        EngineClockControl clock = new EngineClockControl(management);
        clock.set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient enterpriseApi = new ApiClient(port, "enterprise");
        long id = enterpriseApi.post(API, PermitApiScenarios.anApplication()).json().get("id").asLong();

        TasklistSession reviewer = new TasklistSession(port, "reviewer");
        TasklistSession enterprise = new TasklistSession(port, "enterprise");
        TasklistSession enterprise2 = new TasklistSession(port, "enterprise2");

        // 受理: returned once with everything missing
        String accept = reviewer.openTask(KEY, id, "Task_AcceptApplication", "permit-acceptance");
        // a row left without its text is named by its row, in Chinese
        HttpResponse<String> noText = reviewer.submit(accept, Map.of("acceptanceDecision", "RETURN", "missingItems",
                TasklistSession.rows(List.of(Map.of("item", "信息公开情况说明"), Map.of("item", "说".repeat(301))))));
        assertThat(noText.statusCode()).isEqualTo(500);
        assertThat(noText.body()).contains("missingItems[1].item 不能超过300个字符");
        reviewer.complete(accept, Map.of("acceptanceDecision", "RETURN", "missingItems", TasklistSession.rows(List.of(
                Map.of("item", "信息公开情况说明"), Map.of("item", "排放口规范化设置图")))));

        // the enterprise finds its correction step in Tasklist, with what is missing; another enterprise sees nothing
        assertThat(enterprise2.visibleTasks(KEY, id)).isZero();
        assertThat(reviewer.visibleTasks(KEY, id)).isZero();
        String correction = enterprise.openTask(KEY, id, "Task_SubmitCorrections", "permit-correction");
        JsonNode shown = enterprise.formVariables(correction);
        assertThat(shown.at("/correctionItems/value").asText()).contains("信息公开情况说明", "排放口规范化设置图");
        assertThat(shown.at("/applicationReference/value").asText()).startsWith("XK-2026-");
        // the corrected files are uploaded through the API; the correction form lists them
        assertThat(enterpriseApi.upload(API + "/" + id + "/documents", Map.of("kind", "DISCLOSURE_STATEMENT"),
                "信息公开情况说明.png", "image/png", ApiClient.png()).status()).isEqualTo(201);
        assertThat(enterprise.formVariables(correction).at("/correctionDocuments/value").asText())
                .contains("DISCLOSURE_STATEMENT", "信息公开情况说明.png");
        HttpResponse<String> refused = enterprise.submit(correction, Map.of("correctionStatement", " "));
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("correctionStatement 不能为空");
        assertThat(enterprise.visibleTasks(KEY, id)).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        enterprise.complete(correction, Map.of("correctionStatement", "已补充信息公开情况说明和排放口规范化设置图"));
        JsonNode resubmitted = enterpriseApi.get(API + "/" + id).json();
        assertThat(resubmitted.at("/application/state").asText()).isEqualTo("SUBMITTED");
        assertThat(resubmitted.at("/application/receivedOn").asText()).isEqualTo("2026-03-03");
        assertThat(resubmitted.at("/corrections/0/resubmittedOn").asText()).isEqualTo("2026-03-03");
        assertThat(resubmitted.at("/corrections/0/statement").asText()).isEqualTo("已补充信息公开情况说明和排放口规范化设置图");

        accept = reviewer.openTask(KEY, id, "Task_AcceptApplication", "permit-acceptance");
        reviewer.complete(accept, Map.of("acceptanceDecision", "ACCEPT", "acceptanceComment", "材料齐全"));

        // 技术审查 asks for corrections: the statutory clock stops
        String review = reviewer.openTask(KEY, id, "Task_TechnicalReview", "permit-technical-review");
        reviewer.complete(review, Map.of("reviewOutcome", "REQUEST_CORRECTION", "reviewCorrectionItems",
                TasklistSession.rows(List.of(Map.of("item", "补充废气处理设施设计参数"))), "reviewComment", "需补正"));
        JsonNode stopped = enterpriseApi.get(API + "/" + id).json();
        assertThat(stopped.at("/clock/stopped").asBoolean()).isTrue();
        int remaining = stopped.at("/clock/remainingDays").asInt();

        clock.advance(Duration.ofDays(7)); // Tuesday 10 March
        String reviewCorrection = enterprise.openTask(KEY, id, "Task_SubmitReviewCorrections", "permit-correction");
        assertThat(enterprise.formVariables(reviewCorrection).at("/correctionItems/value").asText())
                .isEqualTo("补充废气处理设施设计参数");
        assertThat(enterprise.formVariables(reviewCorrection).has("correctionDocuments"))
                .as("the files of the last notice are not shown again").isFalse();
        enterprise.complete(reviewCorrection, Map.of("correctionStatement", "已补充设计参数"));

        // the clock runs again from the day after, with the days it stood still not counted
        JsonNode resumed = enterpriseApi.get(API + "/" + id).json();
        assertThat(resumed.at("/application/state").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(resumed.at("/clock/stopped").asBoolean()).isFalse();
        assertThat(resumed.at("/clock/remainingDays").asInt()).isEqualTo(remaining);
        assertThat(resumed.at("/clock/pauses/0/reason").asText()).isEqualTo("CORRECTION");
        assertThat(resumed.at("/clock/pauses/0/endedOn").asText()).isEqualTo("2026-03-10");

        review = reviewer.openTask(KEY, id, "Task_TechnicalReview", "permit-technical-review");
        reviewer.complete(review, Map.of("reviewOutcome", "PROCEED", "managementCategory", "KEY",
                "siteInspectionRequired", false, "reviewComment", "补正后材料齐全"));
        String decide = reviewer.openTask(KEY, id, "Task_DecideApplication", "permit-decision");
        reviewer.complete(decide, Map.of("decision", "ISSUE", "decisionComment", "准予许可"));

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
    void theTechnicalReviewNamesJointDepartmentsAsRowsAndADepartmentGivesItsOpinionInTasklist() throws Exception {
        EngineClockControl clock = new EngineClockControl(management);
        clock.set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient enterpriseApi = new ApiClient(port, "enterprise");
        long id = enterpriseApi.post(API, PermitApiScenarios.anApplication()).json().get("id").asLong();
        ApiClient reviewerApi = new ApiClient(port, "reviewer");
        assertThat(reviewerApi.post(API + "/" + id + "/acceptance", Map.of("acceptanceDecision", "ACCEPT")).status())
                .isEqualTo(204);

        // the form offers every department but the bureau, as options of a select in each row
        TasklistSession reviewer = new TasklistSession(port, "reviewer");
        String review = reviewer.openTask(KEY, id, "Task_TechnicalReview", "permit-technical-review");
        // as Tasklist loads it: serialized values, the Json one as its text
        JsonNode shown = reviewer.get("/task/" + review + "/form-variables?deserializeValues=false");
        assertThat(shown.at("/departmentOptions/type").asText()).isEqualTo("Json");
        JsonNode offered = shown.at("/departmentOptions/value");
        JsonNode options = offered.isTextual() ? new ObjectMapper().readTree(offered.asText()) : offered;
        assertThat(options.findValuesAsText("value")).contains("city-eit", "city-drc").doesNotContain("city-epb");
        assertThat(options.get(0).get("label").asText()).matches("\\p{IsHan}.* / .+");

        // a bad row is named by its place; nothing is kept
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("reviewOutcome", "PROCEED");
        form.put("managementCategory", "KEY");
        form.put("siteInspectionRequired", false);
        form.put("reviewComment", "材料齐全，请市经信局会审");
        form.put("jointDepartments", TasklistSession.rows(List.of(Map.of("department", "city-eit"),
                Map.of("department", "city-epb"), Map.of("department", "city-eit"))));
        HttpResponse<String> refused = reviewer.submit(review, form);
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("jointDepartments[1].department", "jointDepartments[2].department");
        assertThat(reviewer.visibleTasks(KEY, id)).isEqualTo(1);

        form.put("jointDepartments", TasklistSession.rows(List.of(Map.of("department", "city-eit"))));
        reviewer.complete(review, form);
        assertThat(enterpriseApi.get(API + "/" + id).json().at("/application/state").asText()).isEqualTo("JOINT_REVIEW");
        String permitInstance = runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(id)).singleResult().getId();
        assertThat(runtime.getVariables(permitInstance)).as("the list went with the step")
                .doesNotContainKeys("jointDepartments", "departmentOptions");
        String reviewId = runtime.createProcessInstanceQuery().superProcessInstanceId(permitInstance).singleResult()
                .getBusinessKey();

        // 市经信局 finds its opinion step in Tasklist with the review opinion form; the bureau does not
        TasklistSession eit = new TasklistSession(port, "reviewer2");
        assertThat(reviewer.visibleTasks(MultiPartyReviewProcess.KEY, reviewId)).isZero();
        String opinion = eit.openTask(MultiPartyReviewProcess.KEY, reviewId, "Task_GiveOpinion", "review-opinion");
        JsonNode opinionForm = eit.formVariables(opinion);
        assertThat(opinionForm.at("/partyName/value").asText()).startsWith("市经济和信息化局");
        assertThat(opinionForm.at("/partyKind/value").asText()).isEqualTo("DEPARTMENT");
        HttpResponse<String> noConditions = eit.submit(opinion, Map.of("opinion", "AGREE_WITH_CONDITIONS"));
        assertThat(noConditions.statusCode()).isEqualTo(500);
        assertThat(noConditions.body()).contains("opinionText 不能为空");
        eit.complete(opinion, Map.of("opinion", "AGREE_WITH_CONDITIONS", "opinionText", "须落实铅尘收集措施"));

        JsonNode decided = enterpriseApi.get(API + "/" + id).json();
        assertThat(decided.at("/application/state").asText()).isEqualTo("AWAITING_DECISION");
        assertThat(decided.at("/jointReviews/0/department").asText()).isEqualTo("city-eit");
        assertThat(decided.at("/jointReviews/0/opinion").asText()).isEqualTo("AGREE_WITH_CONDITIONS");
        assertThat(decided.at("/jointReviews/0/comment").asText()).isEqualTo("须落实铅尘收集措施");
        assertThat(reviewer.openTask(KEY, id, "Task_DecideApplication", "permit-decision")).isNotBlank();
        JsonNode trail = new ApiClient(port, "supervisor").get(API + "/" + id + "/audit").json();
        assertThat(trail.findValuesAsText("action")).containsSubsequence("TECHNICAL_REVIEWED", "JOINT_OPINION_GIVEN");
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
        TasklistSession enterprise = new TasklistSession(port, "enterprise");
        TasklistSession reviewer = new TasklistSession(port, "reviewer");
        String file = enterprise.openTask("permit-execution-report", reportId, "Task_FileExecutionReport",
                "permit-execution-report");
        JsonNode shown = enterprise.formVariables(file);
        assertThat(shown.at("/permitNumber/value").asText()).isEqualTo(number);
        assertThat(shown.at("/reportPeriod/value").asText()).isEqualTo("2026-Q2");

        // the form offers a row per pollutant of the permit, the kg to fill in (read as Tasklist reads it: the Json
        // variable's text, which the form parses)
        JsonNode asTasklistLoads = enterprise.get("/task/" + file + "/form-variables?deserializeValues=false");
        assertThat(asTasklistLoads.at("/actualEmissions/type").asText()).isEqualTo("Json");
        assertThat(new ObjectMapper().readTree(asTasklistLoads.at("/actualEmissions/value").asText())
                .findValuesAsText("pollutant")).as(asTasklistLoads.toString()).containsExactly("Pb");

        // Tasklist submits the offered rows without their read-only pollutant cell: the row's place names it
        HttpResponse<String> refused = enterprise.submit(file, Map.of("actualEmissions",
                TasklistSession.rows(List.of(Map.of("actualKg", -1))),
                "exceedances", "无", "abnormalOperation", "无", "monitoringCompleteness", 100));
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("actualEmissions[0].actualKg 不能小于0");
        HttpResponse<String> other = enterprise.submit(file, Map.of("actualEmissions",
                TasklistSession.rows(List.of(Map.of("pollutant", "Cd", "actualKg", 1))),
                "exceedances", "无", "abnormalOperation", "无", "monitoringCompleteness", 100));
        assertThat(other.body()).contains("actualEmissions 缺少许可证载明的污染物的实际排放量：Pb");
        enterprise.complete(file, Map.of("actualEmissions", TasklistSession.rows(List.of(Map.of("actualKg", 3.3))),
                "exceedances", "无", "abnormalOperation", "二季度除尘设施检修停运2天，已报备", "monitoringCompleteness", 95.5));

        assertThat(runtime.getVariable(runtime.createProcessInstanceQuery().processDefinitionKey("permit-execution-report")
                .processInstanceBusinessKey(String.valueOf(reportId)).singleResult().getId(), "actualEmissions"))
                .as("the rows are not kept in the instance").isNull();

        String review = reviewer.openTask("permit-execution-report", reportId, "Task_ReviewExecutionReport",
                "permit-execution-report-review");
        assertThat(reviewer.formVariables(review).at("/reportedEmissions/value").asText()).isEqualTo("Pb 3.3 kg");
        reviewer.complete(review, Map.of("reportReview", "ACCEPT", "reportReviewComment", "内容完整"));

        JsonNode report = enterpriseApi.get("/api/permits/" + permitId).json().at("/executionReports/0");
        assertThat(report.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(report.get("abnormalOperation").asText()).contains("除尘设施检修");
        assertThat(report.get("monitoringCompleteness").decimalValue()).isEqualByComparingTo("95.5");
        assertThat(report.get("filedBy").asText()).isEqualTo("enterprise");
        assertThat(report.get("reviewedBy").asText()).isEqualTo("reviewer");
        assertThat(report.at("/actualEmissions/0/pollutant").asText()).isEqualTo("Pb");
        assertThat(report.at("/actualEmissions/0/actualKg").decimalValue()).isEqualByComparingTo("3.3");
    }
}
