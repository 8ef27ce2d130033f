package org.hmcflow.permit.afterissue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.hmcflow.permit.application.PermitApiScenarios;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.EngineClockControl;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.TasklistSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 延续申请 in Camunda Tasklist: the enterprise files the renewal with the form's changed-items rows through the
 * webapp's own engine API; a bad row is named by its row in Chinese and nothing is stored, a good filing is stored as
 * the API would store it, and the rows are not kept in the instance.
 */
@H2AppTest
class PermitRenewalTasklistTest {

    private static final String APPLICATIONS = "/api/permits/applications";

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void reset() {
        EngineClockControl.reset();
        runtime.createProcessInstanceQuery().processDefinitionKey(PermitLifecycleProcess.RENEWAL_KEY).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test over"));
    }

    @Test
    void theChangedItemsOfARenewalAreRowsOfTheTasklistForm() throws Exception {
        EngineClockControl clock = new EngineClockControl(management);
        clock.set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        ApiClient enterpriseApi = new ApiClient(port, "enterprise");
        ApiClient reviewerApi = new ApiClient(port, "reviewer");
        long app = enterpriseApi.post(APPLICATIONS, PermitApiScenarios.anApplication()).json().get("id").asLong();
        PermitApiScenarios.ok(reviewerApi.post(APPLICATIONS + "/" + app + "/acceptance", Map.of("acceptanceDecision", "ACCEPT")));
        PermitApiScenarios.ok(reviewerApi.post(APPLICATIONS + "/" + app + "/technical-review", Map.of("reviewOutcome", "PROCEED",
                "managementCategory", "KEY", "siteInspectionRequired", false, "reviewComment", "材料齐全")));
        PermitApiScenarios.ok(reviewerApi.post(APPLICATIONS + "/" + app + "/decision",
                Map.of("decision", "ISSUE", "decisionComment", "准予许可")));
        String number = enterpriseApi.get(APPLICATIONS + "/" + app).json().at("/permit/permitNumber").asText();
        long permitId = enterpriseApi.get("/api/permits/by-number/" + number).json().get("id").asLong();

        TasklistSession enterprise = new TasklistSession(port, "enterprise");
        String task = enterprise.openTask(PermitLifecycleProcess.RENEWAL_KEY, permitId,
                PermitLifecycleProcess.TASK_FILE_RENEWAL, "permit-renewal-filing");

        // an unknown item is named by its row; an Art 15 item by the list, with the article; nothing is stored
        HttpResponse<String> refused = enterprise.submit(task, Map.of("contentsUnchanged", false,
                "changedItems", TasklistSession.rows(List.of(Map.of("item", "UNIT_NAME"), Map.of("item", "COLOUR"),
                        Map.of("item", "DISCHARGE_DESTINATION"))),
                "renewalStatement", "单位名称变更"));
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(refused.body()).contains("changedItems[1].item 必须是以下之一：UNIT_NAME",
                "changedItems 以下事项发生变化须重新申请排污许可证", "DISCHARGE_DESTINATION");
        assertThat(enterprise.visibleTasks(PermitLifecycleProcess.RENEWAL_KEY, permitId)).isEqualTo(1);
        assertThat(lifecycle(enterpriseApi, permitId).get("renewals")).isEmpty();

        // blank rows (added, never chosen) are skipped
        enterprise.complete(task, Map.of("contentsUnchanged", false,
                "changedItems", TasklistSession.rows(List.of(Map.of("item", "UNIT_NAME"), Map.of("item", ""),
                        Map.of("item", "LEGAL_REPRESENTATIVE"))),
                "renewalStatement", "单位名称及法定代表人已变更，已另行申请变更"));
        JsonNode renewed = lifecycle(enterpriseApi, permitId);
        assertThat(renewed.at("/renewals/0/changedItems").asText()).isEqualTo("UNIT_NAME,LEGAL_REPRESENTATIVE");
        assertThat(renewed.at("/renewals/0/contentsUnchanged").asBoolean()).isFalse();
        assertThat(renewed.at("/openTasks/0/key").asText()).isEqualTo(PermitLifecycleProcess.TASK_ACCEPT_RENEWAL);
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(PermitLifecycleProcess.RENEWAL_KEY)
                .processInstanceBusinessKey(String.valueOf(permitId)).singleResult().getId();
        assertThat(runtime.getVariable(instance, "changedItems")).as("the rows are not kept").isNull();
        JsonNode filed = null;
        for (JsonNode entry : renewed.get("history")) {
            if (entry.get("action").asText().equals("RENEWAL_FILED")) {
                filed = entry;
            }
        }
        assertThat(filed).as("audit row of the filing").isNotNull();
        assertThat(filed.get("actor").asText()).isEqualTo("enterprise");
    }

    private static JsonNode lifecycle(ApiClient who, long permitId) {
        ApiClient.Response r = who.get("/api/permits/" + permitId + "/lifecycle");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
