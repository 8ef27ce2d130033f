package org.hmcflow.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.inspection.ViolationKind;
import org.hmcflow.inspection.ViolationsFound;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiScenarios;
import org.hmcflow.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The enforcement lifecycle through the HTTP API as reviewer, supervisor and enterprises: the 3.2× lead referral and
 * its 停产整治 proposal with grounds, bad input, access rules, the public decisions and blacklist. Run against H2
 * ({@link EnforcementApiH2Test}) and a real PostgreSQL ({@link EnforcementApiPostgresTest}).
 */
abstract class EnforcementApiScenarios extends ApiScenarios {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    EnforcementService service;

    static List<String> fields(Response r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    void ok(Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
    }

    JsonNode read(ApiClient who, long id) {
        Response r = who.get("/api/enforcement/cases/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    long openedFromInspection(long inspectionId, String ratio) {
        BigDecimal r = new BigDecimal(ratio);
        ViolationsFound.Violation lead = new ViolationsFound.Violation(ViolationKind.EXCEEDS_STANDARD, "Pb", "DW001",
                r.multiply(new BigDecimal("0.5")), new BigDecimal("0.5"), "mg/L", "mg/L", r, true, null,
                "总排口铅超标");
        tx.executeWithoutResult(s -> events.publishEvent(new ViolationsFound(inspectionId, 1L, "reviewer",
                clock.now(), List.of(lead))));
        Response list = reviewer.get("/api/enforcement/cases");
        ok(list);
        for (JsonNode c : list.json()) {
            if (c.path("inspectionId").asLong() == inspectionId) {
                return c.get("id").asLong();
            }
        }
        throw new AssertionError("no case for inspection " + inspectionId + ": " + list.body());
    }

    static Map<String, Object> measurement(Object value, String unit) {
        Map<String, Object> m = new HashMap<>();
        m.put("pollutant", "Pb");
        m.put("point", "DW001");
        m.put("value", value);
        m.put("unit", unit);
        m.put("limit", 0.5);
        m.put("limitUnit", "mg/L");
        return m;
    }

    static Map<String, Object> exceedance(Object value, String unit) {
        return Map.of("kind", "EXCEEDS_STANDARD", "description", "总排口铅超标", "measurement", measurement(value, unit));
    }

    @Test
    void leadAtThreePointTwoTimesFromTheInspectionEventProposesSuspensionWithArticleSixGrounds() {
        long id = openedFromInspection(910001L, "3.20");
        JsonNode c = read(reviewer, id);
        assertThat(c.at("/summary/source").asText()).isEqualTo("INSPECTION");
        assertThat(c.at("/summary/proposedMeasure").asText()).isEqualTo("SUSPEND_FOR_RECTIFICATION");
        assertThat(c.at("/summary/proposedGrounds").asText()).contains("环境保护部令第30号第六条（二）").contains("三倍以上");
        assertThat(c.at("/violations/0/ratioToLimit").decimalValue()).isEqualByComparingTo("3.20");
        assertThat(c.at("/violations/0/ruleCode").asText()).isEqualTo("HEAVY_METAL_3X");
        assertThat(c.at("/openTasks/0/key").asText()).isEqualTo("Task_DecideMeasure");
        Response audit = reviewer.get("/api/enforcement/cases/" + id + "/audit");
        ok(audit);
        JsonNode opened = audit.json().get(0);
        assertThat(opened.get("action").asText()).isEqualTo("CASE_OPENED");
        assertThat(opened.get("changes").asText()).contains("SUSPEND_FOR_RECTIFICATION").contains("第六条（二）")
                .contains("HEAVY_METAL_3X");
        assertThat(c.at("/decisions/0/action").asText()).isEqualTo("CASE_OPENED");
    }

    /** A referral as the cleaner-production lifecycle will send it (a test source: only the public contract is used). */
    EnforcementReferral.Outcome referMissedAudit(String sourceReference) {
        return tx.execute(s -> service.refer(new EnforcementReferral(CaseSource.CLEANER_PRODUCTION_AUDIT,
                sourceReference, 1L, ViolationKind.CLEANER_PRODUCTION_AUDIT_NOT_DONE,
                "列入强制性清洁生产审核名单逾期一年未提交审核报告", "reviewer")));
    }

    @Test
    void aMissedCleanerProductionAuditReferredOnceShowsItsSourceAndAnOrderToCorrectUnderArticleThirtyNine() {
        EnforcementReferral.Outcome first = referMissedAudit("QJSC-API-" + System.nanoTime());
        assertThat(first.opened()).isTrue();
        JsonNode c = read(reviewer, first.caseId());
        assertThat(c.at("/summary/source").asText()).isEqualTo("CLEANER_PRODUCTION_AUDIT");
        assertThat(c.at("/summary/referral/sourceType").asText()).isEqualTo("CLEANER_PRODUCTION_AUDIT");
        assertThat(c.at("/summary/referral/sourceReference").asText()).startsWith("QJSC-API-");
        assertThat(c.at("/summary/referral/referredBy").asText()).isEqualTo("reviewer");
        assertThat(c.at("/summary/referral/facts").asText()).contains("逾期一年未提交审核报告");
        assertThat(c.at("/summary/proposedMeasure").asText()).isEqualTo("ORDER_TO_CORRECT");
        assertThat(c.at("/summary/proposedGrounds").asText()).contains("清洁生产促进法").contains("第三十九条")
                .contains("责令限期改正").contains("五万元以上五十万元以下");
        assertThat(c.at("/violations/0/kind").asText()).isEqualTo("CLEANER_PRODUCTION_AUDIT_NOT_DONE");
        assertThat(c.at("/violations/0/ruleCode").asText()).isEqualTo("CPP_AUDIT");

        // the same source again: no second case, the repeat is on the first case's record
        String ref = c.at("/summary/referral/sourceReference").asText();
        EnforcementReferral.Outcome again = referMissedAudit(ref);
        assertThat(again.opened()).isFalse();
        assertThat(again.caseId()).isEqualTo(first.caseId());
        Response list = reviewer.get("/api/enforcement/cases");
        ok(list);
        int withRef = 0;
        for (JsonNode each : list.json()) {
            if (ref.equals(each.at("/referral/sourceReference").asText())) {
                withRef++;
            }
        }
        assertThat(withRef).isEqualTo(1);
        Response audit = reviewer.get("/api/enforcement/cases/" + first.caseId() + "/audit");
        ok(audit);
        assertThat(audit.json().get(0).get("action").asText()).isEqualTo("CASE_OPENED");
        assertThat(audit.json().get(0).get("changes").asText()).contains("CLEANER_PRODUCTION_AUDIT").contains(ref);
        List<String> actions = new ArrayList<>();
        audit.json().forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsSubsequence("CASE_OPENED", "REFERRAL_REPEATED");

        // the law gives no production measure for it: 限制生产 is refused with the field named
        Response limit = reviewer.post("/api/enforcement/cases/" + first.caseId() + "/tasks/Task_DecideMeasure",
                Map.of("measure", "LIMIT_PRODUCTION", "orderText", "责令限制生产", "measureReason", "试图加重"));
        assertThat(limit.status()).as(limit.body()).isEqualTo(400);
        assertThat(fields(limit)).contains("measure");

        // the fine of Art 39 is an article the bureau can enter, with its range
        Response articles = reviewer.get("/api/enforcement/penalty-articles");
        ok(articles);
        JsonNode cppl = null;
        for (JsonNode a : articles.json()) {
            if ("CPPL-39".equals(a.get("code").asText())) {
                cppl = a;
            }
        }
        assertThat(cppl).as(articles.body()).isNotNull();
        assertThat(cppl.get("min").decimalValue()).isEqualByComparingTo("50000");
        assertThat(cppl.get("max").decimalValue()).isEqualByComparingTo("500000");
        assertThat(cppl.get("title").asText()).contains("清洁生产促进法第三十九条");
    }

    @Test
    void aReviewerOpensACaseAndBadMeasurementsAreNamed() {
        Response bad = reviewer.post("/api/enforcement/cases", Map.of("enterpriseId", 1,
                "violations", List.of(exceedance(-0.2, "mg/L"), exceedance(0.9, "mg/m³"),
                        Map.of("kind", "EXCEEDS_STANDARD", "description", "无监测数据"))));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("violations[0].measurement[0].value",
                "violations[1].measurement[0].unit", "violations[2].measurement");
        Response notExceeding = reviewer.post("/api/enforcement/cases", Map.of("enterpriseId", 1,
                "violations", List.of(exceedance(0.4, "mg/L"))));
        assertThat(fields(notExceeding)).containsExactly("violations[0].measurement.value");

        Response byEnterprise = enterprise.post("/api/enforcement/cases", Map.of("enterpriseId", 1,
                "violations", List.of(exceedance(0.9, "mg/L"))));
        assertThat(byEnterprise.status()).isEqualTo(403);
        Response byOtherDepartment = reviewer2.post("/api/enforcement/cases", Map.of("enterpriseId", 1,
                "violations", List.of(exceedance(0.9, "mg/L"))));
        assertThat(byOtherDepartment.status()).isEqualTo(403);

        Response opened = reviewer.post("/api/enforcement/cases", Map.of("enterpriseId", 1,
                "violations", List.of(exceedance(0.75, "mg/L"))));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().get("proposedMeasure").asText()).isEqualTo("LIMIT_PRODUCTION");
        assertThat(opened.json().get("proposedGrounds").asText()).contains("第五条");
        JsonNode c = read(reviewer, opened.json().get("id").asLong());
        assertThat(c.at("/violations/0/ratioToLimit").decimalValue()).isEqualByComparingTo("1.50");
    }

    @Test
    void penaltiesAreEnteredWithTheirArticleAndRangeChecked() {
        long id = openedFromInspection(910002L, "1.40");
        String path = "/api/enforcement/cases/" + id + "/penalties";
        Response outside = reviewer.post(path, Map.of("articleCode", "PDPR-37", "amount", 50000));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(fields(outside)).containsExactly("amount");
        assertThat(outside.json().at("/errors/0/message").asText()).contains("PDPR-37").contains("5000").contains("20000");
        Response unknown = reviewer.post(path, Map.of("articleCode", "XYZ", "amount", 50000));
        assertThat(fields(unknown)).containsExactly("articleCode");
        Response daily = reviewer.post(path, Map.of("articleCode", "EPL-59", "amount", 50000));
        assertThat(fields(daily)).containsExactly("articleCode");
        Response missing = reviewer.post(path, Map.of());
        assertThat(fields(missing)).containsExactlyInAnyOrder("articleCode", "amount");
        assertThat(enterprise.post(path, Map.of("articleCode", "PDPR-34", "amount", 300000)).status()).isEqualTo(403);

        Response entered = reviewer.post(path, Map.of("articleCode", "PDPR-34", "amount", 300000, "note", "超标排放"));
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        JsonNode c = read(reviewer, id);
        assertThat(c.at("/penalties/0/articleCode").asText()).isEqualTo("PDPR-34");
        assertThat(c.at("/penalties/0/amount").decimalValue()).isEqualByComparingTo("300000");
        assertThat(c.get("decisions").toString()).contains("PENALTY_ENTERED");
        Response articles = reviewer.get("/api/enforcement/penalty-articles");
        ok(articles);
        assertThat(articles.body()).contains("PDPR-33").contains("PDPR-39");
    }

    @Test
    void anEnterpriseSeesOnlyItsOwnCaseAndActsOnlyOnItsOwnSteps() {
        long id = openedFromInspection(910003L, "1.20");
        assertThat(enterprise.get("/api/enforcement/cases/" + id).status()).isEqualTo(200);
        assertThat(enterprise2.get("/api/enforcement/cases/" + id).status()).isEqualTo(404);
        assertThat(enterprise2.get("/api/enforcement/cases/" + id + "/audit").status()).isEqualTo(404);
        Response list2 = enterprise2.get("/api/enforcement/cases");
        ok(list2);
        list2.json().forEach(c -> assertThat(c.get("enterpriseId").asLong()).isEqualTo(2L));
        assertThat(enterprise2.post("/api/enforcement/cases/" + id + "/tasks/Task_DecideMeasure",
                Map.of("measure", "ORDER_TO_CORRECT")).status()).isEqualTo(404);
        assertThat(enterprise.post("/api/enforcement/cases/" + id + "/tasks/Task_DecideMeasure",
                Map.of("measure", "ORDER_TO_CORRECT")).status()).isEqualTo(403);
        assertThat(reviewer.post("/api/enforcement/cases/" + id + "/tasks/Task_Rectify",
                Map.of("completionReport", "x")).status()).isEqualTo(409);
        assertThat(reviewer.post("/api/enforcement/cases/" + id + "/tasks/NoSuchStep", Map.of()).status())
                .isEqualTo(404);
        Response missing = reviewer.post("/api/enforcement/cases/" + id + "/tasks/Task_DecideMeasure", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).contains("measure", "orderText");
    }

    @Test
    void drivenThroughTheApiToPublishedDecisionLiftedAndBlacklistThenDelisted() {
        long id = openedFromInspection(910004L, "1.60");
        String base = "/api/enforcement/cases/" + id;
        ok(reviewer.post(base + "/tasks/Task_DecideMeasure", Map.of("measure", "LIMIT_PRODUCTION",
                "orderText", "责令限制生产", "rectificationMonths", 2)));
        Response tooLong = reviewer.post(base + "/tasks/Task_ApproveMeasure", Map.of("approval", "APPROVE"));
        assertThat(tooLong.status()).as("reviewer is not the bureau head").isEqualTo(403);
        ok(supervisor.post(base + "/tasks/Task_ApproveMeasure", Map.of("approval", "APPROVE")));
        ok(enterprise.post(base + "/tasks/Task_SubmitRectificationPlan", Map.of("planText", "安装铅深度处理设施")));
        ok(enterprise.upload(base + "/documents", Map.of("title", "整改照片"), "after.png", "image/png", ApiClient.png()));
        Response text = enterprise.upload(base + "/documents", Map.of("title", "说明"), "a.png", "image/png",
                "not an image".getBytes());
        assertThat(fields(text)).containsExactly("file");

        Response pub = anonymous.get("/api/public/enforcement/decisions");
        ok(pub);
        JsonNode mine = null;
        for (JsonNode d : pub.json()) {
            if (d.get("caseReference").asText().equals(read(reviewer, id).at("/summary/reference").asText())) {
                mine = d;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("measure").asText()).isEqualTo("LIMIT_PRODUCTION");
        assertThat(mine.get("plan").asText()).isEqualTo("安装铅深度处理设施");
        assertThat(mine.get("publishedOn").asText()).isEqualTo("2026-03-02");
        assertThat(mine.get("rectificationDue").asText()).isEqualTo("2026-05-06");
        assertThat(mine.has("openedBy")).isFalse();
        assertThat(pub.body()).doesNotContain("reviewer").doesNotContain("enterprise-1");

        ok(enterprise.post(base + "/tasks/Task_Rectify", Map.of("completionReport", "完成")));
        Response wrongUnit = reviewer.post(base + "/reinspection", Map.of("results", List.of(measurement(0.3, "mg/m³"))));
        assertThat(wrongUnit.status()).isEqualTo(400);
        assertThat(fields(wrongUnit)).containsExactly("results[0].unit");
        Response negative = reviewer.post(base + "/reinspection", Map.of("results", List.of(measurement(-1, "mg/L"))));
        assertThat(fields(negative)).containsExactly("results[0].value");
        clock.set(ZonedDateTime.parse("2026-04-01T10:00:00+08:00").toInstant());
        ok(reviewer.post(base + "/reinspection", Map.of("results", List.of(measurement(0.3, "mg/L")), "comment", "达标")));
        JsonNode lifted = read(reviewer, id);
        assertThat(lifted.get("liftedOn").asText()).isEqualTo("2026-04-01");
        assertThat(lifted.at("/reinspectionResults/0/ratioToLimit").decimalValue()).isEqualByComparingTo("0.60");
        assertThat(anonymous.get("/api/public/enforcement/decisions").body()).contains("2026-04-01");

        ok(reviewer.post(base + "/tasks/Task_CloseCase", Map.of("blacklist", true, "blacklistGrounds",
                "重金属超标排放", "closingComment", "结案")));
        Response black = anonymous.get("/api/public/blacklist");
        ok(black);
        JsonNode listed = null;
        for (JsonNode e : black.json()) {
            if (e.get("grounds").asText().equals("重金属超标排放")) {
                listed = e;
            }
        }
        assertThat(listed).as(black.body()).isNotNull();
        assertThat(listed.get("uscc").asText()).hasSize(18);
        assertThat(listed.get("enterpriseName").asText()).isNotBlank();
        assertThat(listed.get("listedOn").asText()).isEqualTo("2026-04-01");
        Response violations = reviewer.get("/api/credit/enterprises/1/violations");
        ok(violations);
        assertThat(violations.body()).contains("\"caseId\":" + id);
        assertThat(enterprise.get("/api/credit/enterprises/1/violations").status()).isEqualTo(403);

        JsonNode closed = read(reviewer, id);
        assertThat(closed.at("/summary/state").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("blacklisted").asBoolean()).isTrue();
        String closing = closed.get("decisions").get(closed.get("decisions").size() - 1).get("changes").asText();
        long entryId = Long.parseLong(closing.replaceAll(".*\"blacklistEntryId\":(\\d+).*", "$1"));
        Response noReason = reviewer.post("/api/credit/blacklist/" + entryId + "/delisting", Map.of());
        assertThat(fields(noReason)).containsExactly("reason");
        assertThat(enterprise.post("/api/credit/blacklist/" + entryId + "/delisting", Map.of("reason", "x")).status())
                .isEqualTo(403);
        ok(reviewer.post("/api/credit/blacklist/" + entryId + "/delisting", Map.of("reason", "信用修复完成")));
        assertThat(anonymous.get("/api/public/blacklist").body()).doesNotContain("重金属超标排放");
    }

    @Test
    void aPoliceTransferIsSentAndAnsweredThroughTheApi() {
        long id = openedFromInspection(910005L, "4.00");
        String base = "/api/enforcement/cases/" + id;
        Response bad = reviewer.post(base + "/police-transfers", Map.of("policeUnit", " ", "sentOn", "2026-03-09"));
        assertThat(fields(bad)).containsExactlyInAnyOrder("kind", "policeUnit", "sentOn");
        Response sent = reviewer.post(base + "/police-transfers", Map.of("kind", "CRIMINAL",
                "policeUnit", "清远市公安局环境犯罪侦查支队", "sentOn", "2026-03-02"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(read(reviewer, id).get("openTasks").toString()).contains("Task_RecordPoliceAnswer");
        ok(reviewer.post(base + "/tasks/Task_RecordPoliceAnswer", Map.of("policeAnswer", "REFUSED",
                "policeAnswerNote", "证据不足")));
        JsonNode c = read(reviewer, id);
        assertThat(c.at("/policeTransfers/0/state").asText()).isEqualTo("REFUSED");
        assertThat(c.get("decisions").toString()).contains("POLICE_TRANSFER_SENT").contains("POLICE_TRANSFER_REFUSED");
    }
}
