package org.hmcflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.inspection.InspectionProcess.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.EngineClockControl;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.TasklistSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Inspections driven through Camunda Tasklist alone once the bureau has started them: each step's deployed form
 * opened, its offered rows read from the form variables, and submitted as Tasklist submits a form (a list's rows as
 * one Json variable, without the disabled cells) by the user whose step it is; a bad row refused with the localized
 * reason naming the row, nothing stored; a structured value that is no list of the step's form refused; no list left
 * on the instance after a step.
 */
@H2AppTest
class InspectionTasklistPathTest {

    private static final String KEY = "inspection";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    @AfterEach
    void reset() {
        EngineClockControl.reset();
    }

    @Test
    void aCleanInspectionFromPreparationToPublishedResultInTasklist() throws Exception {
        new EngineClockControl(management).set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient api = new ApiClient(port, "reviewer");
        List<Long> inspectors = inspectorIds(api, "44180020180001", "44180020180002");
        long id = start(api, inspectors, false);

        TasklistSession reviewer = new TasklistSession(port, "reviewer");
        TasklistSession reviewer2 = new TasklistSession(port, "reviewer2");
        TasklistSession enterprise = new TasklistSession(port, "enterprise");
        TasklistSession enterprise2 = new TasklistSession(port, "enterprise2");
        assertThat(reviewer2.tasks(KEY, id).size()).as("another department sees nothing").isZero();
        assertThat(enterprise.tasks(KEY, id).size()).as("the enterprise is not told before the visit").isZero();

        String prepare = reviewer.openTask(KEY, id, TASK_PREPARE, "inspection-preparation");
        assertThat(reviewer.submit(prepare, Map.of(F_PREPARATION_NOTE, "已调阅许可证、隐患台账", VAR_SAMPLING_REQUIRED, false))
                .statusCode()).isEqualTo(204);

        String onSite = reviewer.openTask(KEY, id, TASK_RECORD_ON_SITE, "inspection-on-site");
        JsonNode opened = formVariables(reviewer, onSite);
        List<Map<String, Object>> offered = rows(opened, F_CHECKLIST_ANSWERS);
        assertThat(offered).extracting(r -> r.get("itemCode")).containsExactly("PERMIT_HELD", "FUGITIVE_LEAD_CAPTURE",
                "LEAD_FUME_TREATMENT", "RAW_MATERIAL_STORAGE", "WASTEWATER_REUSE", "HAZARDOUS_WASTE", "SELF_MONITORING");
        assertThat(offered).anySatisfy(r -> assertThat(r.get("item").toString()).contains("铅烟、铅尘"));
        assertThat(offered).allSatisfy(r -> assertThat(r.get("basis")).isNotNull());
        assertThat(rows(opened, F_PRESENT_INSPECTORS)).extracting(r -> r.get("inspectorId"), r -> r.get("present"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(String.valueOf(inspectors.get(0)), true),
                        org.assertj.core.groups.Tuple.tuple(String.valueOf(inspectors.get(1)), true));
        // one inspector unticked: refused with the reason in Chinese, the task stays open
        HttpResponse<String> refused = reviewer.submit(onSite, onSite(opened, List.of(inspectors.get(0)),
                answered(offered, Map.of())));
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains(F_PRESENT_INSPECTORS, "执法人员不得少于两人");
        assertThat(reviewer.tasks(KEY, id).size()).isEqualTo(1);
        reviewer.complete(onSite, onSite(opened, inspectors, answered(offered, Map.of())));
        assertNoListLeft(id);

        assertThat(enterprise2.tasks(KEY, id).size()).as("another enterprise sees nothing").isZero();
        String confirm = enterprise.openTask(KEY, id, TASK_CONFIRM_RECORD, "inspection-confirmation");
        // the record's answers are shown as rows
        assertThat(rows(formVariables(enterprise, confirm), VAR_RECORDED_ANSWERS)).hasSize(7)
                .allSatisfy(r -> assertThat(r.get("answer").toString()).startsWith("符合"));
        assertThat(enterprise.submit(confirm, Map.of(F_CONFIRMATION, "CONFIRM", F_REPRESENTATIVE, "陈厂长"))
                .statusCode()).isEqualTo(204);

        String findings = reviewer.openTask(KEY, id, TASK_DECIDE_FINDINGS, "inspection-findings");
        assertThat(rows(formVariables(reviewer, findings), VAR_NON_COMPLIANT_ITEMS)).isEmpty();
        assertThat(reviewer.submit(findings, Map.of(F_HAZARD_FOUND, false, F_VIOLATION_FOUND, false,
                F_FINDINGS_COMMENT, "未发现问题")).statusCode()).isEqualTo(204);
        assertThat(reviewer.tasks(KEY, id).size()).isZero();

        JsonNode done = api.get("/api/inspection/inspections/" + id).json();
        assertThat(done.at("/inspection/state").asText()).isEqualTo("CLOSED");
        assertThat(done.get("presentInspectorIds")).extracting(JsonNode::asLong).containsExactlyElementsOf(inspectors);
        assertThat(done.get("answers")).extracting(a -> a.get("answer").asText()).containsOnly("COMPLIANT");
        assertThat(api.get("/api/inspection/inspections/" + id + "/audit").json())
                .extracting(e -> e.get("action").asText())
                .containsSubsequence("STARTED", "PREPARED", "ON_SITE_RECORDED", "RECORD_CONFIRMED");
        assertThat(new ApiClient(port, null).get("/api/public/inspections/results").json())
                .anySatisfy(r -> assertThat(r.get("inspectionId").asLong()).isEqualTo(id));
    }

    @Test
    void aNonComplianceAndAnExceedanceAreRecordedAndReferredInTasklistBadRowsNamedAndNothingStored() throws Exception {
        new EngineClockControl(management).set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient api = new ApiClient(port, "reviewer");
        List<Long> inspectors = inspectorIds(api, "44180020180001", "44180020180002");
        long id = start(api, inspectors, true);
        TasklistSession reviewer = new TasklistSession(port, "reviewer");
        TasklistSession enterprise = new TasklistSession(port, "enterprise");
        TasklistSession monitor = new TasklistSession(port, "monitor");

        String prepare = reviewer.openTask(KEY, id, TASK_PREPARE, "inspection-preparation");
        reviewer.complete(prepare, Map.of(F_PREPARATION_NOTE, "需采样", VAR_SAMPLING_REQUIRED, true));

        // a non-compliance without its note and an answer that is none: refused by row, in Chinese, nothing stored
        String onSite = reviewer.openTask(KEY, id, TASK_RECORD_ON_SITE, "inspection-on-site");
        JsonNode opened = formVariables(reviewer, onSite);
        List<Map<String, Object>> offered = rows(opened, F_CHECKLIST_ANSWERS);
        HttpResponse<String> bad = reviewer.submit(onSite, onSite(opened, inspectors, answered(offered,
                Map.of("WASTEWATER_REUSE", new String[] {"NON_COMPLIANT", ""}, "HAZARDOUS_WASTE", new String[] {"MAYBE", ""}))));
        assertThat(bad.statusCode()).isEqualTo(500);
        assertThat(bad.body()).contains("answers[4].note", "不符合项须写明说明", "answers[5].answer", "必须是以下之一");
        assertThat(reviewer.tasks(KEY, id).size()).isEqualTo(1);
        assertThat(api.get("/api/inspection/inspections/" + id).json().get("answers")).isEmpty();
        assertThat(actions(api, id)).containsExactly("STARTED", "PREPARED");

        reviewer.complete(onSite, onSite(opened, inspectors, answered(offered,
                Map.of("WASTEWATER_REUSE", new String[] {"NON_COMPLIANT", "废水处理设施旁路阀门开启"}))));
        assertNoListLeft(id);

        String confirm = enterprise.openTask(KEY, id, TASK_CONFIRM_RECORD, "inspection-confirmation");
        assertThat(rows(formVariables(enterprise, confirm), VAR_RECORDED_ANSWERS))
                .filteredOn(r -> r.get("itemCode").equals("WASTEWATER_REUSE")).singleElement()
                .satisfies(r -> assertThat(r.get("answer") + " " + r.get("note")).contains("不符合", "旁路阀门"));
        enterprise.complete(confirm, Map.of(F_CONFIRMATION, "CONFIRM", F_REPRESENTATIVE, "陈厂长"));

        // monitoring: a wrong unit and a negative value (after a row left blank) named by their rows, nothing stored
        String monitoring = monitor.openTask(KEY, id, TASK_ENTER_MONITORING, "inspection-monitoring");
        HttpResponse<String> badResults = monitor.submit(monitoring, Map.of(F_REPORT_NO, "QYJC-2026-0302",
                F_SAMPLED_ON, "2026-03-02", F_RESULTS, TasklistSession.rows(List.of(
                        result("Pb", "DW001", 0.8, "mg/m³", 0.5, "mg/L"), new HashMap<>(),
                        result("Cd", "DW001", -0.004, "mg/L", 0.01, "mg/L")))));
        assertThat(badResults.statusCode()).isEqualTo(500);
        assertThat(badResults.body()).contains("results[0].unit", "不适用于排放口DW001", "results[2].value")
                .doesNotContain("results[1]");
        assertThat(api.get("/api/inspection/inspections/" + id).json().get("measurements")).isEmpty();
        monitor.complete(monitoring, Map.of(F_REPORT_NO, "QYJC-2026-0302", F_SAMPLED_ON, "2026-03-02",
                F_RESULTS, TasklistSession.rows(List.of(result("Pb", "DW001", 0.8, "mg/L", 0.5, "mg/L"),
                        result("Cd", "DW001", 4, "μg/L", 0.01, "mg/L")))));
        assertNoListLeft(id);

        // findings: the results shown, a violation chosen from the non-compliant items offered
        String findings = reviewer.openTask(KEY, id, TASK_DECIDE_FINDINGS, "inspection-findings");
        JsonNode findingsForm = formVariables(reviewer, findings);
        assertThat(rows(findingsForm, VAR_NON_COMPLIANT_ITEMS)).extracting(r -> r.get("value"))
                .containsExactly("WASTEWATER_REUSE");
        assertThat(rows(findingsForm, VAR_RECORDED_RESULTS)).extracting(r -> r.get("pollutant"), r -> r.get("ratio"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Pb", "1.60（超标 / exceeds）"),
                        org.assertj.core.groups.Tuple.tuple("Cd", "0.40"));
        HttpResponse<String> notChosen = reviewer.submit(findings, Map.of(F_HAZARD_FOUND, false, F_VIOLATION_FOUND, true,
                F_FINDINGS_COMMENT, "超标排放，移送查处", F_VIOLATIONS, TasklistSession.rows(List.of(
                        Map.of("itemCode", "PERMIT_HELD", "kind", "FACILITY_NOT_RUNNING", "description", "x")))));
        assertThat(notChosen.statusCode()).isEqualTo(500);
        assertThat(notChosen.body()).contains("violations[0].itemCode", "未被认定为不符合");
        reviewer.complete(findings, Map.of(F_HAZARD_FOUND, false, F_VIOLATION_FOUND, true,
                F_FINDINGS_COMMENT, "超标排放且治理设施未正常运行，移送查处", F_VIOLATIONS, TasklistSession.rows(List.of(
                        Map.of("itemCode", "WASTEWATER_REUSE", "kind", "FACILITY_NOT_RUNNING", "description", "废水旁路排放")))));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(String.valueOf(id)).count()).isZero();

        JsonNode done = api.get("/api/inspection/inspections/" + id).json();
        assertThat(done.at("/inspection/result").asText()).isEqualTo("VIOLATION");
        assertThat(done.get("answers")).filteredOn(a -> a.get("answer").asText().equals("NON_COMPLIANT"))
                .extracting(a -> a.get("itemCode").asText(), a -> a.get("note").asText())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WASTEWATER_REUSE", "废水处理设施旁路阀门开启"));
        assertThat(done.get("measurements")).extracting(m -> m.get("pollutant").asText(), m -> m.get("exceeds").asBoolean())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Pb", true), org.assertj.core.groups.Tuple.tuple("Cd", false));
        assertThat(done.get("violations")).extracting(v -> v.get("itemCode").asText(), v -> v.get("kind").asText())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WASTEWATER_REUSE", "FACILITY_NOT_RUNNING"));
        assertThat(actions(api, id)).containsSubsequence("STARTED", "PREPARED", "ON_SITE_RECORDED", "RECORD_CONFIRMED",
                "MONITORING_RESULTS_ENTERED", "FINDINGS_REFERRED");
    }

    /**
     * The guard on structured values: through Tasklist's engine API a step refuses a Json or Object variable that is
     * not a list of its own form, in Chinese and naming it, and keeps nothing.
     */
    @Test
    void aStructuredValueThatIsNoListOfTheStepsFormIsRefusedAndNothingKept() throws Exception {
        new EngineClockControl(management).set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient api = new ApiClient(port, "reviewer");
        long id = start(api, inspectorIds(api, "44180020180001", "44180020180002"), false);
        TasklistSession reviewer = new TasklistSession(port, "reviewer");
        String prepare = reviewer.openTask(KEY, id, TASK_PREPARE, "inspection-preparation");
        String pi = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(String.valueOf(id)).singleResult().getId();

        Map<String, Map<String, Object>> refusedValues = new LinkedHashMap<>();
        refusedValues.put("extraJson", Map.of("type", "Json", "value", "{\"x\":1}"));
        refusedValues.put("extraObject", Map.of("type", "Object", "value", "{\"x\":1}", "valueInfo",
                Map.of("objectTypeName", "java.util.HashMap", "serializationDataFormat", "application/json")));
        // a list, but of another step's form
        refusedValues.put(F_RESULTS, TasklistSession.rows(List.of(result("Pb", "DW001", 0.8, "mg/L", 0.5, "mg/L"))));
        for (Map.Entry<String, Map<String, Object>> e : refusedValues.entrySet()) {
            HttpResponse<String> refused = reviewer.submit(prepare, Map.of(F_PREPARATION_NOTE, "已调阅许可证",
                    VAR_SAMPLING_REQUIRED, false, e.getKey(), e.getValue()));
            assertThat(refused.statusCode()).as(e.getKey()).isEqualTo(500);
            assertThat(refused.body()).as(e.getKey()).contains(e.getKey(), "不是本步骤表单的列表字段");
            assertThat(reviewer.openTask(KEY, id, TASK_PREPARE, "inspection-preparation")).isEqualTo(prepare);
            assertThat(runtime.getVariable(pi, e.getKey())).as(e.getKey() + " not kept").isNull();
            assertThat(runtime.getVariable(pi, F_PREPARATION_NOTE)).as("nothing of the step kept").isNull();
            assertThat(actions(api, id)).containsExactly("STARTED");
        }
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableNameIn("extraJson",
                "extraObject", F_RESULTS).count()).as("not even in the history").isZero();
        reviewer.complete(prepare, Map.of(F_PREPARATION_NOTE, "已调阅许可证", VAR_SAMPLING_REQUIRED, false));
        assertThat(actions(api, id)).containsExactly("STARTED", "PREPARED");
    }

    // ---- helpers ----

    private long start(ApiClient api, List<Long> inspectors, boolean sampling) {
        var started = api.post("/api/inspection/inspections", Map.of("enterpriseId", 1, "inspectorIds", inspectors,
                "reason", "年度重点排污单位检查", "samplingRequired", sampling));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asLong();
    }

    /** After a step with lists, none of them is left on the instance: no Json, no Object variable but offered rows. */
    private void assertNoListLeft(long id) {
        String pi = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(String.valueOf(id)).singleResult().getId();
        List<VariableInstance> structured = runtime.createVariableInstanceQuery().processInstanceIdIn(pi).list().stream()
                .filter(v -> v.getTypeName().equals("json") || v.getTypeName().equals("object")).toList();
        assertThat(structured).extracting(VariableInstance::getName)
                .doesNotContain(F_CHECKLIST_ANSWERS, F_PRESENT_INSPECTORS, F_RESULTS, F_VIOLATIONS);
        assertThat(structured).as("only the rows the open step offers, on its task")
                .allSatisfy(v -> assertThat(v.getTaskId()).isNotNull());
    }

    /** The variables a task's form opens with, as Tasklist loads them (Json as its text). */
    private static JsonNode formVariables(TasklistSession session, String taskId) throws Exception {
        return session.get("/task/" + taskId + "/form-variables?deserializeValues=false");
    }

    /** The rows a form variable holds, as Tasklist reads them into the form. */
    private static List<Map<String, Object>> rows(JsonNode formVariables, String name) throws Exception {
        JsonNode variable = formVariables.get(name);
        assertThat(variable).as("form variable " + name).isNotNull();
        assertThat(variable.get("type").asText()).isEqualTo("Json");
        JsonNode value = variable.get("value");
        return JSON.readValue(value.isTextual() ? value.asText() : value.toString(), new TypeReference<>() {
        });
    }

    /**
     * The offered checklist answered as form-js submits it: the item code (read-only) with the answer and note, the
     * disabled cells (item, basis) left out; every item compliant unless given as {answer, note}.
     */
    private static Map<String, Object> answered(List<Map<String, Object>> offered, Map<String, String[]> answers) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> item : offered) {
            String[] a = answers.getOrDefault(item.get("itemCode").toString(), new String[] {"COMPLIANT", ""});
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("itemCode", item.get("itemCode"));
            row.put("answer", a[0]);
            row.put("note", a[1]);
            rows.add(row);
        }
        return TasklistSession.rows(rows);
    }

    /** The on-site form submitted: the inspectors offered, ticked present when among {@code present}. */
    private static Map<String, Object> onSite(JsonNode opened, List<Long> present, Map<String, Object> answers)
            throws Exception {
        List<Map<String, Object>> inspectors = new ArrayList<>();
        for (Map<String, Object> offered : rows(opened, F_PRESENT_INSPECTORS)) {
            inspectors.add(Map.of("inspectorId", offered.get("inspectorId"),
                    "present", present.contains(Long.valueOf(offered.get("inspectorId").toString()))));
        }
        return Map.of(F_INSPECTED_ON, "2026-03-02", F_PRESENT_INSPECTORS, TasklistSession.rows(inspectors),
                F_CHECKLIST_ANSWERS, answers, F_RECORD_SUMMARY, "检查生产车间与治理设施", F_WITNESS, "园区管委会 李明");
    }

    private static Map<String, Object> result(String pollutant, String point, double value, String unit, double limit,
                                              String limitUnit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("pollutant", pollutant);
        row.put("point", point);
        row.put("value", value);
        row.put("unit", unit);
        row.put("limit", limit);
        row.put("limitUnit", limitUnit);
        return row;
    }

    private static List<String> actions(ApiClient api, long id) {
        List<String> actions = new ArrayList<>();
        api.get("/api/inspection/inspections/" + id + "/audit").json().forEach(e -> actions.add(e.get("action").asText()));
        return actions;
    }

    private static List<Long> inspectorIds(ApiClient api, String... certificates) {
        JsonNode all = api.get("/api/inspection/register/inspectors").json();
        return List.of(certificates).stream().map(c -> {
            for (JsonNode i : all) {
                if (i.get("certificateNo").asText().equals(c)) {
                    return i.get("id").asLong();
                }
            }
            throw new AssertionError("no inspector " + c);
        }).toList();
    }
}
