package org.hmcflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.enterprise.Uscc;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiClient.Response;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 双随机、一公开 over HTTP with the demo users and registers: who may do what, bad input writes nothing, a draw is
 * reproducible and audited, conflicts hold, and the list turns public on its date as the engine clock moves.
 *
 * <p>The application is shared with other tests, so each test works in a year of its own, far enough from the others
 * that no earlier draw counts as a recent inspection, and puts back what it changes in the registers.
 */
@H2AppTest
class InspectionApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String REGISTER = "/api/inspection/register";
    private static final String PLANS = "/api/inspection/plans";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EnterpriseService enterprises;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ApiClient as(String user) {
        return new ApiClient(port, user);
    }

    private static void clockAt(String isoLocalDateTime) {
        ClockUtil.setCurrentTime(Date.from(java.time.LocalDateTime.parse(isoLocalDateTime).atZone(ZONE).toInstant()));
    }

    /** The demo enterprises by the body of their USCC (附表5 rows, see DemoData). */
    private long enterprise(String usccBody) {
        return enterprises.findByUscc(Uscc.withCheckCharacter(usccBody)).orElseThrow().getId();
    }

    private long yuequan() {
        return enterprise("91441881MA5HMC003"); // 英德市, key risk source
    }

    private long jiana() {
        return enterprise("91441881MA5HMC005"); // 英德市, key-monitored and key risk source
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("supervision_entry", "inspector", "inspector_conflict", "inspection_plan",
                "inspection_draw", "drawn_inspection", "drawn_inspection_inspector", "audit_event")) {
            counts.put(table, jdbc.queryForObject("select count(*) from HMC." + table, Long.class));
        }
        return counts;
    }

    private static List<String> fields(Response r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static Map<String, Object> plan(String name, String type, int year, String county, String start, String end,
                                            String publishAfter, List<String> pollutants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("year", year);
        body.put("county", county);
        body.put("scope", "涉重金属企业日常监督检查：污染防治设施运行、在线监测、危险废物贮存");
        body.put("scopePollutants", pollutants);
        body.put("periodStart", start);
        body.put("periodEnd", end);
        body.put("publishAfter", publishAfter);
        return body;
    }

    private long createPlan(Map<String, Object> body) {
        Response created = as("reviewer").post(PLANS, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private List<String> auditActions(String caseType, Object caseId) {
        return jdbc.queryForList("select action from HMC.audit_event where case_type = ? and case_id = ? order by id",
                String.class, caseType, String.valueOf(caseId));
    }

    /** Active inspectors who may go to an enterprise in {@code county}: city level or that county. */
    private List<Long> inspectorsFor(String county) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode i : as("reviewer").get(REGISTER + "/inspectors").json()) {
            if (i.get("active").asBoolean() && (i.get("county").isNull() || county.equals(i.get("county").asText()))) {
                ids.add(i.get("id").asLong());
            }
        }
        return ids;
    }

    private static Set<Long> ids(JsonNode array, String field) {
        Set<Long> ids = new HashSet<>();
        array.forEach(n -> ids.add(n.get(field).asLong()));
        return ids;
    }

    // ---- permissions ----

    @Test
    void enterprisesSeeNoRegistersOrPlansAndOnlyTheCityBureauKeepsThem() {
        ApiClient enterprise = as("enterprise");
        for (String path : List.of(REGISTER + "/enterprises", REGISTER + "/inspectors", REGISTER + "/conflicts", PLANS)) {
            assertThat(enterprise.get(path).status()).as("enterprise GET " + path).isEqualTo(403);
            assertThat(as("supervisor").get(path).status()).as("supervisor GET " + path).isEqualTo(200);
            assertThat(as("reviewer2").get(path).status()).as("reviewer2 GET " + path).isEqualTo(200);
        }
        Map<String, Object> plan = plan("权限测试", "CAMPAIGN", 2029, null, "2029-01-01", "2029-12-31", "2029-12-31", List.of());
        Map<String, Object> inspector = Map.of("name", "赵测试", "departmentCode", "gov-lianzhou", "certificateNo", "44188220290001");
        Map<String, Long> before = counts();
        for (String user : List.of("enterprise", "supervisor", "reviewer2")) {
            assertThat(as(user).post(PLANS, plan).status()).as(user + " creates a plan").isEqualTo(403);
            assertThat(as(user).post(REGISTER + "/inspectors", inspector).status()).as(user + " registers").isEqualTo(403);
            assertThat(as(user).post(REGISTER + "/conflicts", Map.of("inspectorId", 1, "enterpriseId", yuequan(),
                    "reason", "x")).status()).isEqualTo(403);
            assertThat(as(user).post(PLANS + "/1/draw", Map.of()).status()).as(user + " draws").isEqualTo(403);
        }
        assertThat(as("reviewer2").put(REGISTER + "/enterprises/" + yuequan(), Map.of("permitCategory", "KEY",
                "keyMonitored", false, "keyRiskSource", true)).status()).isEqualTo(403);
        assertThat(as("enterprise").get(PLANS + "/1/draw/verification").status()).isEqualTo(403);
        assertThat(counts()).isEqualTo(before);

        // The demo register: every demo enterprise is entered; enterprises of the register have a county.
        JsonNode register = as("supervisor").get(REGISTER + "/enterprises").json();
        JsonNode jianaRow = StreamSupport.stream(register.spliterator(), false)
                .filter(r -> r.get("enterpriseId").asLong() == jiana()).findFirst().orElseThrow();
        assertThat(jianaRow.get("entered").asBoolean()).isTrue();
        assertThat(jianaRow.get("permitCategory").asText()).isEqualTo("KEY");
        assertThat(jianaRow.get("keyMonitored").asBoolean()).isTrue();
        assertThat(jianaRow.get("county").asText()).isEqualTo("英德市");
        assertThat(as("supervisor").get(REGISTER + "/inspectors").json().size()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void registerChangesAreAudited() {
        clockAt("2029-05-06T10:00:00");
        Response created = as("reviewer").post(REGISTER + "/inspectors",
                Map.of("name", "赵连州", "departmentCode", "gov-lianzhou", "certificateNo", "44188220290101"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("county").asText()).as("the county government's county").isEqualTo("连州市");
        assertThat(created.json().get("active").asBoolean()).isTrue();

        Response deactivated = as("admin").put(REGISTER + "/inspectors/" + id, Map.of("name", "赵连州",
                "departmentCode", "gov-lianzhou", "certificateNo", "44188220290101", "active", false));
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();

        Response conflict = as("reviewer").post(REGISTER + "/conflicts",
                Map.of("inspectorId", id, "enterpriseId", yuequan(), "reason", "曾在该企业任环保专员"));
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(201);
        long conflictId = conflict.json().get("id").asLong();
        assertThat(ids(as("supervisor").get(REGISTER + "/conflicts?inspectorId=" + id).json(), "id")).containsExactly(conflictId);
        assertThat(as("reviewer").method("DELETE", REGISTER + "/conflicts/" + conflictId).status()).isEqualTo(204);
        assertThat(as("reviewer").method("DELETE", REGISTER + "/conflicts/" + conflictId).status()).isEqualTo(404);

        assertThat(auditActions("INSPECTOR", id)).containsExactly("REGISTERED", "UPDATED", "CONFLICT_DECLARED",
                "CONFLICT_WITHDRAWN");
        Map<String, Object> row = jdbc.queryForMap("select actor, changes, occurred_at from HMC.audit_event"
                + " where case_type = 'INSPECTOR' and case_id = ? and action = 'UPDATED'", String.valueOf(id));
        assertThat(row.get("actor")).isEqualTo("admin");
        assertThat((String) row.get("changes")).contains("\"active\":false");

        // Reclassifying an enterprise (with its demo values, so other tests see the same register) is audited too.
        long before = auditActions("SUPERVISION_ENTRY", yuequan()).size();
        Response classified = as("reviewer").put(REGISTER + "/enterprises/" + yuequan(), Map.of("permitCategory", "KEY",
                "keyMonitored", false, "keyRiskSource", true, "creditColour", "GREEN"));
        assertThat(classified.status()).as(classified.body()).isEqualTo(200);
        assertThat(auditActions("SUPERVISION_ENTRY", yuequan())).hasSize((int) before + 1).last().isEqualTo("RECLASSIFIED");
        assertThat(as("reviewer").put(REGISTER + "/enterprises/999999", Map.of("permitCategory", "KEY",
                "keyMonitored", false, "keyRiskSource", true)).status()).isEqualTo(404);
    }

    // ---- validation ----

    @Test
    void badInputNamesEveryFieldAndWritesNothing() {
        clockAt("2029-05-06T10:00:00");
        Map<String, Long> before = counts();

        Map<String, Object> periodic = plan("2030年日常监督检查", "PERIODIC", 2030, " ", "2031-01-01", "2030-01-01",
                "2029-12-01", List.of("Pb", "Xx"));
        Response badPlan = as("reviewer").post(PLANS, periodic);
        assertThat(badPlan.status()).isEqualTo(400);
        assertThat(fields(badPlan)).containsExactlyInAnyOrder("county", "scopePollutants[1]", "periodStart", "periodEnd",
                "publishAfter");

        Map<String, Object> unknownCounty = plan("专项", "CAMPAIGN", 2030, "火星县", "2030-03-01", "2030-05-31",
                "2030-06-01", null);
        assertThat(fields(as("reviewer").post(PLANS, unknownCounty))).containsExactly("county");

        Map<String, Object> missing = plan("", null, 2030, null, null, "2030-05-31", "2030-06-01", null);
        Response beanValidation = as("reviewer").post(PLANS, missing);
        assertThat(beanValidation.status()).isEqualTo(400);
        assertThat(fields(beanValidation)).containsExactlyInAnyOrder("name", "type", "periodStart");

        Response badInspector = as("reviewer").post(REGISTER + "/inspectors", Map.of("name", "钱测试",
                "departmentCode", "no-such-department", "county", "火星县", "certificateNo", "44180020180001"));
        assertThat(badInspector.status()).isEqualTo(400);
        assertThat(fields(badInspector)).containsExactlyInAnyOrder("departmentCode", "county", "certificateNo");
        Response wrongCounty = as("reviewer").post(REGISTER + "/inspectors", Map.of("name", "钱测试",
                "departmentCode", "gov-yingde", "county", "清城区", "certificateNo", "44188120290999"));
        assertThat(fields(wrongCounty)).containsExactly("county");
        assertThat(wrongCounty.json().get("errors").get(0).get("message").asText()).contains("英德市");
        assertThat(fields(as("reviewer").post(REGISTER + "/inspectors", Map.of("name", " ",
                "departmentCode", "city-epb", "certificateNo", "证号")))).containsExactlyInAnyOrder("name", "certificateNo");

        Response badConflict = as("reviewer").post(REGISTER + "/conflicts", Map.of("inspectorId", 999999,
                "enterpriseId", 999999, "reason", "亲属"));
        assertThat(fields(badConflict)).containsExactlyInAnyOrder("inspectorId", "enterpriseId");

        Response badClassification = as("reviewer").put(REGISTER + "/enterprises/" + yuequan(),
                Map.of("permitCategory", "HUGE", "keyMonitored", false, "keyRiskSource", true));
        assertThat(badClassification.status()).isEqualTo(400);
        assertThat(fields(as("reviewer").put(REGISTER + "/enterprises/" + yuequan(), Map.of("creditColour", "RED"))))
                .containsExactlyInAnyOrder("permitCategory", "keyMonitored", "keyRiskSource");

        Response badSeed = as("reviewer").post(PLANS + "/1/draw", Map.of("seed", -1));
        assertThat(fields(badSeed)).containsExactly("seed");

        assertThat(counts()).isEqualTo(before);
    }

    // ---- the draw ----

    @Test
    void aDrawIsReproducibleAuditedAndPublicFromItsDate() throws Exception {
        clockAt("2031-03-02T09:30:00");
        long planId = createPlan(plan("2031年英德市重金属重点企业日常监督检查（第一批）", "PERIODIC", 2031, "英德市",
                "2031-03-01", "2031-06-30", "2031-07-01", List.of()));
        Map<String, Long> before = counts();

        Response drawn = as("reviewer").post(PLANS + "/" + planId + "/draw", Map.of("seed", 20310302));
        assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
        JsonNode draw = drawn.json();
        assertThat(draw.get("seed").asLong()).isEqualTo(20310302);
        assertThat(draw.get("algorithm").asText()).isEqualTo(RandomDraw.ALGORITHM);
        Map<Long, JsonNode> byEnterprise = new LinkedHashMap<>();
        draw.get("inspections").forEach(i -> byEnterprise.put(i.get("enterpriseId").asLong(), i));
        // Both key enterprises of 英德市 are inspected: the first periodic plan of the year covers them.
        assertThat(byEnterprise).containsKeys(yuequan(), jiana());
        assertThat(byEnterprise.get(jiana()).get("mandatory").asBoolean()).isTrue();
        assertThat(byEnterprise.get(jiana()).get("fullIndicatorMonitoring").asBoolean()).as("key-monitored").isTrue();
        assertThat(byEnterprise.get(yuequan()).get("fullIndicatorMonitoring").asBoolean()).as("risk source only").isFalse();
        List<Long> yingde = inspectorsFor("英德市");
        for (JsonNode inspection : draw.get("inspections")) {
            Set<Long> sent = ids(inspection.get("inspectors"), "id");
            assertThat(sent).hasSize(2).isSubsetOf(yingde);
            inspection.get("inspectors").forEach(i -> assertThat(i.get("departmentCode").asText()).isIn("city-epb", "gov-yingde"));
        }
        Map<String, Long> after = counts();
        assertThat(after.get("inspection_draw")).isEqualTo(before.get("inspection_draw") + 1);
        assertThat(after.get("drawn_inspection")).isEqualTo(before.get("drawn_inspection") + byEnterprise.size());

        // Audited with what it takes to check it.
        JsonNode trail = as("supervisor").get(PLANS + "/" + planId + "/audit").json();
        assertThat(trail).extracting(e -> e.get("action").asText()).containsExactly("CREATED", "DRAWN");
        String changes = trail.get(1).get("changes").asText();
        assertThat(changes).contains("\"seed\":20310302").contains(draw.get("snapshotSha256").asText())
                .contains(draw.get("enterpriseRegisterSha256").asText()).contains(draw.get("inspectorRegisterSha256").asText());

        // The stored snapshot is the one hashed; re-running it gives the same list.
        Response snapshot = as("supervisor").get(PLANS + "/" + planId + "/draw/snapshot");
        assertThat(DrawSnapshot.sha256(snapshot.body())).isEqualTo(draw.get("snapshotSha256").asText());
        assertThat(RandomDraw.draw(20310302, DrawSnapshot.decode(snapshot.body())))
                .extracting(RandomDraw.Selected::enterpriseId).containsExactlyElementsOf(byEnterprise.keySet());
        JsonNode verified = as("supervisor").get(PLANS + "/" + planId + "/draw/verification").json();
        assertThat(verified.get("matches").asBoolean()).isTrue();
        assertThat(verified.get("snapshotIntact").asBoolean()).isTrue();
        assertThat(verified.get("resultMatches").asBoolean()).isTrue();
        assertThat(verified.get("enterpriseRegisterUnchanged").asBoolean()).isTrue();
        assertThat(verified.get("inspectorRegisterUnchanged").asBoolean()).isTrue();

        // Once only.
        Response again = as("reviewer").post(PLANS + "/" + planId + "/draw", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("2031-03-02");
        assertThat(counts().get("inspection_draw")).isEqualTo(after.get("inspection_draw"));

        // A changed list or snapshot is caught, and the enterprise named.
        long tampered = byEnterprise.keySet().iterator().next();
        Long inspectionId = jdbc.queryForObject("select id from HMC.drawn_inspection where draw_id = ? and enterprise_id = ?",
                Long.class, draw.get("drawId").asLong(), tampered);
        Long sent = jdbc.queryForObject("select inspector_id from HMC.drawn_inspection_inspector where inspection_id = ? and seq = 0",
                Long.class, inspectionId);
        long stranger = inspectorsFor("英德市").stream().filter(id -> !ids(byEnterprise.get(tampered).get("inspectors"), "id")
                .contains(id)).findFirst().orElseThrow();
        jdbc.update("update HMC.drawn_inspection_inspector set inspector_id = ? where inspection_id = ? and seq = 0",
                stranger, inspectionId);
        try {
            JsonNode caught = as("supervisor").get(PLANS + "/" + planId + "/draw/verification").json();
            assertThat(caught.get("matches").asBoolean()).isFalse();
            assertThat(caught.get("resultMatches").asBoolean()).isFalse();
            assertThat(caught.get("snapshotIntact").asBoolean()).isTrue();
            assertThat(caught.get("differingEnterpriseIds")).extracting(JsonNode::asLong).containsExactly(tampered);
        } finally {
            jdbc.update("update HMC.drawn_inspection_inspector set inspector_id = ? where inspection_id = ? and seq = 0",
                    sent, inspectionId);
        }
        String stored = snapshot.body();
        jdbc.update("update HMC.inspection_draw set snapshot = ? where plan_id = ?",
                stored.replace("\"recentInspectionDays\":365", "\"recentInspectionDays\":30"), planId);
        try {
            JsonNode caught = as("supervisor").get(PLANS + "/" + planId + "/draw/verification").json();
            assertThat(caught.get("snapshotIntact").asBoolean()).isFalse();
            assertThat(caught.get("matches").asBoolean()).isFalse();
        } finally {
            jdbc.update("update HMC.inspection_draw set snapshot = ? where plan_id = ?", stored, planId);
        }
        assertThat(as("supervisor").get(PLANS + "/" + planId + "/draw/verification").json().get("matches").asBoolean()).isTrue();

        // 一公开: not until the publish-after date has passed (not even "it exists"), then without login.
        ApiClient anyone = new ApiClient(port, null);
        assertThat(anyone.get("/api/public/inspections/plans/" + planId).status()).isEqualTo(404);
        assertThat(ids(anyone.get("/api/public/inspections/plans").json(), "planId")).doesNotContain(planId);
        clockAt("2031-07-01T23:59:00");
        assertThat(anyone.get("/api/public/inspections/plans/" + planId).status()).isEqualTo(404);
        assertThat(ids(anyone.get("/api/public/inspections/plans").json(), "planId")).doesNotContain(planId);
        clockAt("2031-07-02T00:00:01");
        assertThat(ids(anyone.get("/api/public/inspections/plans").json(), "planId")).contains(planId);
        Response published = anyone.get("/api/public/inspections/plans/" + planId);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("seed").asLong()).isEqualTo(20310302);
        assertThat(published.json().get("snapshotSha256").asText()).isEqualTo(draw.get("snapshotSha256").asText());
        assertThat(published.json().get("inspections")).hasSize(byEnterprise.size());
        assertThat(published.body()).contains("广东佳纳能源科技有限公司", "英德市岳泉化工有限公司")
                .doesNotContain("stratum", "mandatory", "declaredConflicts");
        JsonNode first = published.json().get("inspections").get(0);
        assertThat(first.get("inspectors")).hasSize(2);
        assertThat(first.get("inspectors").get(0).get("certificateNo").asText()).isNotBlank();
        assertThat(as("enterprise").get("/api/public/inspections/plans/" + planId).status()).isEqualTo(200);
    }

    @Test
    void aChangedRegisterDoesNotTouchAnEarlierDraw() {
        clockAt("2040-02-10T09:00:00");
        long planId = createPlan(plan("2040年英德市日常监督检查", "PERIODIC", 2040, "英德市", "2040-02-01", "2040-12-31",
                "2041-01-01", List.of()));
        assertThat(as("reviewer").post(PLANS + "/" + planId + "/draw", Map.of("seed", 7)).status()).isEqualTo(201);
        Response changed = as("reviewer").put(REGISTER + "/enterprises/" + yuequan(), Map.of("permitCategory", "KEY",
                "keyMonitored", false, "keyRiskSource", true, "creditColour", "RED"));
        assertThat(changed.status()).isEqualTo(200);
        try {
            JsonNode verified = as("reviewer").get(PLANS + "/" + planId + "/draw/verification").json();
            assertThat(verified.get("matches").asBoolean()).as("the draw stands on its own snapshot").isTrue();
            assertThat(verified.get("enterpriseRegisterUnchanged").asBoolean()).isFalse();
            assertThat(verified.get("inspectorRegisterUnchanged").asBoolean()).isTrue();
        } finally {
            as("reviewer").put(REGISTER + "/enterprises/" + yuequan(), Map.of("permitCategory", "KEY",
                    "keyMonitored", false, "keyRiskSource", true, "creditColour", "GREEN"));
        }
        assertThat(as("reviewer").get(PLANS + "/" + planId + "/draw/verification").json()
                .get("enterpriseRegisterUnchanged").asBoolean()).isTrue();

        // The second periodic plan of the year: its key enterprises are covered, so they are drawn by lot.
        long second = createPlan(plan("2040年英德市日常监督检查（第二批）", "PERIODIC", 2040, "英德市", "2040-02-01",
                "2040-12-31", "2041-01-01", List.of()));
        Response secondDraw = as("reviewer").post(PLANS + "/" + second + "/draw", Map.of("seed", 7));
        assertThat(secondDraw.status()).isEqualTo(201);
        secondDraw.json().get("inspections").forEach(i -> {
            assertThat(i.get("mandatory").asBoolean()).isFalse();
            assertThat(i.get("fullIndicatorMonitoring").asBoolean()).isFalse();
        });
        String snapshot = as("reviewer").get(PLANS + "/" + second + "/draw/snapshot").body();
        assertThat(snapshot).contains("\"inspectedThisYear\":true").doesNotContain("\"inspectedThisYear\":false");
        // The inspectors of the first draw went there within the year: they are not sent again.
        JsonNode first = as("reviewer").get(PLANS + "/" + planId + "/draw").json();
        Map<Long, Set<Long>> earlier = new LinkedHashMap<>();
        first.get("inspections").forEach(i -> earlier.put(i.get("enterpriseId").asLong(), ids(i.get("inspectors"), "id")));
        secondDraw.json().get("inspections").forEach(i -> assertThat(ids(i.get("inspectors"), "id"))
                .doesNotContainAnyElementsOf(earlier.getOrDefault(i.get("enterpriseId").asLong(), Set.of())));
    }

    @Test
    void declaredConflictsAreRespectedAndTooFewInspectorsStopTheDraw() {
        clockAt("2034-04-01T09:00:00");
        long planId = createPlan(plan("2034年英德市日常监督检查", "PERIODIC", 2034, "英德市", "2034-04-01", "2034-09-30",
                "2034-10-01", List.of()));
        List<Long> eligible = inspectorsFor("英德市");
        assertThat(eligible).hasSizeGreaterThanOrEqualTo(3);
        List<Long> conflicts = new ArrayList<>();
        for (Long inspector : eligible.subList(0, eligible.size() - 1)) {
            Response declared = as("reviewer").post(REGISTER + "/conflicts",
                    Map.of("inspectorId", inspector, "enterpriseId", yuequan(), "reason", "测试：亲属在该企业任职"));
            assertThat(declared.status()).as(declared.body()).isEqualTo(201);
            conflicts.add(declared.json().get("id").asLong());
        }
        try {
            Map<String, Long> before = counts();
            Response refused = as("reviewer").post(PLANS + "/" + planId + "/draw", Map.of("seed", 1));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("detail").asText()).contains("英德市岳泉化工有限公司").contains("2");
            assertThat(refused.raw().headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            assertThat(counts()).isEqualTo(before);

            // With one conflict left, the draw goes ahead and never sends that inspector to that enterprise.
            long kept = eligible.get(0);
            for (Long conflict : conflicts.subList(1, conflicts.size())) {
                assertThat(as("reviewer").method("DELETE", REGISTER + "/conflicts/" + conflict).status()).isEqualTo(204);
            }
            conflicts = conflicts.subList(0, 1);
            Response drawn = as("reviewer").post(PLANS + "/" + planId + "/draw", Map.of("seed", 1));
            assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
            JsonNode yuequanInspection = StreamSupport.stream(drawn.json().get("inspections").spliterator(), false)
                    .filter(i -> i.get("enterpriseId").asLong() == yuequan()).findFirst().orElseThrow();
            assertThat(ids(yuequanInspection.get("inspectors"), "id")).hasSize(2).doesNotContain(kept);
            assertThat(as("reviewer").get(PLANS + "/" + planId + "/draw/snapshot").body())
                    .contains("\"declaredConflicts\":[" + yuequan() + "]");
        } finally {
            for (Long conflict : conflicts) {
                as("reviewer").method("DELETE", REGISTER + "/conflicts/" + conflict);
            }
        }
    }

    @Test
    void aCampaignDrawsOnlyItsScopeAndNotAfterItsPeriod() {
        clockAt("2037-06-01T09:00:00");
        long planId = createPlan(plan("2037年涉镍企业专项执法检查（偷排漏排、监测弄虚作假）", "CAMPAIGN", 2037, null,
                "2037-06-01", "2037-08-31", "2037-09-01", List.of("Ni")));
        Response drawn = as("admin").post(PLANS + "/" + planId + "/draw", null);
        assertThat(drawn.status()).as(drawn.body()).isEqualTo(201);
        Set<Long> nickel = Set.of(enterprise("91441802MA5HMC002"), enterprise("91441803MA5HMC004"), jiana());
        assertThat(ids(drawn.json().get("inspections"), "enterpriseId")).isSubsetOf(nickel);
        assertThat(drawn.json().get("seed").asLong()).isBetween(0L, InspectionService.MAX_SEED);
        DrawSnapshot snapshot = DrawSnapshot.decode(as("admin").get(PLANS + "/" + planId + "/draw/snapshot").body());
        assertThat(snapshot.enterprises()).extracting(DrawSnapshot.EnterpriseRow::id).containsExactlyInAnyOrderElementsOf(nickel);
        assertThat(snapshot.plan().county()).isNull();
        assertThat(snapshot.settings().baseRate()).isEqualByComparingTo("0.1");

        long late = createPlan(plan("2037年专项（已过期）", "CAMPAIGN", 2037, "清新区", "2037-01-01", "2037-03-31",
                "2037-04-01", List.of()));
        Response tooLate = as("reviewer").post(PLANS + "/" + late + "/draw", Map.of());
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.json().get("detail").asText()).contains("2037-03-31");
        assertThat(as("reviewer").get(PLANS + "/" + late + "/draw").status()).isEqualTo(404);
        assertThat(as("reviewer").get(PLANS + "/" + late + "/draw/verification").status()).isEqualTo(404);

        long empty = createPlan(plan("2037年涉汞企业专项", "CAMPAIGN", 2037, "清城区", "2037-06-01", "2037-08-31",
                "2037-09-01", List.of("Hg")));
        Response nothing = as("reviewer").post(PLANS + "/" + empty + "/draw", Map.of());
        assertThat(nothing.status()).isEqualTo(409);
        assertThat(ids(as("supervisor").get(PLANS + "?year=2037").json(), "id")).contains(planId, late, empty);
    }
}
