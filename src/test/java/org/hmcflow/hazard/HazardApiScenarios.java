package org.hmcflow.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiScenarios;
import org.hmcflow.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * The hazard lifecycle through the HTTP API as enterprise, reviewer and supervisor, with bad input and access
 * rules. Run against H2 ({@link HazardApiH2Test}) and a real PostgreSQL ({@link HazardApiPostgresTest}).
 */
abstract class HazardApiScenarios extends ApiScenarios {

    long report(ApiClient who, Map<String, Object> body) {
        Response r = who.post("/api/hazards", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Map<String, Object> aReport() {
        return Map.of("title", "电镀槽区防渗层破损", "description", "1号车间电镀槽下方防渗层开裂，存在渗漏风险",
                "location", "1号车间", "pollutants", List.of("Pb", "Cr"));
    }

    JsonNode hazard(ApiClient who, long id) {
        Response r = who.get("/api/hazards/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    void ok(Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
    }

    void photos(long id, String point) {
        ok(enterprise.upload("/api/hazards/" + id + "/evidence", Map.of("kind", "BEFORE", "pointLabel", point),
                "before.png", "image/png", ApiClient.png()));
        ok(enterprise.upload("/api/hazards/" + id + "/evidence", Map.of("kind", "AFTER", "pointLabel", point),
                "after.jpg", "image/jpeg", ApiClient.jpeg()));
    }

    Map<String, Long> counts() {
        return Map.of("hazard", count("hazard"), "audit_event", count("audit_event"),
                "evidence_file", count("evidence_file"), "enterprise", count("enterprise"),
                "rectification_round", count("rectification_round"));
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + schema + "." + table, Long.class);
    }

    static List<String> fields(Response r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void majorHazardFromReportToArchiveThroughTheApi() {
        long id = report(enterprise, aReport());
        assertThat(hazard(enterprise, id).at("/hazard/state").asText()).isEqualTo("REPORTED");
        assertThat(hazard(reviewer, id).at("/openTasks/0/key").asText()).isEqualTo("Task_TriageHazard");
        // Triage is due three working days after Monday 2 March: Thursday 5 March, end of day in Qingyuan.
        assertThat(hazard(reviewer, id).at("/openTasks/0/due").asText()).isEqualTo("2026-03-05T15:59:00Z");

        ok(reviewer.post("/api/hazards/" + id + "/triage", Map.of("triageDecision", "MAJOR",
                "responsibleGroup", "city-epb", "rectificationWorkingDays", 20, "triageComment", "重大隐患，挂牌督办")));
        assertThat(hazard(enterprise, id).at("/hazard/state").asText()).isEqualTo("PLAN_REQUIRED");

        ok(enterprise.post("/api/hazards/" + id + "/plan", Map.of("planTargets", "防渗层修复，杜绝渗漏",
                "planMeasures", "更换HDPE防渗膜；增设渗漏监测井", "planFunds", 35.5,
                "planResponsiblePerson", "陈厂长", "planInterimMeasures", "停用1号电镀槽；每日巡查")));
        ok(reviewer.post("/api/hazards/" + id + "/plan-review", Map.of("planDecision", "APPROVE", "reviewComment", "同意方案")));
        JsonNode approved = hazard(supervisor, id);
        assertThat(approved.at("/hazard/state").asText()).isEqualTo("RECTIFYING");
        assertThat(approved.at("/hazard/supervised").asBoolean()).isTrue();
        // 20 working days from Monday 2 March 2026 (no holiday before 清明 on 4 April): Monday 30 March.
        assertThat(approved.at("/hazard/rectificationDue").asText()).isEqualTo("2026-03-30");

        photos(id, "1号电镀槽");
        ok(enterprise.post("/api/hazards/" + id + "/rectification", Map.of("rectificationSummary", "已更换防渗膜")));
        ok(reviewer.post("/api/hazards/" + id + "/expert-opinion", Map.of("experts",
                List.of(Map.of("name", "李工", "organisation", "省环境科学研究院"), Map.of("name", "王工")),
                "expertOpinion", "整改到位，同意销号")));
        assertThat(hazard(reviewer, id).at("/rounds/0/expertNames").asText())
                .isEqualTo("李工（省环境科学研究院）、王工");
        ok(reviewer.post("/api/hazards/" + id + "/verification", Map.of("verificationResult", "PASS",
                "verificationComment", "现场核查通过")));
        assertThat(hazard(reviewer, id).at("/hazard/state").asText()).isEqualTo("AWAITING_SUPERVISION_LIFT");
        // Lifting the supervision is the supervisors' step, not a reviewer's.
        assertThat(reviewer.post("/api/hazards/" + id + "/supervision-decision",
                Map.of("supervisionDecision", "LIFT", "supervisionComment", "摘牌")).status()).isEqualTo(403);
        ok(supervisor.post("/api/hazards/" + id + "/supervision-decision",
                Map.of("supervisionDecision", "LIFT", "supervisionComment", "同意摘牌销号")));
        JsonNode closed = hazard(enterprise, id);
        assertThat(closed.at("/hazard/state").asText()).isEqualTo("CLOSED_OUT");
        assertThat(closed.at("/hazard/supervised").asBoolean()).isFalse();

        // The follow-up re-check (回头看) waits 20 working days after close-out, then the bureau confirms.
        clock.advance(Duration.ofDays(40));
        clock.fireDueJobs();
        assertThat(hazard(reviewer, id).at("/openTasks").findValuesAsText("key")).contains("Task_FollowUpRecheck");
        ok(reviewer.post("/api/hazards/" + id + "/recheck", Map.of("recheckResult", "CONFIRMED", "recheckComment", "无反弹")));
        assertThat(hazard(enterprise, id).at("/hazard/state").asText()).isEqualTo("ARCHIVED");

        Response trail = supervisor.get("/api/hazards/" + id + "/audit");
        assertThat(trail.json().findValuesAsText("action")).containsSubsequence("REPORTED", "TRIAGED",
                "PLAN_SUBMITTED", "PLAN_APPROVED", "SUPERVISION_LISTED", "EVIDENCE_ATTACHED", "RECTIFICATION_REPORTED",
                "EXPERT_OPINION_RECORDED", "VERIFICATION_PASSED", "SUPERVISION_LIFTED", "CLOSED_OUT", "RECHECK_CONFIRMED");
        assertThat(trail.json().get(1).get("actor").asText()).isEqualTo("reviewer");
        assertThat(trail.json().get(1).get("actorDepartment").asText()).isEqualTo("city-epb");
        assertThat(supervisor.get("/api/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void failedVerificationStartsACountedRoundWithItsOwnDeadline() {
        long id = report(reviewer, Map.of("enterpriseId", 2, "source", "PUBLIC_COMPLAINT", "title", "夜间异味",
                "description", "12369举报：夜间酸雾外排", "location", "酸洗车间", "pollutants", List.of("Cr", "Ni")));
        ok(reviewer.post("/api/hazards/" + id + "/triage", Map.of("triageDecision", "GENERAL",
                "responsibleGroup", "city-epb", "rectificationWorkingDays", 5, "triageComment", "一般隐患")));
        assertThat(hazard(enterprise2, id).at("/hazard/rectificationDue").asText()).isEqualTo("2026-03-09");
        ok(enterprise2.upload("/api/hazards/" + id + "/evidence", Map.of("kind", "BEFORE", "pointLabel", "酸雾塔"),
                "b.png", "image/png", ApiClient.png()));
        ok(enterprise2.upload("/api/hazards/" + id + "/evidence", Map.of("kind", "AFTER", "pointLabel", "酸雾塔"),
                "a.png", "image/png", ApiClient.png()));
        ok(enterprise2.post("/api/hazards/" + id + "/rectification", Map.of("rectificationSummary", "更换喷淋")));
        ok(reviewer.post("/api/hazards/" + id + "/verification", Map.of("verificationResult", "FAIL",
                "verificationComment", "仍有异味", "nextRectificationWorkingDays", 10)));
        JsonNode round2 = hazard(enterprise2, id);
        assertThat(round2.at("/hazard/roundNo").asInt()).isEqualTo(2);
        assertThat(round2.at("/hazard/state").asText()).isEqualTo("RECTIFYING");
        assertThat(round2.at("/hazard/rectificationDue").asText()).isEqualTo("2026-03-16");
        assertThat(round2.at("/rounds").size()).isEqualTo(2);
        assertThat(round2.at("/rounds/0/verificationPassed").asBoolean()).isFalse();
        // Round 1's photos do not count for round 2.
        Response early = enterprise2.post("/api/hazards/" + id + "/rectification", Map.of("rectificationSummary", "再次整改"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(fields(early)).containsExactly("evidence");
    }

    @Test
    void enterprisesSeeOnlyTheirOwnCasesAndReviewersActOnlyForTheirDepartment() {
        long id = report(enterprise, aReport());
        assertThat(enterprise2.get("/api/hazards/" + id).status()).isEqualTo(404);
        assertThat(enterprise2.get("/api/hazards/" + id + "/audit").status()).isEqualTo(404);
        assertThat(enterprise2.post("/api/hazards/" + id + "/plan", Map.of("planTargets", "x", "planMeasures", "x",
                "planFunds", 1, "planResponsiblePerson", "x", "planInterimMeasures", "x")).status()).isEqualTo(404);
        assertThat(enterprise2.get("/api/hazards").json().get("items").findValuesAsText("id"))
                .doesNotContain(String.valueOf(id));
        assertThat(enterprise.get("/api/hazards").json().get("items").findValuesAsText("id")).contains(String.valueOf(id));

        Map<String, Object> before = Map.copyOf(counts());
        Response wrongDepartment = reviewer2.post("/api/hazards/" + id + "/triage", Map.of("triageDecision", "GENERAL",
                "responsibleGroup", "city-epb", "triageComment", "越权"));
        assertThat(wrongDepartment.status()).isEqualTo(403);
        assertThat(wrongDepartment.json().get("detail").asText()).isEqualTo("该环节属于其他部门或企业。");
        // A step the case is not at: 409, named.
        Response wrongStep = reviewer.post("/api/hazards/" + id + "/verification", Map.of("verificationResult", "PASS",
                "verificationComment", "x"));
        assertThat(wrongStep.status()).isEqualTo(409);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWithEveryFieldNamedAndNothingWritten() {
        Map<String, Long> before = counts();

        Response missing = enterprise.inEnglish().post("/api/hazards", Map.of("title", "", "pollutants", List.of()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(fields(missing)).contains("title", "description", "location", "pollutants");
        assertThat(missing.json().get("detail").asText()).isEqualTo("The request has invalid fields; nothing was saved.");

        Response pollutant = enterprise.post("/api/hazards", Map.of("title", "t", "description", "d", "location", "l",
                "pollutants", List.of("Pb", "Xx")));
        assertThat(fields(pollutant)).containsExactly("pollutants[1]");

        Response otherEnterprise = enterprise.post("/api/hazards", Map.of("enterpriseId", 2, "title", "t",
                "description", "d", "location", "l", "pollutants", List.of("Pb")));
        assertThat(fields(otherEnterprise)).containsExactly("enterpriseId");

        Response badUscc = reviewer.post("/api/enterprises", Map.of("uscc", "91441802MA5HMC0019", "name", "某公司",
                "county", "清城区", "industry", "电镀", "keyPollutants", List.of("Cr")));
        assertThat(badUscc.status()).isEqualTo(400);
        assertThat(fields(badUscc)).containsExactly("uscc");
        assertThat(badUscc.json().at("/errors/0/message").asText()).contains("统一社会信用代码");

        Response notJson = reviewer.post("/api/hazards", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body()).doesNotContain("Exception").doesNotContain("at org.");

        assertThat(reviewer.get("/api/hazards/999999").status()).isEqualTo(404);
        assertThat(reviewer.get("/api/hazards/abc").status()).isEqualTo(400);
        assertThat(reviewer.get("/api/hazards?size=100000").status()).isEqualTo(400);
        assertThat(counts()).isEqualTo(before);

        long id = report(enterprise, aReport());
        Map<String, Long> afterReport = counts();
        // A deadline in the past or of no length: a period must be 1 to 365 working days.
        Response pastDeadline = reviewer.post("/api/hazards/" + id + "/triage", Map.of("triageDecision", "GENERAL",
                "responsibleGroup", "city-epb", "rectificationWorkingDays", -3, "triageComment", "x"));
        assertThat(fields(pastDeadline)).containsExactly("rectificationWorkingDays");
        Response unknownDepartment = reviewer.post("/api/hazards/" + id + "/triage", Map.of("triageDecision", "GENERAL",
                "responsibleGroup", "city-nowhere", "triageComment", ""));
        assertThat(fields(unknownDepartment)).contains("triageComment");
        Response wrongType = enterprise.upload("/api/hazards/" + id + "/evidence", Map.of("kind", "REPORT"),
                "evil.png", "image/png", "<script>alert(1)</script>".getBytes());
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(fields(wrongType)).containsExactly("file");
        Response oversize = enterprise.upload("/api/hazards/" + id + "/evidence", Map.of("kind", "REPORT"),
                "big.png", "image/png", new byte[11 * 1024 * 1024]);
        assertThat(oversize.status()).as(oversize.body() + oversize.raw().headers()).isEqualTo(413);
        assertThat(oversize.json()).as(oversize.body() + oversize.raw().headers()).isNotNull();
        assertThat(oversize.json().at("/errors/0/field").asText()).isEqualTo("file");
        Response forged = enterprise.upload("/api/hazards/987654/evidence", Map.of("kind", "REPORT"),
                "a.png", "image/png", ApiClient.png());
        assertThat(forged.status()).isEqualTo(404);
        assertThat(counts()).isEqualTo(afterReport);
        assertThat(hazard(reviewer, id).at("/hazard/state").asText()).isEqualTo("REPORTED");
    }

    @Test
    void overdueRectificationIsEscalatedToSupervisorsWithoutStoppingTheWork() {
        long id = report(enterprise, aReport());
        ok(reviewer.post("/api/hazards/" + id + "/triage", Map.of("triageDecision", "GENERAL",
                "responsibleGroup", "city-epb", "rectificationWorkingDays", 3, "triageComment", "限期整改")));
        clock.advance(Duration.ofDays(10));
        clock.fireDueJobs();
        JsonNode overdue = hazard(supervisor, id);
        assertThat(overdue.at("/hazard/overdue").asBoolean()).isTrue();
        assertThat(overdue.at("/openTasks/0/key").asText()).isEqualTo("Task_Rectify");
        assertThat(supervisor.get("/api/supervision/overdue").json().findValuesAsText("caseId")).contains(String.valueOf(id));
        assertThat(supervisor.get("/api/notifications").json().findValuesAsText("caseId")).contains(String.valueOf(id));
        assertThat(enterprise.get("/api/notifications").json().findValuesAsText("kind")).contains("REMINDER", "ESCALATION");
        assertThat(enterprise.get("/api/supervision/overdue").status()).isEqualTo(403);
        photos(id, "废水排口");
        ok(enterprise.post("/api/hazards/" + id + "/rectification", Map.of("rectificationSummary", "逾期完成")));
        assertThat(hazard(reviewer, id).at("/hazard/state").asText()).isEqualTo("VERIFYING");
    }
}
