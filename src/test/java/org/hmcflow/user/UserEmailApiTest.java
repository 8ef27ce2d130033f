package org.hmcflow.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An administrator keeps users' e-mail addresses (the default profile's way; Keycloak's claim sets them otherwise). */
@H2AppTest
class UserEmailApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAdministratorSetsAndClearsAnAddressOthersCannotAndABadOneIsRefused() {
        ApiClient admin = new ApiClient(port, "admin");
        ApiClient.Response set = admin.put("/api/users/reviewer2/email", Map.of("email", "reviewer2@eit.example"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("email").asText()).isEqualTo("reviewer2@eit.example");
        assertThat(users.find("reviewer2").orElseThrow().getEmail()).isEqualTo("reviewer2@eit.example");
        assertThat(jdbc.queryForList("SELECT action FROM hmc.audit_event WHERE case_type = 'user' AND case_id = 'reviewer2'",
                String.class)).contains("EMAIL_SET");

        ApiClient.Response bad = admin.put("/api/users/reviewer2/email", Map.of("email", "不是邮箱"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("email");
        assertThat(users.find("reviewer2").orElseThrow().getEmail()).as("nothing changed").isEqualTo("reviewer2@eit.example");

        assertThat(new ApiClient(port, "reviewer").put("/api/users/reviewer2/email", Map.of("email", "x@y.example"))
                .status()).isEqualTo(403);
        assertThat(admin.put("/api/users/nobody/email", Map.of("email", "x@y.example")).status()).isEqualTo(404);

        Map<String, Object> clear = new HashMap<>();
        clear.put("email", null);
        assertThat(admin.put("/api/users/reviewer2/email", clear).status()).isEqualTo(200);
        assertThat(users.find("reviewer2").orElseThrow().getEmail()).isNull();
    }
}
