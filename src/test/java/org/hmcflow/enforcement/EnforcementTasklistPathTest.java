package org.hmcflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.enforcement.EnforcementProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
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
 * An enforcement case driven through Camunda Tasklist from the measure decision to the lifted 停产整治: the bureau
 * decides, the head approves, the enterprise files its plan and reports completion, the re-inspection's result is
 * entered in the form (a wrong unit refused with the field named), each step by whose step it is.
 */
@H2AppTest
class EnforcementTasklistPathTest {

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;

    @AfterEach
    void reset() {
        EngineClockControl.reset();
    }

    @Test
    void aSuspensionFromDecisionToLiftedInTasklist() throws Exception {
        new EngineClockControl(management).set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient api = new ApiClient(port, "reviewer");
        ApiClient.Response opened = api.post("/api/enforcement/cases", Map.of("enterpriseId", 1, "violations", List.of(
                Map.of("kind", "EXCEEDS_STANDARD", "description", "总排口铅超标", "measurement", Map.of("pollutant", "Pb",
                        "point", "DW001", "value", 1.6, "unit", "mg/L", "limit", 0.5, "limitUnit", "mg/L")))));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long id = opened.json().get("id").asLong();
        assertThat(opened.json().get("proposedMeasure").asText()).isEqualTo("SUSPEND_FOR_RECTIFICATION");

        TasklistSession reviewer = new TasklistSession(port, "reviewer");
        TasklistSession reviewer2 = new TasklistSession(port, "reviewer2");
        TasklistSession supervisor = new TasklistSession(port, "supervisor");
        TasklistSession enterprise = new TasklistSession(port, "enterprise");
        TasklistSession enterprise2 = new TasklistSession(port, "enterprise2");
        assertThat(reviewer2.tasks(KEY, id).size()).as("another department sees nothing").isZero();

        String decide = reviewer.openTask(KEY, id, TASK_DECIDE_MEASURE, "enforcement-decide-measure");
        assertThat(reviewer.submit(decide, Map.of(F_MEASURE, "SUSPEND_FOR_RECTIFICATION", F_ORDER_TEXT,
                "责令停产整治，整改完成前不得恢复生产", F_RECTIFICATION_MONTHS, 1)).statusCode()).isEqualTo(204);
        String approve = supervisor.openTask(KEY, id, TASK_APPROVE_MEASURE, "enforcement-approve-measure");
        assertThat(supervisor.submit(approve, Map.of(F_APPROVAL, "APPROVE", F_APPROVAL_COMMENT, "同意")).statusCode())
                .isEqualTo(204);

        assertThat(enterprise2.tasks(KEY, id).size()).as("another enterprise sees nothing").isZero();
        String plan = enterprise.openTask(KEY, id, TASK_SUBMIT_PLAN, "enforcement-rectification-plan");
        assertThat(enterprise.submit(plan, Map.of(F_PLAN_TEXT, "更换废水深度处理设备，停产期间完成调试")).statusCode())
                .isEqualTo(204);
        String rectify = enterprise.openTask(KEY, id, TASK_RECTIFY, "enforcement-rectify");
        assertThat(enterprise.submit(rectify, Map.of(F_COMPLETION_REPORT, "整改完成，申请复查")).statusCode()).isEqualTo(204);

        String reinspect = reviewer.openTask(KEY, id, TASK_REINSPECT, "enforcement-reinspect");
        HttpResponse<String> wrongUnit = reviewer.submit(reinspect, Map.of(F_POLLUTANT, "Pb", F_POINT, "DW001",
                F_MEASURED_VALUE, 0.2, F_UNIT, "mg/m³", F_LIMIT_VALUE, 0.5, F_LIMIT_UNIT, "mg/L",
                F_REINSPECTION_COMMENT, "复查采样"));
        assertThat(wrongUnit.statusCode()).isEqualTo(500);
        assertThat(wrongUnit.body()).contains("unit").contains("DW001");
        assertThat(reviewer.tasks(KEY, id).size()).isEqualTo(1);
        assertThat(reviewer.submit(reinspect, Map.of(F_POLLUTANT, "Pb", F_POINT, "DW001", F_MEASURED_VALUE, 0.2,
                F_UNIT, "mg/L", F_LIMIT_VALUE, 0.5, F_LIMIT_UNIT, "mg/L", F_REINSPECTION_COMMENT, "复查达标"))
                .statusCode()).isEqualTo(204);

        JsonNode lifted = api.get("/api/enforcement/cases/" + id).json();
        assertThat(lifted.get("liftedOn").asText()).isEqualTo("2026-03-02");
        assertThat(lifted.get("reinspectionResults")).singleElement()
                .satisfies(r -> assertThat(r.get("exceeds").asBoolean()).isFalse());
        assertThat(lifted.get("decisions")).extracting(d -> d.get("actor").asText())
                .contains("reviewer", "supervisor", "enterprise");
        assertThat(new ApiClient(port, null).get("/api/public/enforcement/decisions").json())
                .anySatisfy(d -> assertThat(d.toString()).contains("2026-03-02"));
    }
}
