package org.hmcflow.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiClient.Response;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.TasklistSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process that our services start for a case they have just stored cannot be started by hand through the engine's
 * APIs — not by an enterprise that may report hazards (through Tasklist's engine API; the REST API is closed to it),
 * not by the bureau's staff, not by an administrator — even when the variables name a real case: the start is
 * refused with a readable sentence and nothing is stored.
 */
@H2AppTest
class ServiceStartedProcessesHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;

    private Response startByHand(ApiClient who, String processKey, String businessKey, Map<String, Object> variables) {
        Map<String, Object> typed = new java.util.LinkedHashMap<>();
        variables.forEach((k, v) -> typed.put(k, Map.of("value", v)));
        return who.post("/engine-rest/process-definition/key/" + processKey + "/start",
                Map.of("businessKey", businessKey, "variables", typed));
    }

    @Test
    void aHazardProcessForgedForAnotherEnterprisesHazardIsRefused() throws Exception {
        ApiClient enterprise = new ApiClient(port, "enterprise");
        ApiClient enterprise2 = new ApiClient(port, "enterprise2");
        Response reported = enterprise.post("/api/hazards", Map.of("title", "废水站pH计失灵", "description",
                "在线pH计读数停滞", "location", "废水站", "pollutants", List.of("Pb")));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        long hazardId = reported.json().get("id").asLong();
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("hazard-lifecycle").count();

        // the engine's REST API is not open to enterprises at all
        assertThat(startByHand(enterprise2, "hazard-lifecycle", String.valueOf(hazardId), Map.of("hazardId", hazardId))
                .status()).isEqualTo(403);
        // through Tasklist's own engine API the other enterprise may start the process (it reports hazards), but not
        // run one about this hazard
        TasklistSession tasklist = new TasklistSession(port, "enterprise2");
        tasklist.get("/process-definition/key/hazard-lifecycle");
        HttpResponse<String> forged = tasklist.post("/process-definition/key/hazard-lifecycle/start", Map.of(
                "businessKey", String.valueOf(hazardId), "variables", Map.of("hazardId", Map.of("value", hazardId),
                        "bureauGroup", Map.of("value", "city-epb"), "enterpriseGroup", Map.of("value", "enterprise-2"))));
        assertThat(forged.statusCode()).isEqualTo(500);
        assertThat(forged.body()).contains("此流程由系统在登记案件时启动，不能直接启动。").doesNotContain("at org.");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hazard-lifecycle").count()).isEqualTo(before);
        // by definition: the tests share one application, and a case of another kind may have the same id
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("hazard-lifecycle")
                .processInstanceBusinessKey(String.valueOf(hazardId)).count()).isEqualTo(1);
    }

    @Test
    void staffAndAdministratorsCannotStartACasesProcessByHandEither() {
        ApiClient reviewer = new ApiClient(port, "reviewer");
        Response inspection = startByHand(reviewer, "inspection", "999999", Map.of("inspectionId", 999999));
        assertThat(inspection.status()).isEqualTo(500);
        assertThat(inspection.body()).contains("此流程由系统在登记案件时启动");

        ApiClient admin = new ApiClient(port, "admin").inEnglish();
        for (String key : List.of("permit-renewal", "enforcement", "permit-execution-report")) {
            Response r = startByHand(admin, key, "999999", Map.of());
            assertThat(r.status()).as(key).isEqualTo(500);
            assertThat(r.body()).as(key).contains("this process is started by HMC-Flow when its case is recorded");
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("999999").count()).isZero();
    }
}
