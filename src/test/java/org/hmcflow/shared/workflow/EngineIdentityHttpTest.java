package org.hmcflow.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiClient.Response;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Users and groups as the engine REST API and the Camunda webapps serve them, signed in as the demo users: answered
 * from HMC-Flow's tables, filtered by the caller's authorizations, and never written.
 */
@H2AppTest
class EngineIdentityHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    @Test
    void engineRestListsTheUsersOfAppUser() {
        ApiClient reviewer = new ApiClient(port, "reviewer");
        Response all = reviewer.get("/engine-rest/user?sortBy=userId&sortOrder=asc");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(ids(all.json())).isEqualTo(users.enabledActors().stream().map(Actor::username).toList());
        JsonNode supervisor = first(all.json(), "supervisor");
        assertThat(supervisor.get("firstName").asText()).isEqualTo("张督办 Supervisor");
        assertThat(supervisor.get("lastName").asText()).isEmpty();
        assertThat(supervisor.get("email").isNull()).isTrue();
        assertThat(reviewer.get("/engine-rest/user/count").json().get("count").asInt()).isEqualTo(all.json().size());

        assertThat(ids(reviewer.get("/engine-rest/user?memberOfGroup=city-epb").json()))
                .containsExactly("head", "reviewer", "supervisor");
        assertThat(ids(reviewer.get("/engine-rest/user?firstNameLike=" + encode("%审核%") + "&sortBy=userId&sortOrder=desc")
                .json())).containsExactly("reviewer2", "reviewer");
        assertThat(ids(reviewer.get("/engine-rest/user?sortBy=userId&sortOrder=asc&firstResult=1&maxResults=2").json()))
                .isEqualTo(ids(all.json()).subList(1, 3));
        Response profile = reviewer.get("/engine-rest/user/reviewer2/profile");
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("firstName").asText()).isEqualTo("李审核（市经济和信息化局）");
        assertThat(reviewer.get("/engine-rest/user/nobody/profile").status()).isEqualTo(404);
    }

    @Test
    void engineRestListsTheGroupsOfAUser() {
        ApiClient reviewer = new ApiClient(port, "reviewer");
        Response mine = reviewer.get("/engine-rest/group?member=reviewer&sortBy=id&sortOrder=asc");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(ids(mine.json())).containsExactly("city-epb", "hmc-reviewer");
        assertThat(first(mine.json(), "city-epb").get("name").asText()).isEqualTo("市环境保护局");
        assertThat(first(mine.json(), "city-epb").get("type").asText()).isEqualTo("DEPARTMENT");
        assertThat(first(mine.json(), "hmc-reviewer").get("type").asText()).isEqualTo("WORKFLOW");

        ApiClient admin = new ApiClient(port, "admin");
        assertThat(ids(admin.get("/engine-rest/group?type=WORKFLOW&sortBy=id&sortOrder=desc&firstResult=1&maxResults=2")
                .json())).containsExactly("hmc-reviewer", "hmc-head");
        // V2, V8 and V11 (市科技局, 市公安局, 市金融局, 市委宣传部, 市人民检察院)
        assertThat(admin.get("/engine-rest/group/count?type=DEPARTMENT").json().get("count").asInt()).isEqualTo(31);
        Response group = admin.get("/engine-rest/group/camunda-admin");
        assertThat(group.status()).isEqualTo(200);
        assertThat(group.json().get("type").asText()).isEqualTo("SYSTEM");
        assertThat(ids(admin.get("/engine-rest/group?member=enterprise").json()))
                .containsExactlyInAnyOrder("hmc-enterprise", enterpriseGroup("enterprise"));
    }

    @Test
    void tasklistsGroupInfoAndTheEnginesPasswordCheck() {
        // Tasklist asks for the signed-in user's groups and their members to offer group tasks and filters.
        ApiClient reviewer = new ApiClient(port, "reviewer");
        Response info = reviewer.get("/engine-rest/identity/groups?userId=reviewer");
        assertThat(info.status()).as(info.body()).isEqualTo(200);
        assertThat(ids(info.json().get("groups"))).containsExactlyInAnyOrder("city-epb", "hmc-reviewer");
        assertThat(ids(info.json().get("groupUsers"))).as("the other members (Camunda leaves out the user asking)")
                .containsExactlyInAnyOrder("county", "head", "monitor", "reviewer2", "supervisor");

        Response verify = reviewer.post("/engine-rest/identity/verify", Map.of("username", "reviewer", "password", "demo"));
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.json().get("authenticated").asBoolean()).as("passwords are checked by Spring Security only")
                .isFalse();
    }

    @Test
    void anEnterpriseSeesOnlyItselfInTheCamundaWebapps() {
        // Enterprises may not use /engine-rest; Tasklist reaches the engine through the webapp's own API.
        ApiClient enterprise = new ApiClient(port, "enterprise");
        String engine = "/camunda/api/engine/engine/default";
        Response users = enterprise.get(engine + "/user");
        assertThat(users.status()).as(users.body()).isEqualTo(200);
        assertThat(ids(users.json())).containsExactly("enterprise");
        assertThat(ids(enterprise.get(engine + "/group?member=enterprise").json()))
                .containsExactlyInAnyOrder("hmc-enterprise", enterpriseGroup("enterprise"));
        assertThat(ids(enterprise.get(engine + "/group").json())).hasSize(2);
        assertThat(enterprise.get(engine + "/user/enterprise2/profile").status()).isEqualTo(404);
        Response info = enterprise.get(engine + "/identity/groups?userId=enterprise");
        assertThat(ids(info.json().get("groups"))).containsExactlyInAnyOrder("hmc-enterprise", enterpriseGroup("enterprise"));
        assertThat(ids(info.json().get("groupUsers"))).as("enterprise2 shares hmc-enterprise but stays hidden").isEmpty();
    }

    @Test
    void writingUsersGroupsOrMembershipsIsRefusedAsReadOnly() {
        ApiClient admin = new ApiClient(port, "admin");
        List<Response> refused = new ArrayList<>();
        refused.add(admin.post("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N", "email", "i@example.org"),
                "credentials", Map.of("password", "s3cret-Password"))));
        refused.add(admin.post("/engine-rest/group/create", Map.of("id", "intruders", "name", "I", "type", "WORKFLOW")));
        refused.add(admin.method("PUT", "/engine-rest/group/camunda-admin/members/reviewer"));
        refused.add(admin.method("DELETE", "/engine-rest/group/hmc-reviewer/members/reviewer"));
        refused.add(admin.method("PUT", "/engine-rest/user/reviewer/profile"));
        refused.add(admin.method("PUT", "/engine-rest/user/reviewer/credentials"));
        refused.add(admin.method("DELETE", "/engine-rest/user/reviewer"));
        refused.add(admin.method("DELETE", "/engine-rest/group/hmc-reviewer"));
        refused.add(admin.post("/engine-rest/tenant/create", Map.of("id", "tenant", "name", "T")));
        for (Response r : refused) {
            String request = r.raw().request().method() + " " + r.raw().request().uri().getPath();
            assertThat(r.status()).as(request + " " + r.body()).isEqualTo(403);
            assertThat(r.json().get("message").asText()).as(request).isEqualTo("Identity service implementation is read-only.");
            assertThat(r.body()).as(request).doesNotContain("\tat ", "at org.");
        }
        Response options = admin.method("OPTIONS", "/engine-rest/user");
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.body()).as("no create link offered").doesNotContain("\"rel\":\"create\"").contains("\"rel\":\"list\"");

        assertThat(admin.get("/engine-rest/user?id=intruder").json()).isEmpty();
        assertThat(ids(admin.get("/engine-rest/group?member=reviewer").json())).doesNotContain("camunda-admin")
                .contains("hmc-reviewer");
        assertThat(admin.get("/engine-rest/user/reviewer/profile").json().get("firstName").asText())
                .isEqualTo("王审核（市环境保护局）");
    }

    private String enterpriseGroup(String username) {
        return Enterprise.groupOf(users.actor(username).orElseThrow().enterpriseId());
    }

    private static List<String> ids(JsonNode array) {
        assertThat(array.isArray()).as(String.valueOf(array)).isTrue();
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    private static JsonNode first(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError(id + " not in " + array);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
