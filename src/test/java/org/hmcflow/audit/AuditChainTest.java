package org.hmcflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail is a hash chain: changing, removing or re-ordering one row is found, and the row is named. */
@H2AppTest
class AuditChainTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Value("${hmc.db.schema}")
    String schema;

    private final Actor reviewer = new Actor("reviewer", "王审核", Role.REVIEWER, "city-epb", null);

    private AuditEvent append(String caseId, String action) {
        return tx.execute(s -> audit.record("TEST", caseId, action, reviewer, "说明", Map.of("state", action)));
    }

    @Test
    void tamperingWithOneRowIsDetectedAndNamed() {
        AuditEvent first = append("A-1", "REPORTED");
        AuditEvent second = append("A-1", "TRIAGED");
        AuditEvent third = append("A-1", "CLOSED_OUT");
        assertThat(third.getPrevHash()).isEqualTo(second.getHash());
        assertThat(audit.verify().valid()).isTrue();

        String original = jdbc.queryForObject("select comment from " + schema + ".audit_event where id = ?", String.class, second.getId());
        try {
            jdbc.update("update " + schema + ".audit_event set comment = ? where id = ?", "改过的说明", second.getId());
            AuditTrail.ChainVerification broken = audit.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBrokenId()).isEqualTo(second.getId());
            assertThat(broken.reason()).contains("hash");
        } finally {
            jdbc.update("update " + schema + ".audit_event set comment = ? where id = ?", original, second.getId());
        }
        assertThat(audit.verify().valid()).isTrue();
        assertThat(first.getId()).isLessThan(second.getId());
    }

    @Test
    void aRewrittenHashBreaksTheLinkToTheNextRow() {
        AuditEvent a = append("B-1", "REPORTED");
        AuditEvent b = append("B-1", "TRIAGED");
        String originalHash = a.getHash();
        try {
            // A forger who recomputes a row's own hash still breaks the next row's link.
            jdbc.update("update " + schema + ".audit_event set actor = ?, hash = ? where id = ?", "someone-else",
                    "f".repeat(64), a.getId());
            AuditTrail.ChainVerification broken = audit.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBrokenId()).isEqualTo(a.getId());
        } finally {
            jdbc.update("update " + schema + ".audit_event set actor = ?, hash = ? where id = ?", "reviewer", originalHash, a.getId());
        }
        assertThat(audit.verify().valid()).isTrue();
        assertThat(b.getPrevHash()).isEqualTo(originalHash);
    }

    @Test
    void aDeletedLastRowIsDetected() {
        append("C-1", "REPORTED");
        AuditEvent last = append("C-1", "TRIAGED");
        Map<String, Object> row = jdbc.queryForMap("select * from " + schema + ".audit_event where id = ?", last.getId());
        jdbc.update("delete from " + schema + ".audit_event where id = ?", last.getId());
        try {
            AuditTrail.ChainVerification broken = audit.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.reason()).contains("missing");
        } finally {
            jdbc.update("insert into " + schema + ".audit_event (id, case_type, case_id, action, actor, actor_role, "
                    + "actor_department, occurred_at, comment, changes, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?,?)",
                    row.get("ID"), row.get("CASE_TYPE"), row.get("CASE_ID"), row.get("ACTION"), row.get("ACTOR"),
                    row.get("ACTOR_ROLE"), row.get("ACTOR_DEPARTMENT"), row.get("OCCURRED_AT"), row.get("COMMENT"),
                    row.get("CHANGES"), row.get("PREV_HASH"), row.get("HASH"));
        }
        assertThat(audit.verify().valid()).isTrue();
    }
}
