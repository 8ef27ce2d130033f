package org.hmcflow.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiClient.Response;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stock Camunda 7.24.0 evaluates an expression inside {@code orQueries} of a task query, with the application's beans
 * in reach. HMC-Flow refuses any expression in a query — through the engine REST API, the webapps' API and ours —
 * and the engine's expression language sees only the beans the processes need.
 */
@H2AppTest
class ExpressionRefusalTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngineConfiguration engineConfiguration;

    @Test
    void taskQueriesWithExpressionsAreRefusedEverywhere() {
        ApiClient reviewer = new ApiClient(port, "reviewer");
        String nested = "{\"orQueries\":[{\"assigneeExpression\":\"${environment.getProperty('user.home')}\"}]}";
        List<Response> refused = List.of(
                reviewer.post("/engine-rest/task", nested),
                reviewer.post("/engine-rest/task", "{\"assigneeExpression\":\"${currentUser()}\"}"),
                reviewer.post("/engine-rest/task", "{\"orQueries\":[{\"candidateGroup\":\"#{environment}\"}]}"),
                reviewer.post("/engine-rest/task/count", nested),
                reviewer.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D"),
                reviewer.get("/engine-rest/task?candidateGroup=%24%7Benvironment%7D"),
                reviewer.post("/engine-rest/filter/create", "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":"
                        + "{\"orQueries\":[{\"dueBeforeExpression\":\"${now()}\"}]}}"),
                reviewer.post("/camunda/api/engine/engine/default/task", nested),
                reviewer.get("/api/hazards?state=%24%7Benvironment%7D"),
                reviewer.get("/api/tasks?x=%23%7Benvironment%7D"));
        for (Response r : refused) {
            assertThat(r.status()).as(r.raw().request().uri() + " " + r.body()).isEqualTo(400);
            assertThat(r.json().get("title").asText()).isEqualTo("Expressions are not accepted");
        }
        assertThat(refused.get(0).json().get("refused").asText()).isEqualTo("$.orQueries[0].assigneeExpression");
        // The same query without an expression works.
        assertThat(reviewer.post("/engine-rest/task", "{\"orQueries\":[{\"candidateGroup\":\"city-epb\"}]}").status())
                .isEqualTo(200);
    }

    /** The engine hardening as configured; that expressions reach only workflow beans is WorkflowIncidentTest's. */
    @Test
    void engineIsHardened() {
        assertThat(((ProcessEngineConfigurationImpl) engineConfiguration).isEnableExpressionsInAdhocQueries()).isFalse();
        assertThat(((ProcessEngineConfigurationImpl) engineConfiguration).isEnableExpressionsInStoredQueries()).isFalse();
        assertThat(((ProcessEngineConfigurationImpl) engineConfiguration).isJavaSerializationFormatEnabled()).isFalse();
        assertThat(((ProcessEngineConfigurationImpl) engineConfiguration).isCmmnEnabled()).isFalse();
        assertThat(engineConfiguration.isAuthorizationEnabled()).isTrue();
        assertThat(((ProcessEngineConfigurationImpl) engineConfiguration).getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
        assertThat(((ProcessEngineConfigurationImpl) engineConfiguration).getFailedJobRetryTimeCycle()).isEqualTo("R5/PT5M");
        assertThat(((ProcessEngineConfigurationImpl) engineConfiguration).getHistoryTimeToLive()).isEqualTo("P1830D");
    }
}
