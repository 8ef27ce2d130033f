package org.hmcflow.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.DEFINED_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.EngineClockControl;
import org.hmcflow.support.HeadlessChromium;
import org.hmcflow.support.KeycloakServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code keycloak} profile against a real Keycloak 26.4 (the dist zip from Maven Central, started once for this
 * class) with the realm export of {@code config/keycloak/}: bearer tokens of each demo user and of the
 * client-credentials client, tokens that must be refused, provisioning on first login, and a real browser login
 * through Keycloak's login page into our home page and Camunda Tasklist, and out again.
 */
@SpringBootTest(webEnvironment = DEFINED_PORT, properties = "spring.datasource.url=jdbc:h2:mem:keycloak;DB_CLOSE_DELAY=-1")
@ActiveProfiles("keycloak")
class LoginWithKeycloakTest {

    /** A valid USCC (check character included) of no enterprise registered in the app. */
    private static final String STRANGER_USCC = org.hmcflow.enterprise.Uscc.withCheckCharacter("91440101MA5HMC999");
    private static final String PORTAL_SECRET = "hmc-portal-dev-secret";
    private static int appPort;
    private static CompletableFuture<KeycloakServer> keycloakStarting;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    /**
     * Keycloak boots in the background while the application starts (both take tens of seconds); the application
     * waits for it only when it first reads the issuer, which it contacts at start-up.
     */
    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) throws Exception {
        if (keycloakStarting == null) {
            appPort = KeycloakServer.freePort();
            keycloakStarting = CompletableFuture.supplyAsync(LoginWithKeycloakTest::startKeycloak);
        }
        registry.add("server.port", () -> appPort);
        registry.add("hmc.keycloak.issuer-uri", () -> keycloak().issuer());
    }

    private static KeycloakServer startKeycloak() {
        try {
            KeycloakServer server = KeycloakServer.start(appBase());
            // Test-only: the password grant on the portal client, so each demo user's token can be had without a
            // browser. The realm export keeps it off.
            JsonNode portal = server.admin("GET", "/clients?clientId=hmc-portal", null, 200).get(0);
            ((com.fasterxml.jackson.databind.node.ObjectNode) portal).put("directAccessGrantsEnabled", true);
            server.admin("PUT", "/clients/" + portal.get("id").asText(), portal, 204);
            // Another application of the same realm: its tokens are genuine, but not issued for hmc-api.
            server.admin("POST", "/clients", Map.of("clientId", "other-app", "secret", "other-app-secret",
                    "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false), 201);
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("Keycloak did not start", e);
        }
    }

    /** The running Keycloak; waits for it to have started. */
    private static KeycloakServer keycloak() {
        return keycloakStarting.join();
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloakStarting != null) {
            keycloakStarting.thenAccept(KeycloakServer::close).join();
        }
    }

    @AfterEach
    void resetClock() {
        EngineClockControl.reset();
    }

    private static String appBase() {
        return "http://127.0.0.1:" + appPort;
    }

    private ApiClient as(String username) {
        return ApiClient.bearer(appPort, keycloak().passwordToken("hmc-portal", PORTAL_SECRET, username, "demo"));
    }

    private long report(ApiClient who) {
        ApiClient.Response r = who.post("/api/hazards", Map.of("title", "电镀槽区防渗层破损",
                "description", "1号车间电镀槽下方防渗层开裂，存在渗漏风险", "location", "1号车间", "pollutants", List.of("Pb")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private long enterpriseId(String uscc) {
        return jdbc.queryForObject("SELECT id FROM hmc.enterprise WHERE uscc = ?", Long.class, uscc);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM hmc." + table, Integer.class);
    }

    @Test
    void eachDemoUsersTokenGrantsExactlyItsRole() {
        for (String user : List.of("admin", "reviewer", "reviewer2", "head", "supervisor", "enterprise", "enterprise2")) {
            ApiClient.Response tasks = as(user).get("/api/tasks");
            assertThat(tasks.status()).as(user + ": " + tasks.body()).isEqualTo(200);
        }
        // Supervision lists: supervisors and admins only.
        assertThat(as("supervisor").get("/api/supervision/overdue").status()).isEqualTo(200);
        assertThat(as("admin").get("/api/supervision/overdue").status()).isEqualTo(200);
        assertThat(as("reviewer").get("/api/supervision/overdue").status()).isEqualTo(403);
        assertThat(as("enterprise").get("/api/supervision/overdue").status()).isEqualTo(403);
        // Camunda authorizations follow the role: only the admin administers them.
        assertThat(as("admin").get("/engine-rest/authorization/count").status()).isEqualTo(200);
        assertThat(as("supervisor").get("/engine-rest/authorization?resourceType=0").json()).isEmpty();
        // The engine knows each provisioned user with the groups its token gave it, from our tables.
        JsonNode groups = as("admin").get("/engine-rest/group?member=supervisor").json();
        assertThat(groups.findValuesAsText("id")).containsExactlyInAnyOrder("hmc-supervisor", "city-epb");
        // A department head (realm role head) oversees its department's deadline items, a reviewer does not.
        assertThat(as("admin").get("/engine-rest/group?member=head").json().findValuesAsText("id"))
                .containsExactlyInAnyOrder("hmc-head", "city-epb");
        assertThat(as("head").get("/api/supervision/items?department=city-epb").status()).isEqualTo(200);
        assertThat(as("head").get("/api/supervision/items?department=city-eit").status()).isEqualTo(403);
        assertThat(as("reviewer").get("/api/supervision/items").status()).isEqualTo(403);
    }

    @Test
    void aReviewerWorksTheTasksOfItsDepartmentOnly() {
        long id = report(as("enterprise"));
        Map<String, Object> triage = Map.of("triageDecision", "GENERAL", "responsibleGroup", "city-epb",
                "rectificationWorkingDays", 5, "triageComment", "一般隐患，限期整改");

        ApiClient.Response otherDepartment = as("reviewer2").post("/api/hazards/" + id + "/triage", triage);
        assertThat(otherDepartment.status()).as(otherDepartment.body()).isEqualTo(403);

        ApiClient.Response done = as("reviewer").post("/api/hazards/" + id + "/triage", triage);
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        JsonNode hazard = as("reviewer").get("/api/hazards/" + id).json().get("hazard");
        assertThat(hazard.get("grade").asText()).isEqualTo("GENERAL");
        // The trail names the Keycloak user with the department its token's group gave it.
        assertThat(jdbc.queryForMap("SELECT actor, actor_role, actor_department FROM hmc.audit_event WHERE case_type = "
                + "'HAZARD' AND case_id = ? AND action = 'TRIAGED'", String.valueOf(id)))
                .containsEntry("ACTOR", "reviewer").containsEntry("ACTOR_ROLE", "REVIEWER")
                .containsEntry("ACTOR_DEPARTMENT", "city-epb");

        // Engine REST with the same token: the reviewer sees its department's tasks; an enterprise may not use it.
        ApiClient.Response tasks = as("reviewer").get("/engine-rest/task?candidateGroup=city-epb");
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        assertThat(as("enterprise").get("/engine-rest/task").status()).isEqualTo(403);
    }

    @Test
    void anEnterpriseSeesItsOwnCasesAndNotAnothers() {
        long own = report(as("enterprise"));
        long others = report(as("enterprise2"));

        ApiClient enterprise = as("enterprise");
        assertThat(enterprise.get("/api/hazards/" + own).status()).isEqualTo(200);
        assertThat(enterprise.get("/api/hazards/" + others).status()).isEqualTo(404);
        assertThat(enterprise.get("/api/hazards/" + others + "/audit").status()).isEqualTo(404);
        assertThat(enterprise.get("/api/hazards").json().get("items").findValuesAsText("id"))
                .contains(String.valueOf(own)).doesNotContain(String.valueOf(others));
    }

    @Test
    void forgedExpiredForeignAndMissingTokensAreRefusedAndWriteNothing() throws Exception {
        String genuine = keycloak().passwordToken("hmc-portal", PORTAL_SECRET, "enterprise", "demo");
        report(ApiClient.bearer(appPort, genuine)); // the genuine token works, so what follows fails for its reason
        int hazards = count("hazard");
        int audit = count("audit_event");
        Map<String, Object> body = Map.of("title", "不应写入", "description", "x", "location", "x", "pollutants", List.of("Pb"));

        // Signed by another key, with the very same claims.
        SignedJWT original = SignedJWT.parse(genuine);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(original.getHeader().getKeyID()).build(), JWTClaimsSet.parse(original.getPayload().toJSONObject()));
        forged.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
        assertUnauthorized(ApiClient.bearer(appPort, forged.serialize()).post("/api/hazards", body), null);

        // Issued for another application of the realm.
        String foreign = keycloak().clientToken("other-app", "other-app-secret");
        assertUnauthorized(ApiClient.bearer(appPort, foreign).post("/api/hazards", body), "audience");

        // No token at all.
        assertUnauthorized(new ApiClient(appPort, null).post("/api/hazards", body), null);

        // Expired: the application's clock (the engine clock) moves past the token's lifetime; no waiting.
        new EngineClockControl(management).advance(Duration.ofMinutes(10));
        assertUnauthorized(ApiClient.bearer(appPort, genuine).post("/api/hazards", body), "expired");

        assertThat(count("hazard")).isEqualTo(hazards);
        assertThat(count("audit_event")).isEqualTo(audit);
    }

    private static void assertUnauthorized(ApiClient.Response response, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.raw().headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        if (reason != null) {
            assertThat(response.json().get("detail").asText()).containsIgnoringCase(reason);
        }
    }

    @Test
    void theClientCredentialsClientFilesReportsForItsEnterpriseOnly() {
        ApiClient connector = ApiClient.bearer(appPort, keycloak().clientToken("hmc-connector-demo", "hmc-connector-demo-secret"));
        long ownEnterprise = enterpriseId("91441802MA5HMC001U");
        long otherEnterprise = enterpriseId("91441802MA5HMC002Y");

        long id = report(connector);
        JsonNode hazard = connector.get("/api/hazards/" + id).json().get("hazard");
        assertThat(hazard.get("enterpriseId").asLong()).isEqualTo(ownEnterprise);
        assertThat(hazard.get("source").asText()).isEqualTo("SELF_INSPECTION");

        int hazards = count("hazard");
        ApiClient.Response forOther = connector.post("/api/hazards", Map.of("enterpriseId", otherEnterprise,
                "title", "冒名填报", "description", "x", "location", "x", "pollutants", List.of("Pb")));
        assertThat(forOther.status()).as(forOther.body()).isEqualTo(400);
        assertThat(forOther.body()).contains("enterpriseId");
        assertThat(count("hazard")).isEqualTo(hazards);
    }

    @Test
    void aKeycloakUserIsProvisionedOnFirstLoginOnlyWhenItsUsccNamesAKnownEnterprise() {
        assertThat(count("app_user WHERE username = 'enterprise3'")).isZero();
        long id = report(as("enterprise3"));
        assertThat(jdbc.queryForMap("SELECT role, enterprise_id, password_hash, email FROM hmc.app_user WHERE username = 'enterprise3'"))
                .containsEntry("ROLE", "ENTERPRISE").containsEntry("ENTERPRISE_ID", enterpriseId("91441881MA5HMC003F"))
                .containsEntry("PASSWORD_HASH", null).as("the address from the token's email claim")
                .containsEntry("EMAIL", "enterprise3@hmc-flow.example");
        assertThat(jdbc.queryForList("SELECT action FROM hmc.audit_event WHERE case_type = 'user' AND case_id = 'enterprise3'",
                String.class)).containsExactly("provisioned");
        assertThat(as("enterprise3").get("/api/hazards/" + id).status()).isEqualTo(200);

        // A Keycloak account whose USCC (valid, but of no enterprise we know) cannot be provisioned: 401, nothing written.
        keycloak().admin("POST", "/users", Map.of("username", "stranger", "enabled", true, "firstName", "陌生企业",
                "email", "stranger@hmc-flow.example", "emailVerified", true,
                "attributes", Map.of("uscc", List.of(STRANGER_USCC)),
                "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false))), 201);
        String strangerId = keycloak().admin("GET", "/users?username=stranger&exact=true", null, 200).get(0).get("id").asText();
        JsonNode enterpriseRole = keycloak().admin("GET", "/roles/enterprise", null, 200);
        keycloak().admin("POST", "/users/" + strangerId + "/role-mappings/realm", List.of(enterpriseRole), 204);
        int users = count("app_user");
        int hazards = count("hazard");
        ApiClient.Response refused = as("stranger").post("/api/hazards", Map.of("title", "x", "description", "x",
                "location", "x", "pollutants", List.of("Pb")));
        assertThat(refused.status()).as(refused.body()).isEqualTo(401);
        assertThat(refused.json().get("detail").asText()).contains("names no enterprise");
        assertThat(count("app_user")).isEqualTo(users);
        assertThat(count("hazard")).isEqualTo(hazards);
    }

    @Test
    void aBrowserSignsInAtKeycloakLandsInThePortalAndTasklistAndSignsOutOfBoth() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            HeadlessChromium.Page page = chromium.newPage("zh-CN,zh;q=0.9");
            page.open(appBase() + "/");
            assertThat(page.location().toString()).startsWith(keycloak().issuer() + "/protocol/openid-connect/auth");
            assertThat(page.location().getQuery()).contains("code_challenge_method=S256", "client_id=hmc-portal");

            page.navigateBy("document.getElementById('username').value = 'reviewer';"
                    + "document.getElementById('password').value = 'demo';"
                    + "document.getElementById('kc-login').click()");
            // Back where we started (Spring's request cache may add "?continue").
            assertThat(page.location().toString()).startsWith(appBase() + "/");
            assertThat(page.location().getPath()).isEqualTo("/");
            assertThat(page.text()).contains("王审核");

            page.open(appBase() + "/camunda/app/tasklist/default/");
            assertThat(page.location().getPath()).startsWith("/camunda/app/tasklist/default/");
            assertThat(page.eval("fetch('/camunda/api/admin/auth/user/default').then(r => r.json()).then(j => j.userId)")
                    .asText()).isEqualTo("reviewer");

            page.open(appBase() + "/");
            page.navigateBy("document.querySelector('#logout-form button[type=submit]').click()");
            assertThat(page.location().toString()).isEqualTo(appBase() + "/login?logout");
            assertThat(page.text()).contains("您已安全退出", "通过统一身份认证登录").doesNotContain("密码");

            // Both sessions are over: Tasklist's API answers 401, and the app sends us to Keycloak's login form
            // again instead of signing us straight back in.
            assertThat(page.eval("fetch('/camunda/api/admin/auth/user/default').then(r => r.status)").asInt())
                    .isEqualTo(401);
            page.open(appBase() + "/");
            assertThat(page.location().toString()).startsWith(keycloak().baseUrl());
            assertThat(page.eval("document.getElementById('kc-login') !== null").asBoolean()).isTrue();
        }
    }
}
