package org.hmcflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.inspection.InspectionProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
 * A clean inspection driven through Camunda Tasklist alone once the bureau has started it: each step's deployed form
 * opened and submitted by the user whose step it is, a bad record refused with the localized reason, the enterprise
 * confirming in its own Tasklist, and the result published.
 */
@H2AppTest
class InspectionTasklistPathTest {

    private static final String KEY = "inspection";

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;

    @AfterEach
    void reset() {
        EngineClockControl.reset();
    }

    @Test
    void aCleanInspectionFromPreparationToPublishedResultInTasklist() throws Exception {
        new EngineClockControl(management).set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient api = new ApiClient(port, "reviewer");
        List<Long> inspectors = inspectorIds(api, "44180020180001", "44180020180002");
        var started = api.post("/api/inspection/inspections", Map.of("enterpriseId", 1, "inspectorIds", inspectors,
                "reason", "年度重点排污单位检查", "samplingRequired", false));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long id = started.json().get("id").asLong();

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
        String present = inspectors.stream().map(String::valueOf).collect(Collectors.joining(","));
        // one inspector only: refused with the reason in Chinese, the task stays open
        HttpResponse<String> refused = reviewer.submit(onSite, Map.of(F_INSPECTED_ON, "2026-03-02",
                F_PRESENT_INSPECTORS, String.valueOf(inspectors.get(0)), F_CHECKLIST_ANSWERS, answers(),
                F_RECORD_SUMMARY, "检查生产车间与治理设施", F_WITNESS, "园区管委会 李明"));
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains(F_PRESENT_INSPECTORS);
        assertThat(reviewer.tasks(KEY, id).size()).isEqualTo(1);
        assertThat(reviewer.submit(onSite, Map.of(F_INSPECTED_ON, "2026-03-02", F_PRESENT_INSPECTORS, present,
                F_CHECKLIST_ANSWERS, answers(), F_RECORD_SUMMARY, "检查生产车间与治理设施，运行正常",
                F_WITNESS, "园区管委会 李明")).statusCode()).isEqualTo(204);

        assertThat(enterprise2.tasks(KEY, id).size()).as("another enterprise sees nothing").isZero();
        String confirm = enterprise.openTask(KEY, id, TASK_CONFIRM_RECORD, "inspection-confirmation");
        assertThat(enterprise.submit(confirm, Map.of(F_CONFIRMATION, "CONFIRM", F_REPRESENTATIVE, "陈厂长"))
                .statusCode()).isEqualTo(204);

        String findings = reviewer.openTask(KEY, id, TASK_DECIDE_FINDINGS, "inspection-findings");
        assertThat(reviewer.submit(findings, Map.of(F_HAZARD_FOUND, false, F_VIOLATION_FOUND, false,
                F_FINDINGS_COMMENT, "未发现问题")).statusCode()).isEqualTo(204);
        assertThat(reviewer.tasks(KEY, id).size()).isZero();

        JsonNode done = api.get("/api/inspection/inspections/" + id).json();
        assertThat(done.at("/inspection/state").asText()).isEqualTo("CLOSED");
        assertThat(api.get("/api/inspection/inspections/" + id + "/audit").json())
                .extracting(e -> e.get("action").asText())
                .containsSubsequence("STARTED", "PREPARED", "ON_SITE_RECORDED", "RECORD_CONFIRMED");
        assertThat(new ApiClient(port, null).get("/api/public/inspections/results").json())
                .anySatisfy(r -> assertThat(r.get("inspectionId").asLong()).isEqualTo(id));
    }

    /** Every lead-acid battery item compliant, one row per line as the form takes them. */
    private static String answers() {
        return List.of("PERMIT_HELD", "FUGITIVE_LEAD_CAPTURE", "LEAD_FUME_TREATMENT", "RAW_MATERIAL_STORAGE",
                "WASTEWATER_REUSE", "HAZARDOUS_WASTE", "SELF_MONITORING").stream()
                .map(item -> item + " | COMPLIANT | ").collect(Collectors.joining("\n"));
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
