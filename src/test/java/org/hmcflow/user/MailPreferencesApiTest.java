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

/** Each user chooses for themselves whether reminders come as a daily digest (stored on the user, audited). */
@H2AppTest
class MailPreferencesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aUserTurnsTheDailyDigestOnAndOffForThemselvesOnly() {
        ApiClient monitor = new ApiClient(port, "monitor");
        assertThat(monitor.get("/api/me/mail-preferences").json().get("digest").asBoolean()).isFalse();
        ApiClient.Response on = monitor.put("/api/me/mail-preferences", Map.of("digest", true));
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(users.find("monitor").orElseThrow().isMailDigest()).isTrue();
        assertThat(users.find("reviewer").orElseThrow().isMailDigest()).as("only the user's own").isFalse();
        assertThat(monitor.get("/api/me/mail-preferences").json().get("digest").asBoolean()).isTrue();
        Map<String, Object> missing = new HashMap<>();
        missing.put("digest", null);
        assertThat(monitor.put("/api/me/mail-preferences", missing).status()).isEqualTo(400);
        assertThat(monitor.put("/api/me/mail-preferences", Map.of("digest", false)).status()).isEqualTo(200);
        assertThat(users.find("monitor").orElseThrow().isMailDigest()).isFalse();
        assertThat(jdbc.queryForList("SELECT action FROM hmc.audit_event WHERE case_type = 'user' AND case_id = 'monitor'",
                String.class)).containsSubsequence("MAIL_PREFERENCES_SET", "MAIL_PREFERENCES_SET");
    }
}
