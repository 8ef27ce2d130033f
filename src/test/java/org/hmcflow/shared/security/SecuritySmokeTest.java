package org.hmcflow.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiClient.Response;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint the application maps — ours from the request mappings, the engine REST API and the Camunda
 * webapps' APIs from a list — without login and with the wrong role.
 */
@H2AppTest
class SecuritySmokeTest {

    /**
     * Open by design: the login page, errors, health, and what the law makes public (/api/public/..., read only).
     * Nothing else may answer without a login.
     */
    private static final Set<String> PUBLIC = Set.of("/login", "/error", "/actuator/health");
    private static final String PUBLIC_API = "/api/public/";

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Endpoint(String method, String path) {
    }

    List<Endpoint> ourEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                if (PUBLIC.contains(path) || path.startsWith(PUBLIC_API)) {
                    continue;
                }
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(m.name(), path));
                }
            }
        }
        return endpoints;
    }

    static final List<Endpoint> ENGINE_AND_WEBAPP = List.of(
            new Endpoint("GET", "/engine-rest/task"), new Endpoint("POST", "/engine-rest/task"),
            new Endpoint("GET", "/engine-rest/process-definition"), new Endpoint("GET", "/engine-rest/deployment"),
            new Endpoint("GET", "/engine-rest/user"), new Endpoint("GET", "/engine-rest/group"),
            new Endpoint("GET", "/engine-rest/history/process-instance"), new Endpoint("GET", "/engine-rest/job"),
            new Endpoint("POST", "/engine-rest/process-definition/key/hazard-lifecycle/start"),
            new Endpoint("GET", "/engine-rest/authorization"), new Endpoint("GET", "/engine-rest/incident"),
            new Endpoint("GET", "/camunda/api/engine/engine/default/task"),
            new Endpoint("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics"),
            new Endpoint("GET", "/camunda/api/admin/auth/user/default"),
            new Endpoint("GET", "/v3/api-docs"));

    @Test
    void everyMappedEndpointNeedsALogin() {
        assertThat(ourEndpoints()).as("request mappings found").hasSizeGreaterThan(15);
        ApiClient anonymous = new ApiClient(port, null);
        List<String> open = new ArrayList<>();
        for (Endpoint e : concat(ourEndpoints(), ENGINE_AND_WEBAPP)) {
            Response r = call(anonymous, e);
            boolean refused = r.status() == 401 || (r.status() == 302
                    && r.raw().headers().firstValue("Location").orElse("").endsWith("/login"));
            if (!refused) {
                open.add(e + " → " + r.status());
            }
            if (e.path().startsWith("/api/") || e.path().startsWith("/engine-rest/")) {
                assertThat(r.status()).as(e.toString()).isEqualTo(401);
            }
        }
        assertThat(open).as("endpoints answering without login").isEmpty();
    }

    @Test
    void thePublicApiOnlyReads() {
        List<String> publicMappings = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> e : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                if (pattern.startsWith(PUBLIC_API)) {
                    assertThat(e.getKey().getMethodsCondition().getMethods()).as(pattern).containsExactly(RequestMethod.GET);
                    publicMappings.add(pattern);
                }
            }
        }
        assertThat(publicMappings).as("public disclosure endpoints").isNotEmpty();
        ApiClient anonymous = new ApiClient(port, null);
        for (String path : publicMappings) {
            assertThat(anonymous.post(path.replaceAll("\\{[^}]+}", "1"), "{}").status()).as("POST " + path).isIn(401, 403, 405);
        }
    }

    @Test
    void wrongRolesAreRefused() {
        ApiClient enterprise = new ApiClient(port, "enterprise");
        for (Endpoint e : ENGINE_AND_WEBAPP.subList(0, 11)) {
            assertThat(call(enterprise, e).status()).as("enterprise " + e).isEqualTo(403);
        }
        for (String staffOnly : List.of("/api/supervision/overdue", "/api/supervision/incidents", "/api/audit/verify")) {
            assertThat(enterprise.get(staffOnly).status()).as(staffOnly).isEqualTo(403);
            assertThat(new ApiClient(port, "reviewer").get(staffOnly).status()).as("reviewer " + staffOnly).isEqualTo(403);
            assertThat(new ApiClient(port, "supervisor").get(staffOnly).status()).as("supervisor " + staffOnly).isEqualTo(200);
        }
        assertThat(enterprise.post("/api/enterprises", Map.of("uscc", "91440300708461136T", "name", "x", "county", "清城区",
                "industry", "电镀", "keyPollutants", List.of("Cr"))).status()).isEqualTo(403);
        assertThat(new ApiClient(port, "supervisor").post("/api/hazards", Map.of("title", "t", "description", "d",
                "location", "l", "pollutants", List.of("Pb"))).status()).isEqualTo(403);
        assertThat(enterprise.get("/actuator/env").status()).isEqualTo(403);
        // the after-issue permit processes start only through /api/permits/{id}/..., which checks the actor first
        for (String key : List.of("permit-renewal", "permit-change", "permit-cancellation")) {
            for (String user : List.of("enterprise", "reviewer")) {
                assertThat(new ApiClient(port, user).post("/engine-rest/process-definition/key/" + key + "/start", "{}")
                        .status()).as(user + " starts " + key + " in the engine").isEqualTo(403);
            }
        }
        // 重新申请: only the holder re-applies (staff are refused before the permit is even looked up)
        assertThat(new ApiClient(port, "reviewer").get("/api/permits/1/reapplication").status()).isEqualTo(403);
        assertThat(new ApiClient(port, "supervisor").post("/api/permits/1/reapplication",
                Map.of("changedItems", List.of("QUANTITIES"))).status()).isEqualTo(403);
        // inspections (监督检查): only the city bureau starts them; preparation is for staff; steps by their owners
        Map<String, Object> adHoc = Map.of("enterpriseId", 1, "inspectorIds", List.of(1, 2), "reason", "举报");
        assertThat(enterprise.post("/api/inspection/inspections", adHoc).status()).isEqualTo(403);
        assertThat(new ApiClient(port, "supervisor").post("/api/inspection/inspections", adHoc).status()).isEqualTo(403);
        assertThat(new ApiClient(port, "reviewer2").post("/api/inspection/inspections", adHoc).status()).isEqualTo(403);
        assertThat(enterprise.post("/api/inspection/inspections/for-plan/1", Map.of()).status()).isEqualTo(403);
        Map<String, Object> forCase = Map.of("enterpriseId", 1, "origin", "RELOCATION", "originRef", "1",
                "purpose", "production-stopped", "inspectorIds", List.of(1, 2), "reason", "核实停产");
        assertThat(enterprise.post("/api/inspection/inspections/for-case", forCase).status()).isEqualTo(403);
        assertThat(new ApiClient(port, "supervisor").post("/api/inspection/inspections/for-case", forCase).status())
                .isEqualTo(403);
        assertThat(enterprise.get("/api/inspection/inspections/1/preparation").status()).isEqualTo(403);
        assertThat(new ApiClient(port, null).get("/api/public/inspections/results").status()).isEqualTo(200);
    }

    @Test
    void camundaFirstAdminSetupIsAlwaysRefused() {
        ApiClient admin = new ApiClient(port, "admin");
        Response setup = admin.post("/camunda/api/admin/setup/default/user/create",
                Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "x")));
        assertThat(setup.status()).isEqualTo(403);
        assertThat(admin.get("/camunda/app/admin/default/setup/#/setup").status()).isEqualTo(403);
        assertThat(admin.get("/engine-rest/user?id=intruder").body()).doesNotContain("intruder");
    }

    @Test
    void healthIsOpenAndSaysNoMore() {
        Response health = new ApiClient(port, null).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
    }

    private static Response call(ApiClient client, Endpoint e) {
        return switch (e.method()) {
            case "GET" -> client.get(e.path());
            case "POST" -> client.post(e.path(), "{}");
            default -> client.method(e.method(), e.path());
        };
    }

    private static List<Endpoint> concat(List<Endpoint> a, List<Endpoint> b) {
        List<Endpoint> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
