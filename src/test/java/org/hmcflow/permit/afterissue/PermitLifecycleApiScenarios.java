package org.hmcflow.permit.afterissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.permit.application.PermitApiScenarios.anApplication;
import static org.hmcflow.permit.application.PermitApiScenarios.fields;
import static org.hmcflow.permit.application.PermitApiScenarios.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiScenarios;
import org.hmcflow.support.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The permit after issue through the HTTP API as the demo users: a permit issued through the application API is under
 * renewal watch at once; the enterprise renews and changes it, the bureau (reviewer, 市环境保护局) accepts and decides,
 * starts a revocation, the supervisor approves. Bad input names every field and stores nothing; another enterprise
 * learns nothing; another department may not act. Run on H2 ({@link PermitLifecycleApiH2Test}) and PostgreSQL
 * ({@link PermitLifecycleApiPostgresTest}).
 */
abstract class PermitLifecycleApiScenarios extends ApiScenarios {

    static final String APPLICATIONS = "/api/permits/applications";

    @Autowired
    RuntimeService runtime;

    @AfterEach
    void cleanUp() {
        // the application is shared: lift the bar and stop the watches these scenarios started
        jdbc.update("DELETE FROM " + schema + ".permit_bar");
        for (String key : List.of(PermitLifecycleProcess.RENEWAL_KEY, PermitLifecycleProcess.CHANGE_KEY,
                PermitLifecycleProcess.CANCELLATION_KEY)) {
            runtime.createProcessInstanceQuery().processDefinitionKey(key).list()
                    .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "scenario over"));
        }
    }

    /** A 重点管理 permit issued through the application API today; returns the permit id. */
    long issuePermit() {
        Response filed = enterprise.post(APPLICATIONS, anApplication());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long id = filed.json().get("id").asLong();
        ok(reviewer.post(APPLICATIONS + "/" + id + "/acceptance", Map.of("acceptanceDecision", "ACCEPT")));
        ok(reviewer.post(APPLICATIONS + "/" + id + "/technical-review", Map.of("reviewOutcome", "PROCEED",
                "managementCategory", "KEY", "siteInspectionRequired", false, "reviewComment", "材料齐全")));
        ok(reviewer.post(APPLICATIONS + "/" + id + "/decision", Map.of("decision", "ISSUE", "decisionComment", "准予许可")));
        return jdbc.queryForObject("select id from " + schema + ".permit where application_id = ?", Long.class, id);
    }

    JsonNode lifecycle(ApiClient who, long permitId) {
        Response r = who.get(path(permitId, "/lifecycle"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static String path(long permitId, String rest) {
        return "/api/permits/" + permitId + rest;
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + schema + "." + table, Long.class);
    }

    @Test
    void anIssuedPermitIsUnderRenewalWatchAndIsRenewedThroughTheApi() {
        long permitId = issuePermit();
        JsonNode issued = lifecycle(enterprise, permitId);
        assertThat(issued.get("status").asText()).isEqualTo("VALID");
        assertThat(issued.get("validUntil").asText()).isEqualTo("2031-03-01");
        // 60 days before Sat 1 Mar 2031 is Tue 31 Dec 2030
        assertThat(issued.get("renewalFilingDue").asText()).isEqualTo("2030-12-31");
        assertThat(issued.at("/openTasks/0/key").asText()).isEqualTo(PermitLifecycleProcess.TASK_FILE_RENEWAL);
        assertThat(issued.at("/openTasks/0/candidateGroups/0").asText()).isEqualTo("enterprise-1");
        assertThat(issued.at("/holder/unitName").asText()).isEqualTo("清远市尤尼电源科技有限公司");
        // the permit's one trail: its record (issued) and then the renewal watch
        assertThat(issued.get("history")).extracting(h -> h.get("action").asText())
                .containsSubsequence("RECORD_ISSUED", "RENEWAL_WATCH_STARTED");

        // another enterprise learns nothing; bad filings name every field and store nothing
        assertThat(enterprise2.get(path(permitId, "/lifecycle")).status()).isEqualTo(404);
        assertThat(enterprise2.post(path(permitId, "/renewal"), Map.of("contentsUnchanged", true,
                "renewalStatement", "x")).status()).isEqualTo(404);
        assertThat(reviewer.post(path(permitId, "/renewal"), Map.of("contentsUnchanged", true,
                "renewalStatement", "x")).status()).as("the enterprise's step").isEqualTo(403);
        long renewalsBefore = count("permit_renewal");
        Response bad = enterprise.post(path(permitId, "/renewal"), Map.of("contentsUnchanged", false,
                "changedItems", List.of("DISCHARGE_DESTINATION")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("changedItems", "renewalStatement");
        assertThat(bad.body()).contains("排污许可管理条例 Art 15", "DISCHARGE_DESTINATION");
        assertThat(count("permit_renewal")).isEqualTo(renewalsBefore);
        assertThat(reviewer.post(path(permitId, "/renewal/decision"), Map.of("renewalDecision", "APPROVE",
                "renewalDecisionComment", "x")).status()).as("not at that step").isEqualTo(409);

        ok(enterprise.post(path(permitId, "/renewal"), Map.of("contentsUnchanged", true, "renewalStatement", "申请延续")));
        JsonNode filed = lifecycle(reviewer, permitId);
        assertThat(filed.at("/renewals/0/state").asText()).isEqualTo("FILED");
        assertThat(filed.at("/renewals/0/late").asBoolean()).isFalse();
        assertThat(filed.at("/openTasks/0/key").asText()).isEqualTo(PermitLifecycleProcess.TASK_ACCEPT_RENEWAL);

        assertThat(reviewer2.post(path(permitId, "/renewal/acceptance"), Map.of("renewalAcceptance", "ACCEPT"))
                .status()).as("another department").isEqualTo(403);
        Response noReason = reviewer.post(path(permitId, "/renewal/acceptance"), Map.of("renewalAcceptance", "NOT_ACCEPT"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(fields(noReason)).containsExactly("renewalAcceptanceComment");
        ok(reviewer.post(path(permitId, "/renewal/acceptance"), Map.of("renewalAcceptance", "ACCEPT")));
        assertThat(lifecycle(reviewer, permitId).at("/renewals/0/decisionDue").asText())
                .as("20 working days from Mon 2 Mar 2026: Mon 30 Mar, 23:59 in Qingyuan").isEqualTo("2026-03-30T15:59:00Z");
        ok(reviewer.post(path(permitId, "/renewal/decision"), Map.of("renewalDecision", "APPROVE",
                "renewalDecisionComment", "准予延续")));
        JsonNode renewed = lifecycle(enterprise, permitId);
        assertThat(renewed.get("validUntil").asText()).isEqualTo("2036-03-01");
        assertThat(renewed.at("/renewals/0/state").asText()).isEqualTo("APPROVED");
        assertThat(renewed.at("/renewals/0/newValidUntil").asText()).isEqualTo("2036-03-01");
        assertThat(renewed.at("/openTasks/0/key").asText()).as("watching the new period")
                .isEqualTo(PermitLifecycleProcess.TASK_FILE_RENEWAL);
    }

    @Test
    void aChangeIsFiledAndApprovedThroughTheApiAndAnArt15ChangeIsRefused() {
        long permitId = issuePermit();
        long changesBefore = count("permit_change");
        Map<String, Object> art15 = new LinkedHashMap<>();
        art15.put("legalRepresentative", "林晓东");
        art15.put("effectiveOn", "2026-02-25");
        art15.put("otherChangedItems", List.of("OUTLET_LOCATION"));
        Response refused = enterprise.post(path(permitId, "/changes"), art15);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("otherChangedItems");
        Response empty = enterprise.post(path(permitId, "/changes"), Map.of());
        assertThat(fields(empty)).containsExactlyInAnyOrder("unitName", "effectiveOn");
        assertThat(enterprise2.post(path(permitId, "/changes"), Map.of("legalRepresentative", "x",
                "effectiveOn", "2026-02-25")).status()).isEqualTo(404);
        assertThat(count("permit_change")).isEqualTo(changesBefore);

        Response filed = enterprise.post(path(permitId, "/changes"), Map.of("legalRepresentative", "林晓东",
                "effectiveOn", "2026-02-25", "documentIds", List.of(7)));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long changeId = filed.json().get("id").asLong();
        assertThat(filed.json().get("late").asBoolean()).isFalse();
        assertThat(filed.json().at("/before/legalRepresentative").asText()).isEqualTo("陈志强");
        assertThat(enterprise.post(path(permitId, "/changes"), Map.of("unitName", "又一个名称",
                "effectiveOn", "2026-02-25")).status()).as("one change at a time").isEqualTo(409);

        assertThat(reviewer2.post(path(permitId, "/changes/" + changeId + "/decision"), Map.of("changeDecision", "APPROVE"))
                .status()).isEqualTo(403);
        ok(reviewer.post(path(permitId, "/changes/" + changeId + "/decision"), Map.of("changeDecision", "APPROVE")));
        JsonNode changed = lifecycle(enterprise, permitId);
        assertThat(changed.at("/holder/legalRepresentative").asText()).isEqualTo("林晓东");
        assertThat(changed.at("/changes/0/state").asText()).isEqualTo("APPROVED");
        assertThat(changed.findValuesAsText("action")).contains("CHANGE_FILED", "CHANGE_APPROVED", "CHANGED");
        // the permit's JSON and its certificate state the holder as changed
        JsonNode permit = enterprise.get("/api/permits/" + permitId).json();
        assertThat(permit.get("legalRepresentative").asText()).isEqualTo("林晓东");
        assertThat(permit.get("status").asText()).isEqualTo("VALID");
        Response certificate = enterprise.get("/permits/" + permitId + "/certificate");
        assertThat(certificate.status()).isEqualTo(200);
        assertThat(certificate.body()).contains("林晓东").doesNotContain("陈志强").doesNotContain("id=\"ended\"");
    }

    @Test
    void anArt15ChangeIsReappliedForFromThePermitsContentsAndTheNewPermitCancelsTheOldOne() {
        long permitId = issuePermit();
        String number = lifecycle(enterprise, permitId).get("permitNumber").asText();
        // the plain change request is refused and names the route
        Response refused = enterprise.post(path(permitId, "/changes"), Map.of("effectiveOn", "2026-02-25",
                "otherChangedItems", List.of("OUTLET_LOCATION")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("/api/permits/" + permitId + "/reapplication");

        // the holder gets the permit's contents pre-filled; nobody else does
        Response draft = enterprise.get(path(permitId, "/reapplication"));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().get("siteAddress").asText()).isEqualTo("清远市清城区龙塘镇工业园 8 号（一厂区）");
        assertThat(draft.json().at("/outlets/0/pollutants/0/pollutant").asText()).isNotBlank();
        assertThat(enterprise2.get(path(permitId, "/reapplication")).status()).isEqualTo(404);
        assertThat(reviewer.get(path(permitId, "/reapplication")).status()).isEqualTo(403);

        // bad input: every field named, nothing stored
        long applicationsBefore = count("permit_application");
        com.fasterxml.jackson.databind.node.ObjectNode bad = draft.json().deepCopy();
        bad.put("rawMaterials", "");
        Response invalid = enterprise.post(path(permitId, "/reapplication"), Map.of("changedItems", List.of("OUTLET_LOCATION"),
                "application", bad));
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactly("application.rawMaterials");
        Response notArt15 = enterprise.post(path(permitId, "/reapplication"), Map.of("changedItems", List.of("UNIT_NAME"),
                "application", draft.json()));
        assertThat(notArt15.status()).as(notArt15.body()).isEqualTo(400);
        assertThat(fields(notArt15)).containsExactly("changedItems");
        assertThat(fields(enterprise.post(path(permitId, "/reapplication"), Map.of("changedItems", List.of("OUTLET_LOCATION")))))
                .containsExactly("application");
        assertThat(enterprise2.post(path(permitId, "/reapplication"), Map.of("changedItems", List.of("OUTLET_LOCATION"),
                "application", draft.json())).status()).isEqualTo(404);
        assertThat(count("permit_application")).isEqualTo(applicationsBefore);

        // the enterprise edits only what changed and files
        com.fasterxml.jackson.databind.node.ObjectNode edited = draft.json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) edited.at("/outlets/0")).put("location", "车间 2 楼顶（迁移后）");
        Response filed = enterprise.post(path(permitId, "/reapplication"), Map.of("changedItems", List.of("OUTLET_LOCATION"),
                "reason", "排放口迁移", "application", edited));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long applicationId = filed.json().get("id").asLong();
        assertThat(filed.json().get("replacesPermitId").asLong()).isEqualTo(permitId);
        assertThat(filed.json().get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(enterprise.get(APPLICATIONS + "/" + applicationId).json().at("/contents/outlets/0/location").asText())
                .isEqualTo("车间 2 楼顶（迁移后）");
        assertThat(enterprise.post(path(permitId, "/reapplication"), Map.of("changedItems", List.of("OUTLET_LOCATION"),
                "application", edited)).status()).as("one re-application at a time").isEqualTo(409);
        assertThat(lifecycle(enterprise, permitId).get("status").asText()).as("valid until the new one is issued")
                .isEqualTo("VALID");

        // the new application goes the ordinary way; its permit cancels the old one
        ok(reviewer.post(APPLICATIONS + "/" + applicationId + "/acceptance", Map.of("acceptanceDecision", "ACCEPT")));
        ok(reviewer.post(APPLICATIONS + "/" + applicationId + "/technical-review", Map.of("reviewOutcome", "PROCEED",
                "managementCategory", "KEY", "siteInspectionRequired", false, "reviewComment", "材料齐全")));
        ok(reviewer.post(APPLICATIONS + "/" + applicationId + "/decision", Map.of("decision", "ISSUE",
                "decisionComment", "准予许可")));
        String newNumber = jdbc.queryForObject("select permit_number from " + schema + ".permit where application_id = ?",
                String.class, applicationId);
        assertThat(newNumber).isNotEqualTo(number);
        JsonNode old = lifecycle(enterprise, permitId);
        assertThat(old.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(old.get("statusReason").asText()).isEqualTo("REPLACED_BY_NEW_PERMIT");
        assertThat(old.at("/cancellations/0/ground").asText()).isEqualTo("REPLACED_BY_NEW_PERMIT");
        assertThat(old.at("/cancellations/0/facts").asText()).contains("replaced by new permit " + newNumber);
        assertThat(old.at("/cancellations/0/state").asText()).isEqualTo("APPROVED");
        assertThat(old.findValuesAsText("action")).containsSubsequence("REAPPLICATION_FILED", "CANCELLATION_APPROVED",
                "CANCELLED", "DECISION_PUBLISHED", "RENEWAL_WATCH_ENDED");
    }

    @Test
    void aRevocationIsStartedByTheBureauApprovedByTheSupervisorAndBarsANewApplication() {
        long permitId = issuePermit();
        long before = count("permit_cancellation");
        Response enterpriseRevokes = enterprise.post(path(permitId, "/cancellations"), Map.of("ground", "FRAUD",
                "facts", "自查发现", "penaltyYuan", 200000));
        assertThat(enterpriseRevokes.status()).isEqualTo(400);
        assertThat(fields(enterpriseRevokes)).containsExactly("ground");
        assertThat(reviewer2.post(path(permitId, "/cancellations"), Map.of("ground", "FRAUD", "facts", "x",
                "penaltyYuan", 200000)).status()).isEqualTo(403);
        Response tooHigh = reviewer.post(path(permitId, "/cancellations"), Map.of("ground", "FRAUD",
                "penaltyYuan", 600000));
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(fields(tooHigh)).containsExactlyInAnyOrder("facts", "penaltyYuan");
        assertThat(count("permit_cancellation")).isEqualTo(before);

        Response started = reviewer.post(path(permitId, "/cancellations"), Map.of("ground", "FRAUD",
                "facts", "以虚假监测报告取得许可证", "penaltyYuan", 250000, "hearingNoticeOn", "2026-02-27"));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long cancellationId = started.json().get("id").asLong();
        assertThat(started.json().get("kind").asText()).isEqualTo("REVOKE");
        assertThat(started.json().get("legalBasis").asText()).isEqualTo("排污许可管理条例 Art 40");
        assertThat(reviewer.post(path(permitId, "/cancellations/" + cancellationId + "/decision"),
                Map.of("cancellationDecision", "APPROVE", "cancellationComment", "x")).status())
                .as("approval is the supervisors'").isEqualTo(403);
        ok(supervisor.post(path(permitId, "/cancellations/" + cancellationId + "/decision"),
                Map.of("cancellationDecision", "APPROVE", "cancellationComment", "经听证，决定撤销")));

        JsonNode revoked = lifecycle(enterprise, permitId);
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("barredUntil").asText()).isEqualTo("2029-03-02");
        JsonNode permit = enterprise.get("/api/permits/" + permitId).json();
        assertThat(permit.get("status").asText()).isEqualTo("REVOKED");
        assertThat(permit.get("statusOn").asText()).isEqualTo("2026-03-02");
        assertThat(enterprise.get("/api/permits").json()).anySatisfy(p -> {
            assertThat(p.get("id").asLong()).isEqualTo(permitId);
            assertThat(p.get("status").asText()).isEqualTo("REVOKED");
        });
        assertThat(enterprise.get("/permits/" + permitId + "/certificate").body()).contains("id=\"ended\"")
                .contains("撤销");
        assertThat(revoked.get("openTasks")).as("the renewal watch ended").isEmpty();
        assertThat(revoked.findValuesAsText("action")).contains("CANCELLATION_PROPOSED", "CANCELLATION_APPROVED",
                "REVOKED", "DECISION_PUBLISHED", "RENEWAL_WATCH_ENDED");

        Response barred = enterprise.post(APPLICATIONS, anApplication());
        assertThat(barred.status()).isEqualTo(409);
        assertThat(barred.json().get("detail").asText()).contains("排污许可管理条例 Art 40", "2029-03-02");
        assertThat(enterprise.post(path(permitId, "/renewal"), Map.of("contentsUnchanged", true,
                "renewalStatement", "x")).status()).isEqualTo(409);
    }
}
