package org.hmcflow.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hmcflow.mail.MailRecipients;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 企业联系人: an enterprise's own users and administrators keep its contacts (validated, audited); staff read them;
 * another enterprise sees none; the contacts' addresses join the enterprise users' for mail to its group, once each.
 */
@H2AppTest
class EnterpriseContactApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailRecipients recipients;
    @Autowired
    UserService users;

    @Test
    void theEnterpriseAndAdminsKeepContactsStaffReadThemOthersCannot() {
        ApiClient enterprise = new ApiClient(port, "enterprise"); // enterprise 1
        ApiClient.Response added = enterprise.post("/api/enterprises/1/contacts",
                Map.of("name", "陈厂长", "phone", "+86 763-1234567", "email", "chen@plating.example"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        long id = added.json().get("id").asLong();
        assertThat(added.json().get("email").asText()).isEqualTo("chen@plating.example");

        ApiClient.Response bad = enterprise.post("/api/enterprises/1/contacts",
                Map.of("name", " ", "phone", "电话", "email", "不是邮箱"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("name").contains("phone").contains("email");

        assertThat(new ApiClient(port, "enterprise2").get("/api/enterprises/1/contacts").status())
                .as("another enterprise's contacts do not exist for it").isEqualTo(404);
        assertThat(new ApiClient(port, "enterprise2").post("/api/enterprises/1/contacts", Map.of("name", "x"))
                .status()).isEqualTo(404);
        assertThat(new ApiClient(port, "reviewer").post("/api/enterprises/1/contacts", Map.of("name", "x")).status())
                .as("staff read, they do not keep").isEqualTo(403);
        ApiClient.Response read = new ApiClient(port, "reviewer").get("/api/enterprises/1/contacts");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().findValuesAsText("name")).contains("陈厂长");

        ApiClient admin = new ApiClient(port, "admin");
        ApiClient.Response changed = admin.put("/api/enterprises/1/contacts/" + id,
                Map.of("name", "陈厂长", "email", "chen2@plating.example"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("phone").isNull()).isTrue();
        assertThat(admin.put("/api/enterprises/2/contacts/" + id, Map.of("name", "x")).status())
                .as("the contact of another enterprise").isEqualTo(404);

        // mail to the enterprise's group: its users' and its contacts' addresses, each once
        users.setEmail("enterprise", "CHEN2@plating.example");
        assertThat(recipients.addressesOf(List.of("enterprise-1", "city-epb-nobody")))
                .containsExactly("CHEN2@plating.example");
        users.setEmail("enterprise", "boss@plating.example");
        assertThat(recipients.addressesOf(List.of("enterprise-1")))
                .containsExactlyInAnyOrder("boss@plating.example", "chen2@plating.example");
        assertThat(recipients.addressesOf(List.of("enterprise-2"))).doesNotContain("chen2@plating.example");

        assertThat(enterprise.method("DELETE", "/api/enterprises/1/contacts/" + id).status()).isEqualTo(204);
        assertThat(recipients.addressesOf(List.of("enterprise-1"))).containsExactly("boss@plating.example");
        users.setEmail("enterprise", null);
        assertThat(jdbc.queryForList("SELECT action FROM hmc.audit_event WHERE case_type = 'ENTERPRISE' AND case_id = '1'"
                + " ORDER BY id", String.class)).containsSubsequence("CONTACT_ADDED", "CONTACT_CHANGED", "CONTACT_REMOVED");
    }
}
