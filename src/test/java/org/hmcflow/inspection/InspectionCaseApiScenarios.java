package org.hmcflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiScenarios;
import org.hmcflow.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

/**
 * 监督检查 over HTTP with the demo users: an inspection from the ad hoc start to its findings, evidence with access
 * control, bad monitoring input refused with the field named and nothing stored, who may act at which step, the
 * inspections of a drawn plan, and the public results.
 */
abstract class InspectionCaseApiScenarios extends ApiScenarios {

    static final String BASE = "/api/inspection/inspections";

    long inspector(String certificateNo) {
        for (JsonNode i : reviewer.get("/api/inspection/register/inspectors").json()) {
            if (i.get("certificateNo").asText().equals(certificateNo)) {
                return i.get("id").asLong();
            }
        }
        throw new AssertionError("no inspector " + certificateNo);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + schema + "." + table, Long.class);
    }

    static List<String> fields(Response r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    static void ok(Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
    }

    long startAdHoc(boolean sampling) {
        Response r = reviewer.post(BASE, Map.of("enterpriseId", 1, "inspectorIds",
                List.of(inspector("44180020180001"), inspector("44180020180002")), "reason", "群众举报：夜间排放异味",
                "samplingRequired", sampling));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static List<Map<String, Object>> answers(String nonCompliantItem) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (String item : List.of("PERMIT_HELD", "FUGITIVE_LEAD_CAPTURE", "LEAD_FUME_TREATMENT", "RAW_MATERIAL_STORAGE",
                "WASTEWATER_REUSE", "HAZARDOUS_WASTE", "SELF_MONITORING")) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("itemCode", item);
            a.put("answer", item.equals(nonCompliantItem) ? "NON_COMPLIANT" : "COMPLIANT");
            if (item.equals(nonCompliantItem)) {
                a.put("note", "废水处理设施旁路阀门开启，处理设施未运行");
            }
            answers.add(a);
        }
        return answers;
    }

    static Map<String, Object> result(String pollutant, String point, Object value, String unit, Object limit, String limitUnit) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("pollutant", pollutant);
        r.put("point", point);
        r.put("value", value);
        r.put("unit", unit);
        r.put("limit", limit);
        r.put("limitUnit", limitUnit);
        return r;
    }

    @Test
    void anInspectionRunsThroughTheApiFromStartToViolationsWithEvidenceAndAudit() throws Exception {
        // an open hazard of the enterprise is shown in the preparation
        Response hazard = enterprise.post("/api/hazards", Map.of("title", "危废仓库地面裂缝", "description", "危废仓库地面出现裂缝",
                "location", "危废仓库", "pollutants", List.of("Pb")));
        assertThat(hazard.status()).as(hazard.body()).isEqualTo(201);
        long id = startAdHoc(true);

        Response prep = reviewer.get(BASE + "/" + id + "/preparation");
        assertThat(prep.status()).as(prep.body()).isEqualTo(200);
        JsonNode p = prep.json();
        assertThat(p.get("enterpriseName").asText()).isEqualTo("清远市尤尼电源科技有限公司");
        assertThat(p.at("/checklist/code").asText()).isEqualTo("LEAD_ACID_BATTERY");
        assertThat(p.at("/checklist/items")).hasSize(7);
        p.at("/checklist/items").forEach(i -> assertThat(i.get("basis").asText()).isNotBlank());
        assertThat(p.get("openHazards")).extracting(h -> h.get("id").asLong()).contains(hazard.json().get("id").asLong());
        assertThat(p.get("permitLimits").isArray()).isTrue();
        assertThat(p.get("inspectors")).extracting(i -> i.get("certificateNo").asText())
                .containsExactly("44180020180001", "44180020180002");
        assertThat(enterprise.get(BASE + "/" + id + "/preparation").status()).isEqualTo(403);

        // before the inspectors come, the enterprise does not know of it
        assertThat(enterprise.get(BASE + "/" + id).status()).isEqualTo(404);
        assertThat(enterprise.get(BASE).json().get("items")).extracting(i -> i.get("id").asLong()).doesNotContain(id);
        ok(reviewer.post(BASE + "/" + id + "/preparation", Map.of("preparationNote", "已调阅许可证", "samplingRequired", true)));

        // evidence: by the inspectors' department, type by content, SHA-256 kept, download with access control
        Response photo = reviewer.upload(BASE + "/" + id + "/evidence", Map.of("kind", "PHOTO"), "车间.png", "image/png",
                ApiClient.png());
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        assertThat(photo.json().get("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ApiClient.png())));
        long photoId = photo.json().get("id").asLong();
        Response pdfAsPhoto = reviewer.upload(BASE + "/" + id + "/evidence", Map.of("kind", "PHOTO"), "x.pdf",
                "application/pdf", "%PDF-1.4 test".getBytes());
        assertThat(pdfAsPhoto.status()).isEqualTo(400);
        assertThat(fields(pdfAsPhoto)).containsExactly("file");
        Response notAFile = reviewer.upload(BASE + "/" + id + "/evidence", Map.of("kind", "DOCUMENT"), "x.exe",
                "application/octet-stream", "MZ....".getBytes());
        assertThat(fields(notAFile)).containsExactly("file");
        assertThat(enterprise.upload(BASE + "/" + id + "/evidence", Map.of("kind", "PHOTO"), "a.png", "image/png",
                ApiClient.png()).status()).isEqualTo(404);
        assertThat(reviewer2.upload(BASE + "/" + id + "/evidence", Map.of("kind", "PHOTO"), "a.png", "image/png",
                ApiClient.png()).status()).isEqualTo(403);

        // the on-site record: an item left out is named
        List<Map<String, Object>> incomplete = new ArrayList<>(answers("WASTEWATER_REUSE"));
        incomplete.remove(0);
        Map<String, Object> onSite = new LinkedHashMap<>();
        onSite.put("inspectedOn", "2026-03-02");
        onSite.put("presentInspectorIds", List.of(inspector("44180020180001"), inspector("44180020180002")));
        onSite.put("answers", incomplete);
        onSite.put("recordSummary", "检查废水处理站、铅烟治理设施；废水处理设施旁路阀门开启");
        onSite.put("witness", "园区管委会 李明");
        Response missing = reviewer.post(BASE + "/" + id + "/on-site-record", onSite);
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(fields(missing)).containsExactly("answers");
        // a non-compliance without its note and one inspector: named by row and field as the form names them
        List<Map<String, Object>> noNote = new ArrayList<>(answers("WASTEWATER_REUSE"));
        noNote.get(4).remove("note");
        onSite.put("answers", noNote);
        onSite.put("presentInspectorIds", List.of(inspector("44180020180001")));
        Response badRow = reviewer.post(BASE + "/" + id + "/on-site-record", onSite);
        assertThat(badRow.status()).as(badRow.body()).isEqualTo(400);
        assertThat(fields(badRow)).containsExactlyInAnyOrder("answers[4].note", "presentInspectorIds");
        onSite.put("presentInspectorIds", List.of(inspector("44180020180001"), inspector("44180020180002")));
        onSite.put("answers", answers("WASTEWATER_REUSE"));
        assertThat(enterprise.post(BASE + "/" + id + "/on-site-record", onSite).status()).isEqualTo(404);
        ok(reviewer.post(BASE + "/" + id + "/on-site-record", onSite));

        // now the enterprise sees it, with its record and evidence, and confirms
        JsonNode seen = enterprise.get(BASE + "/" + id).json();
        assertThat(seen.at("/inspection/state").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(seen.get("answers")).hasSize(7);
        assertThat(enterprise.get(BASE + "/" + id + "/evidence/" + photoId).status()).isEqualTo(200);
        Response download = reviewer.get(BASE + "/" + id + "/evidence/" + photoId);
        assertThat(download.raw().headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(enterprise2.get(BASE + "/" + id + "/evidence/" + photoId).status()).isEqualTo(404);
        assertThat(enterprise2.get(BASE + "/" + id).status()).isEqualTo(404);
        assertThat(reviewer.post(BASE + "/" + id + "/confirmation", Map.of("recordConfirmation", "CONFIRM",
                "representative", "x")).status()).as("not the reviewer's step").isEqualTo(403);
        ok(enterprise.post(BASE + "/" + id + "/confirmation", Map.of("recordConfirmation", "CONFIRM", "representative", "陈厂长")));

        // monitoring: a wrong unit and a negative value are refused with the fields named; nothing is stored
        long measurementsBefore = count("inspection_measurement");
        long auditBefore = count("audit_event");
        Response bad = monitor.inEnglish().post(BASE + "/" + id + "/monitoring-results", Map.of(
                "monitoringReportNo", "QYJC-2026-0302", "sampledOn", "2026-03-02",
                "results", List.of(result("Pb", "DW001", 0.8, "mg/m³", 0.5, "mg/L"),
                        result("Cd", "DW001", -0.01, "mg/L", 0.01, "mg/L"))));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("results[0].unit", "results[1].value");
        assertThat(bad.body()).contains("DW001");
        assertThat(count("inspection_measurement")).isEqualTo(measurementsBefore);
        assertThat(count("audit_event")).isEqualTo(auditBefore);
        assertThat(reviewer.post(BASE + "/" + id + "/monitoring-results", Map.of()).status())
                .as("the station's step, not the inspectors'").isEqualTo(403);
        ok(monitor.post(BASE + "/" + id + "/monitoring-results", Map.of("monitoringReportNo", "QYJC-2026-0302",
                "sampledOn", "2026-03-02", "results", List.of(result("Pb", "DW001", 1.6, "mg/L", 0.5, "mg/L"),
                        result("Cd", "DW001", 4, "ug/L", 0.01, "mg/L")))));
        assertThat(count("inspection_measurement")).isEqualTo(measurementsBefore + 2);

        // findings: only the inspectors' department; the violations are referred
        assertThat(reviewer2.post(BASE + "/" + id + "/findings", Map.of("violationFound", true, "findingsComment", "x"))
                .status()).isEqualTo(403);
        ok(reviewer.post(BASE + "/" + id + "/findings", Map.of("hazardFound", true, "violationFound", true,
                "findingsComment", "超标排放且治理设施未正常运行，移送查处；旁路阀门须整改",
                "hazardTitle", "废水处理设施设有旁路", "hazardLocation", "废水处理站",
                "violations", List.of(Map.of("itemCode", "WASTEWATER_REUSE", "kind", "FACILITY_NOT_RUNNING",
                        "description", "废水处理设施旁路排放")))));
        JsonNode done = supervisor.get(BASE + "/" + id).json();
        assertThat(done.at("/inspection/state").asText()).isEqualTo("REFERRED");
        assertThat(done.at("/inspection/result").asText()).isEqualTo("HAZARD_AND_VIOLATION");
        // the hazard case links back to the inspection, in its own JSON
        long hazardId = done.at("/inspection/hazardId").asLong();
        JsonNode hazardCase = reviewer.get("/api/hazards/" + hazardId).json();
        assertThat(hazardCase.get("originInspectionId").asLong()).isEqualTo(id);
        assertThat(hazardCase.at("/hazard/source").asText()).isEqualTo("BUREAU_INSPECTION");
        assertThat(hazardCase.at("/hazard/title").asText()).isEqualTo("废水处理设施设有旁路");
        assertThat(done.get("measurements")).extracting(m -> m.get("ratioToLimit").asDouble(),
                m -> m.get("exceeds").asBoolean()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3.2, true), org.assertj.core.groups.Tuple.tuple(0.4, false));
        assertThat(done.get("violations")).extracting(v -> v.get("kind").asText()).containsExactly("FACILITY_NOT_RUNNING");
        assertThat(done.get("openTasks")).isEmpty();

        // the referral opened an enforcement case from the findings, with nothing retyped: Pb at 3.2× the standard
        // proposes 停产整治 through the measures table, grounds shown (部令第30号 Art 6)
        JsonNode enforcementCase = null;
        for (JsonNode c : reviewer.get("/api/enforcement/cases").json()) {
            if (c.path("inspectionId").asLong() == id) {
                assertThat(enforcementCase).as("one case per inspection").isNull();
                enforcementCase = c;
            }
        }
        assertThat(enforcementCase).as("an enforcement case for inspection " + id).isNotNull();
        assertThat(enforcementCase.get("source").asText()).isEqualTo("INSPECTION");
        assertThat(enforcementCase.get("proposedMeasure").asText()).isEqualTo("SUSPEND_FOR_RECTIFICATION");
        assertThat(enforcementCase.get("proposedGrounds").asText()).contains("第六条");
        long caseId = enforcementCase.get("id").asLong();
        JsonNode caseDetail = reviewer.get("/api/enforcement/cases/" + caseId).json();
        assertThat(caseDetail.get("violations")).anySatisfy(v -> {
            assertThat(v.get("kind").asText()).isEqualTo("EXCEEDS_STANDARD");
            assertThat(v.get("pollutant").asText()).isEqualTo("Pb");
            assertThat(v.get("ratioToLimit").asDouble()).isEqualTo(3.2);
            assertThat(v.get("measure").asText()).isEqualTo("SUSPEND_FOR_RECTIFICATION");
            assertThat(v.get("grounds").asText()).contains("三倍");
        });
        assertThat(caseDetail.get("violations")).extracting(v -> v.get("kind").asText())
                .contains("FACILITY_NOT_RUNNING");
        assertThat(caseDetail.get("decisions").get(0).get("action").asText()).isEqualTo("CASE_OPENED");
        assertThat(enterprise.get("/api/enforcement/cases/" + caseId).status()).isEqualTo(200);
        assertThat(enterprise2.get("/api/enforcement/cases/" + caseId).status()).isEqualTo(404);

        JsonNode trail = supervisor.get(BASE + "/" + id + "/audit").json();
        assertThat(trail).extracting(e -> e.get("action").asText()).containsExactly("STARTED", "PREPARED",
                "EVIDENCE_ATTACHED", "ON_SITE_RECORDED", "RECORD_CONFIRMED", "MONITORING_RESULTS_ENTERED",
                "FINDINGS_REFERRED");
        assertThat(trail).extracting(e -> e.get("actor").asText()).containsExactly("reviewer", "reviewer", "reviewer",
                "reviewer", "enterprise", "monitor", "reviewer");
        assertThat(trail.get(6).get("changes").asText()).contains("EXCEEDS_STANDARD:Pb").contains("FACILITY_NOT_RUNNING");

        // published: enterprise, day and result; nothing personal
        Response published = new ApiClient(port, null).get("/api/public/inspections/results");
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json()).anySatisfy(r -> {
            assertThat(r.get("inspectionId").asLong()).isEqualTo(id);
            assertThat(r.get("result").asText()).isEqualTo("HAZARD_AND_VIOLATION");
            assertThat(r.get("inspectedOn").asText()).isEqualTo("2026-03-02");
        });
        assertThat(published.body()).doesNotContain("陈厂长").doesNotContain("李明").doesNotContain("44180020180001");
        // no more evidence on a decided inspection
        assertThat(reviewer.upload(BASE + "/" + id + "/evidence", Map.of("kind", "PHOTO"), "late.png", "image/png",
                ApiClient.png()).status()).isEqualTo(409);
    }

    @Test
    void anAdHocStartKeepsTheRegisterRulesAndOnlyTheCityBureauStarts() {
        long before = count("inspection");
        long auditBefore = count("audit_event");
        Response one = reviewer.post(BASE, Map.of("enterpriseId", 1, "inspectorIds", List.of(inspector("44180020180001")),
                "reason", "举报"));
        assertThat(one.status()).isEqualTo(400);
        assertThat(fields(one)).containsExactly("inspectorIds");
        // 何丽娟 declared a conflict with enterprise 2; 邓志明 works for 英德市, not 清城区
        Response conflicted = reviewer.post(BASE, Map.of("enterpriseId", 2, "inspectorIds",
                List.of(inspector("44180220200012"), inspector("44188120180031")), "reason", ""));
        assertThat(conflicted.status()).isEqualTo(400);
        assertThat(fields(conflicted)).containsExactlyInAnyOrder("reason", "inspectorIds", "inspectorIds");
        assertThat(conflicted.body()).contains("何丽娟").contains("邓志明");
        Map<String, Object> fine = Map.of("enterpriseId", 1, "inspectorIds",
                List.of(inspector("44180020180001"), inspector("44180020180002")), "reason", "举报");
        assertThat(reviewer2.post(BASE, fine).status()).isEqualTo(403);
        assertThat(enterprise.post(BASE, fine).status()).isEqualTo(403);
        assertThat(monitor.post(BASE, fine).status()).isEqualTo(403);
        assertThat(count("inspection")).isEqualTo(before);
        assertThat(count("audit_event")).isEqualTo(auditBefore);
    }

    @Test
    void theMonitoringStationSeesOnlySampledInspectionsAndTheListFilters() {
        long unsampled = startAdHoc(false);
        long sampled = startAdHoc(true);
        assertThat(monitor.get(BASE + "/" + unsampled).status()).isEqualTo(404);
        assertThat(monitor.get(BASE + "/" + sampled).status()).isEqualTo(200);
        assertThat(monitor.get(BASE + "?size=200").json().get("items")).extracting(i -> i.get("samplingRequired").asBoolean())
                .containsOnly(true);
        JsonNode preparing = reviewer.get(BASE + "?state=PREPARING&enterpriseId=1&size=200").json().get("items");
        assertThat(preparing).extracting(i -> i.get("id").asLong()).contains(unsampled, sampled);
        assertThat(preparing).extracting(i -> i.get("state").asText()).containsOnly("PREPARING");
        // a step out of turn is a conflict, not a silent no-op
        Response early = reviewer.post(BASE + "/" + sampled + "/findings", Map.of("findingsComment", "x"));
        assertThat(early.status()).isEqualTo(409);
    }

    @Test
    void theDrawnEnterprisesOfAPlanAreInspectedOnceEach() {
        clock.set(ZonedDateTime.parse("2039-03-02T09:30:00+08:00").toInstant());
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", "2039年英德市重金属重点企业日常监督检查");
        plan.put("type", "PERIODIC");
        plan.put("year", 2039);
        plan.put("county", "英德市");
        plan.put("scope", "污染防治设施运行、危险废物贮存");
        plan.put("scopePollutants", List.of());
        plan.put("periodStart", "2039-03-01");
        plan.put("periodEnd", "2039-06-30");
        plan.put("publishAfter", "2039-07-01");
        Response created = reviewer.post("/api/inspection/plans", plan);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long planId = created.json().get("id").asLong();
        assertThat(reviewer.post(BASE + "/for-plan/" + planId, Map.of()).status()).as("not drawn yet").isEqualTo(409);
        Response drawn = reviewer.post("/api/inspection/plans/" + planId + "/draw", Map.of("seed", 20390302));
        assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
        Map<Long, List<Long>> inspectorsByEnterprise = new LinkedHashMap<>();
        drawn.json().get("inspections").forEach(i -> {
            List<Long> ids = new ArrayList<>();
            i.get("inspectors").forEach(x -> ids.add(x.get("id").asLong()));
            inspectorsByEnterprise.put(i.get("enterpriseId").asLong(), ids);
        });
        assertThat(inspectorsByEnterprise).isNotEmpty();

        assertThat(reviewer2.post(BASE + "/for-plan/" + planId, Map.of()).status()).isEqualTo(403);
        Response started = reviewer.post(BASE + "/for-plan/" + planId, Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json()).hasSize(inspectorsByEnterprise.size());
        for (JsonNode s : started.json()) {
            assertThat(s.get("planId").asLong()).isEqualTo(planId);
            assertThat(s.get("origin").asText()).isEqualTo("PLAN");
            JsonNode detail = reviewer.get(BASE + "/" + s.get("id").asLong()).json();
            List<Long> sent = new ArrayList<>();
            detail.get("inspectorIds").forEach(x -> sent.add(x.asLong()));
            assertThat(sent).isEqualTo(inspectorsByEnterprise.get(s.get("enterpriseId").asLong()));
            assertThat(detail.get("openTasks")).extracting(t -> t.get("key").asText()).containsExactly("Task_PrepareInspection");
        }
        assertThat(reviewer.post(BASE + "/for-plan/" + planId, Map.of()).json()).as("started once").isEmpty();
        assertThat(reviewer.get(BASE + "?planId=" + planId + "&size=200").json().get("total").asLong())
                .isEqualTo(inspectorsByEnterprise.size());
    }
}
