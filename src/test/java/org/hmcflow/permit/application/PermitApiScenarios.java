package org.hmcflow.permit.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.enterprise.Uscc;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiScenarios;
import org.hmcflow.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * 排污许可申领 through the HTTP API as the demo users: the enterprise files and corrects, the bureau (reviewer,
 * 市环境保护局) accepts, reviews and decides, 市经信局 (reviewer2) gives its joint-review opinion. Bad input, access
 * rules and the statutory clock as a reader sees them. Run on H2 ({@link PermitApiH2Test}) and a real PostgreSQL
 * ({@link PermitApiPostgresTest}).
 */
public abstract class PermitApiScenarios extends ApiScenarios {

    static final String API = "/api/permits/applications";
    public static final String USCC_1 = Uscc.withCheckCharacter("91441802MA5HMC001");
    static final String USCC_2 = Uscc.withCheckCharacter("91441802MA5HMC002");

    /** A complete application of demo enterprise 1 (lead-acid batteries, 清城区): an existing site discharging lead. */
    public static Map<String, Object> anApplication() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uscc", USCC_1);
        body.put("unitName", "清远市尤尼电源科技有限公司");
        body.put("address", "清远市清城区龙塘镇工业园 8 号");
        body.put("legalRepresentative", "陈志强");
        body.put("siteAddress", "清远市清城区龙塘镇工业园 8 号（一厂区）");
        body.put("projectType", "EXISTING");
        body.put("heavyMetalEmissionChange", 0);
        body.put("productsAndCapacity", "铅酸蓄电池 50 万 kVAh/年");
        body.put("rawMaterials", "铅锭 1.2 万吨/年");
        body.put("eiaApprovalReference", "清环审〔2019〕18号");
        body.put("selfMonitoringPlan", "DW001 总铅每月 1 次；DA001 铅及其化合物每季度 1 次");
        body.put("facilities", List.of(
                Map.of("kind", "PRODUCTION", "name", "极板涂膏生产线", "parameters", "2 条"),
                Map.of("kind", "CONTROL", "name", "含铅废水处理站", "parameters", "混凝沉淀，300 m³/d")));
        body.put("outlets", List.of(
                outlet("DW001", "龙塘污水处理厂", pollutant("Pb", 0.5, 12.5, 15)),
                outlet("DA001", "大气", pollutant("Pb", 0.5, 3.2, 4))));
        body.put("documents", List.of(Map.of("kind", "EIA_APPROVAL", "title", "环境影响报告书批复", "reference", "清环审〔2019〕18号"),
                Map.of("kind", "SELF_MONITORING_PLAN", "title", "自行监测方案")));
        return body;
    }

    static Map<String, Object> outlet(String code, String destination, Map<String, Object> pollutant) {
        return Map.of("code", code, "location", "厂区", "destination", destination, "pollutants", List.of(pollutant));
    }

    static Map<String, Object> pollutant(String symbol, double concentration, double quantity, double quota) {
        return Map.of("pollutant", symbol, "concentrationLimit", concentration, "annualQuantityKg", quantity,
                "emissionStandard", "GB 30484-2013", "totalQuotaKg", quota);
    }

    long file(Map<String, Object> body) {
        Response r = enterprise.post(API, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    JsonNode read(ApiClient who, long id) {
        Response r = who.get(API + "/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    public static void ok(Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
    }

    public static List<String> fields(Response r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("permit_application", "permit_outlet_line", "permit_facility", "permit_document",
                "permit_correction_notice", "permit_clock_pause", "review", "review_party", "permit", "audit_event")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + schema + "." + table, Long.class));
        }
        return counts;
    }

    @Test
    void aKeyPermitFromFilingThroughCorrectionJointReviewAndAHearingToIssue() {
        long id = file(anApplication());
        JsonNode filed = read(enterprise, id);
        assertThat(filed.at("/application/state").asText()).isEqualTo("SUBMITTED");
        assertThat(filed.at("/application/reference").asText()).startsWith("XK-2026-");
        // acceptance within 3 working days of Monday 2 March: Thursday 5 March, end of day in Qingyuan
        assertThat(filed.at("/acceptance/acceptanceDue").asText()).isEqualTo("2026-03-05T15:59:00Z");
        assertThat(filed.at("/openTasks/0/key").asText()).isEqualTo("Task_AcceptApplication");
        assertThat(filed.at("/contents/outlets/0/code").asText()).isEqualTo("DW001");
        assertThat(filed.at("/contents/outlets/1/pollutants/0/annualQuantityKg").decimalValue()).isEqualByComparingTo("3.2");
        assertThat(filed.at("/clock/remainingDays").isNull()).as("no statutory clock before acceptance").isTrue();

        // another enterprise does not learn it exists; another department may not accept it
        Map<String, Long> before = counts();
        assertThat(enterprise2.get(API + "/" + id).status()).isEqualTo(404);
        assertThat(enterprise2.get(API + "/" + id + "/audit").status()).isEqualTo(404);
        assertThat(enterprise2.post(API + "/" + id + "/corrections", Map.of("correctionStatement", "x",
                "application", anApplication())).status()).isEqualTo(404);
        assertThat(enterprise2.get(API).json().get("items").findValuesAsText("id")).doesNotContain(String.valueOf(id));
        Response otherDepartment = reviewer2.post(API + "/" + id + "/acceptance", Map.of("acceptanceDecision", "ACCEPT"));
        assertThat(otherDepartment.status()).isEqualTo(403);
        assertThat(otherDepartment.json().get("detail").asText()).isEqualTo("该环节属于其他部门或企业。");
        assertThat(enterprise.post(API + "/" + id + "/acceptance", Map.of("acceptanceDecision", "ACCEPT")).status())
                .isEqualTo(403);
        assertThat(reviewer.post(API + "/" + id + "/decision", Map.of("decision", "ISSUE", "decisionComment", "x"))
                .status()).as("not at that step").isEqualTo(409);
        assertThat(counts()).isEqualTo(before);

        // returned once with everything missing, corrected, accepted on Tuesday 3 March
        clock.advance(Duration.ofHours(5));
        ok(reviewer.post(API + "/" + id + "/acceptance", Map.of("acceptanceDecision", "RETURN",
                "missingItems", List.of("信息公开情况说明", "排放口规范化设置图"))));
        JsonNode returned = read(enterprise, id);
        assertThat(returned.at("/application/state").asText()).isEqualTo("AWAITING_CORRECTION");
        assertThat(returned.at("/corrections/0/items/1").asText()).isEqualTo("排放口规范化设置图");
        Map<String, Object> corrected = anApplication();
        List<Object> documents = new ArrayList<>((List<?>) corrected.get("documents"));
        documents.add(Map.of("kind", "DISCLOSURE_STATEMENT", "title", "信息公开情况说明"));
        corrected.put("documents", documents);
        clock.advance(Duration.ofDays(1));
        ok(enterprise.post(API + "/" + id + "/corrections", Map.of("correctionStatement", "已补充", "application", corrected)));
        ok(reviewer.post(API + "/" + id + "/acceptance", Map.of("acceptanceDecision", "ACCEPT", "acceptanceComment", "材料齐全")));

        JsonNode accepted = read(reviewer, id);
        assertThat(accepted.at("/application/state").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(accepted.at("/acceptance/acceptedOn").asText()).isEqualTo("2026-03-03");
        assertThat(accepted.at("/contents/documents/2/kind").asText()).isEqualTo("DISCLOSURE_STATEMENT");
        // the admission decision and the rules that fired, shown to the reviewer
        assertThat(accepted.at("/admission/verdict").asText()).isEqualTo("ADMIT");
        assertThat(accepted.at("/admission/ruleCode").asText()).isEqualTo("KEY_AREA_NO_INCREASE");
        assertThat(accepted.at("/admission/grounds").asText()).contains("重点防控区");
        assertThat(accepted.at("/admission/proposedCategory").asText()).isEqualTo("KEY");
        assertThat(accepted.at("/admission/categoryRuleCode").asText()).isEqualTo("HEAVY_METAL_INDUSTRY_EMITTER");
        // 重点: 30 working days from Tuesday 3 March, across 清明 — Wednesday 15 April; none used on the day of acceptance
        assertThat(accepted.at("/clock/rule").asText()).isEqualTo("permit.decision.key");
        assertThat(accepted.at("/clock/limit").asInt()).isEqualTo(30);
        assertThat(accepted.at("/clock/unit").asText()).isEqualTo("WORKING_DAYS");
        assertThat(accepted.at("/clock/dueDay").asText()).isEqualTo("2026-04-15");
        assertThat(accepted.at("/clock/usedDays").asInt()).isZero();
        assertThat(accepted.at("/clock/remainingDays").asInt()).isEqualTo(30);
        assertThat(accepted.at("/application/remainingDays").asInt()).isEqualTo(30);

        ok(reviewer.post(API + "/" + id + "/technical-review", Map.of("reviewOutcome", "PROCEED",
                "managementCategory", "KEY", "siteInspectionRequired", false, "jointDepartments", List.of("city-eit"),
                "reviewComment", "材料齐全，请市经信局会审")));
        assertThat(read(reviewer, id).at("/application/state").asText()).isEqualTo("JOINT_REVIEW");
        assertThat(reviewer.post(API + "/" + id + "/joint-opinion", Map.of("jointOpinion", "AGREE", "jointComment", "越权"))
                .status()).as("the bureau does not answer for 市经信局").isEqualTo(403);
        ok(reviewer2.post(API + "/" + id + "/joint-opinion", Map.of("jointOpinion", "AGREE", "jointComment", "符合产业政策")));
        JsonNode reviewed = read(reviewer2, id);
        assertThat(reviewed.at("/application/state").asText()).isEqualTo("AWAITING_DECISION");
        assertThat(reviewed.at("/jointReviews/0/department").asText()).isEqualTo("city-eit");
        assertThat(reviewed.at("/jointReviews/0/opinion").asText()).isEqualTo("AGREE");
        assertThat(reviewed.at("/openTasks/0/key").asText()).isEqualTo("Task_DecideApplication");

        // a hearing stops the clock; only the bureau stops and restarts it; no decision while it stands still
        Response hearing = reviewer.post(API + "/" + id + "/clock/pauses", Map.of("reason", "HEARING", "note", "申请人申请听证"));
        assertThat(hearing.status()).as(hearing.body()).isEqualTo(201);
        assertThat(hearing.json().get("legalBasis").asText()).contains("行政许可法 第四十五条");
        assertThat(reviewer2.post(API + "/" + id + "/clock/pauses", Map.of("reason", "EXPERT_REVIEW", "note", "x"))
                .status()).isEqualTo(403);
        assertThat(enterprise.post(API + "/" + id + "/clock/resume", Map.of()).status()).isEqualTo(403);
        assertThat(reviewer.post(API + "/" + id + "/clock/pauses", Map.of("reason", "EXPERT_REVIEW", "note", "再停"))
                .status()).isEqualTo(409);
        JsonNode stopped = read(enterprise, id);
        assertThat(stopped.at("/clock/stopped").asBoolean()).isTrue();
        assertThat(stopped.at("/clock/dueDay").isNull()).isTrue();
        assertThat(stopped.at("/clock/remainingDays").asInt()).isEqualTo(30);
        assertThat(stopped.at("/clock/pauses/0/reason").asText()).isEqualTo("HEARING");
        Response whilePaused = reviewer.post(API + "/" + id + "/decision", Map.of("decision", "ISSUE", "decisionComment", "准予"));
        assertThat(whilePaused.status()).isEqualTo(400);
        assertThat(fields(whilePaused)).containsExactly("decision");
        clock.advance(Duration.ofDays(7)); // Tuesday 10 March: 4, 5, 6, 9 and 10 March do not count
        ok(reviewer.post(API + "/" + id + "/clock/resume", Map.of("note", "听证结束")));
        JsonNode resumed = read(reviewer, id);
        assertThat(resumed.at("/clock/stopped").asBoolean()).isFalse();
        assertThat(resumed.at("/clock/stoppedDays").asInt()).isEqualTo(5);
        assertThat(resumed.at("/clock/dueDay").asText()).isEqualTo("2026-04-22");
        assertThat(resumed.at("/clock/pauses/0/endedOn").asText()).isEqualTo("2026-03-10");
        assertThat(resumed.at("/openTasks/0/due").asText()).isEqualTo("2026-04-22T15:59:00Z");

        ok(reviewer.post(API + "/" + id + "/decision", Map.of("decision", "ISSUE", "decisionComment", "准予许可")));
        JsonNode issued = read(enterprise, id);
        assertThat(issued.at("/application/state").asText()).isEqualTo("ISSUED");
        String number = issued.at("/permit/permitNumber").asText();
        assertThat(number).matches(USCC_1 + "\\d{3}P");
        assertThat(number.substring(18, 21)).isEqualTo(String.format("%03d", issued.at("/permit/siteNumber").asInt()));
        LocalDate from = LocalDate.parse(issued.at("/permit/validFrom").asText());
        assertThat(from).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(issued.at("/permit/validUntil").asText()).isEqualTo(from.plusYears(5).minusDays(1).toString());
        assertThat(issued.at("/permit/executionReports").size()).isGreaterThan(20);
        assertThat(issued.at("/permit/executionReports").findValuesAsText("kind")).contains("ANNUAL", "QUARTERLY");
        assertThat(issued.at("/openTasks").size()).isZero();

        Response trail = supervisor.get(API + "/" + id + "/audit");
        assertThat(trail.json().findValuesAsText("action")).containsSubsequence("FILED", "RETURNED_FOR_CORRECTION",
                "CONTENTS_CORRECTED", "CORRECTIONS_RESUBMITTED", "ACCEPTED", "ADMISSION_CHECKED", "TECHNICAL_REVIEWED",
                "JOINT_OPINION_GIVEN", "CLOCK_PAUSED", "CLOCK_RESUMED", "DECIDED_TO_ISSUE", "PERMIT_ISSUED");
        assertThat(trail.json().findValuesAsText("actorDepartment")).contains("city-eit", "city-epb");
        assertThat(supervisor.get("/api/audit/verify").json().get("valid").asBoolean()).isTrue();
        assertThat(enterprise.get(API + "?state=ISSUED").json().get("items").findValuesAsText("id")).contains(String.valueOf(id));
    }

    @Test
    void badApplicationsAreRefusedWithEveryBadFieldNamedAndNothingStored() {
        Map<String, Long> before = counts();

        Map<String, Object> bad = anApplication();
        bad.put("uscc", "91441802MA5HMC0019"); // wrong check character
        bad.put("outlets", List.of(outlet("DX001", "龙塘污水处理厂", pollutant("Pb", 0.5, -1, 15)),
                outlet("DA001", "大气", pollutant("Xx", 0.5, 3.2, 4))));
        Response refused = enterprise.post(API, bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(fields(refused)).containsExactlyInAnyOrder("uscc", "outlets[0].code",
                "outlets[0].pollutants[0].annualQuantityKg", "outlets[1].pollutants[0].pollutant");
        assertThat(refused.json().get("detail").asText()).isEqualTo("请求中有字段不符合要求，未保存任何内容。");

        Response english = enterprise.inEnglish().post(API, bad);
        assertThat(english.json().get("errors").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).contains("DA and three digits"))
                .anySatisfy(m -> assertThat(m).contains("must not be negative"))
                .anySatisfy(m -> assertThat(m).contains("unknown pollutant"));

        // rules between fields: another enterprise's code, an outlet twice, a quantity above its quota, facilities
        Map<String, Object> inconsistent = anApplication();
        inconsistent.put("uscc", USCC_2);
        inconsistent.put("outlets", List.of(outlet("DW001", "龙塘污水处理厂", pollutant("Pb", 0.5, 20, 15)),
                outlet("DW001", "龙塘污水处理厂", pollutant("Cd", 0.05, 0.1, 1))));
        inconsistent.put("facilities", List.of(Map.of("kind", "PRODUCTION", "name", "生产线", "parameters", "1 条")));
        Response crossField = enterprise.post(API, inconsistent);
        assertThat(crossField.status()).isEqualTo(400);
        assertThat(fields(crossField)).containsExactlyInAnyOrder("uscc", "outlets[0].pollutants[0].annualQuantityKg",
                "outlets[1].code", "facilities");

        Response missing = enterprise.post(API, Map.of("uscc", USCC_1));
        assertThat(fields(missing)).contains("unitName", "projectType", "facilities", "outlets", "documents",
                "selfMonitoringPlan", "eiaApprovalReference");
        assertThat(enterprise.post(API, "{not json").status()).isEqualTo(400);
        assertThat(reviewer.post(API, anApplication()).status()).as("only enterprises apply").isEqualTo(403);
        assertThat(reviewer.get(API + "/999999").status()).isEqualTo(404);
        assertThat(counts()).isEqualTo(before);

        // corrected contents are checked the same way, named under application.
        long id = file(anApplication());
        ok(reviewer.post(API + "/" + id + "/acceptance", Map.of("acceptanceDecision", "RETURN", "missingItems", List.of("承诺书"))));
        Map<String, Long> afterReturn = counts();
        Map<String, Object> badCorrection = anApplication();
        badCorrection.put("outlets", List.of(outlet("DW01", "龙塘污水处理厂", pollutant("Pb", 0.5, 1, 15))));
        Response correction = enterprise.post(API + "/" + id + "/corrections",
                Map.of("correctionStatement", "已补充承诺书", "application", badCorrection));
        assertThat(correction.status()).isEqualTo(400);
        assertThat(fields(correction)).containsExactly("application.outlets[0].code");
        Response twice = enterprise.post(API + "/" + id + "/corrections", Map.of("correctionStatement", "已补充承诺书",
                "application", Map.of("uscc", USCC_2)));
        assertThat(fields(twice)).contains("application.unitName", "application.outlets");
        Map<String, Object> otherUscc = anApplication();
        otherUscc.put("uscc", USCC_2);
        assertThat(fields(enterprise.post(API + "/" + id + "/corrections",
                Map.of("correctionStatement", "已补充承诺书", "application", otherUscc)))).containsExactly("application.uscc");
        assertThat(counts()).isEqualTo(afterReturn);
        assertThat(read(enterprise, id).at("/application/state").asText()).isEqualTo("AWAITING_CORRECTION");
    }

    @Test
    void anApplicationNobodyActsOnIsDeemedAcceptedOnTheDayItCameIn() {
        long id = file(anApplication());
        clock.advance(Duration.ofDays(4)); // Friday 6 March: the limit ended Thursday night
        clock.fireDueJobs();
        JsonNode deemed = read(enterprise, id);
        assertThat(deemed.at("/acceptance/deemedAccepted").asBoolean()).isTrue();
        assertThat(deemed.at("/acceptance/acceptedOn").asText()).isEqualTo("2026-03-02");
        assertThat(deemed.at("/application/state").asText()).isEqualTo("UNDER_REVIEW");
        // 30 working days from Monday 2 March: Tuesday 14 April; 2, 3, 4, 5 and 6 March counted — four days used
        assertThat(deemed.at("/clock/dueDay").asText()).isEqualTo("2026-04-14");
        assertThat(deemed.at("/clock/usedDays").asInt()).isEqualTo(4);
        assertThat(supervisor.get(API + "/" + id + "/audit").json().findValuesAsText("action"))
                .containsSubsequence("FILED", "REMINDER_SENT", "DEEMED_ACCEPTED", "ADMISSION_CHECKED");
        assertThat(reviewer.get("/api/notifications").json().findValuesAsText("caseId")).contains(String.valueOf(id));
    }
}
