package org.hmcflow.selfinspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.hazard.HazardProcess;
import org.hmcflow.hazard.HazardService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.hmcflow.support.H2AppTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * 隐患自查 over HTTP with the demo users: filing raises hazards, bad filings write nothing, enterprises see only their
 * own, and the bureau's overdue list follows the engine clock.
 *
 * <p>Each test files its own periods, counted from the month the demo enterprises were registered (the start of
 * this context), so the tests hold in any order and on any date.
 */
@H2AppTest
class SelfInspectionHttpTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String API = "/api/self-inspections";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    SelfInspectionChecklist checklist;
    @Autowired
    RuntimeService runtime;
    @MockitoSpyBean
    HazardService hazardService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aMonthlyCheckWithTwoNonCompliantItemsRaisesTwoHazards() {
        YearMonth month = registrationMonth().plusMonths(3);
        clockAt(month.atDay(20));
        List<Map<String, Object>> items = compliant(SelfInspectionKind.ROUTINE);
        nonCompliant(items, "HAZARDOUS_WASTE_STORAGE", "危废暂存间地面防渗层破损约2平方米", "危险废物暂存间", List.of("Pb"));
        nonCompliant(items, "FIRST_FLUSH_RAINWATER", "初期雨水收集池切换阀卡死，雨水直排", "厂区东侧雨水排口", List.of("Pb", "Cd"));
        Map<String, Object> body = filing("ROUTINE", month.toString(), month.atDay(18), items);

        ResponseEntity<JsonNode> filed = post("enterprise", body);

        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = filed.getBody().get("id").asLong();
        assertThat(filed.getHeaders().getLocation()).hasPath(API + "/" + id);
        List<Long> hazardIds = longs(filed.getBody().get("hazardIds"));
        assertThat(hazardIds).hasSize(2);

        Map<Long, String> expectedTitles = Map.of(
                hazardIds.get(0), checklist.find("FIRST_FLUSH_RAINWATER").orElseThrow().zh(),
                hazardIds.get(1), checklist.find("HAZARDOUS_WASTE_STORAGE").orElseThrow().zh());
        Long enterpriseId = enterpriseIdOf("enterprise");
        for (Long hazardId : hazardIds) {
            ResponseEntity<JsonNode> hazard = get("enterprise", "/api/hazards/" + hazardId);
            assertThat(hazard.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode summary = hazard.getBody().get("hazard");
            assertThat(summary.get("state").asText()).isEqualTo("REPORTED");
            assertThat(summary.get("source").asText()).isEqualTo("SELF_INSPECTION");
            assertThat(summary.get("enterpriseId").asLong()).isEqualTo(enterpriseId);
            assertThat(summary.get("title").asText()).isEqualTo(expectedTitles.get(hazardId));
            assertThat(jdbc.queryForObject("select self_inspection_id from HMC.hazard where id = ?", Long.class, hazardId))
                    .isEqualTo(id);
            assertThat(get("enterprise2", "/api/hazards/" + hazardId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        }
        JsonNode rainwater = get("enterprise", "/api/hazards/" + hazardIds.get(0)).getBody();
        assertThat(rainwater.get("description").asText()).isEqualTo("初期雨水收集池切换阀卡死，雨水直排");
        assertThat(rainwater.get("location").asText()).isEqualTo("厂区东侧雨水排口");
        assertThat(longsOrTexts(rainwater.get("pollutants"))).containsExactly("Pb", "Cd");

        JsonNode detail = get("enterprise", API + "/" + id).getBody();
        assertThat(detail.get("inspection").get("period").asText()).isEqualTo(month.toString());
        assertThat(detail.get("items")).hasSize(checklist.itemsOf(SelfInspectionKind.ROUTINE).size());
        JsonNode storage = item(detail, "HAZARDOUS_WASTE_STORAGE");
        assertThat(storage.get("compliant").asBoolean()).isFalse();
        assertThat(storage.get("hazardId").asLong()).isEqualTo(hazardIds.get(1));
        assertThat(storage.get("textEn").asText()).isNotBlank();
        assertThat(item(detail, "WASTEWATER_TREATMENT").get("hazardId").isNull()).isTrue();

        assertThat(jdbc.queryForList("select action from HMC.audit_event where case_type = 'SELF_INSPECTION' and case_id = ?",
                String.class, String.valueOf(id))).containsExactly("FILED");

        // Visibility: the filer and the bureau see it; another enterprise is told it does not exist.
        assertThat(get("enterprise2", API + "/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("reviewer", API + "/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ids(get("enterprise", API + "?size=200"))).contains(id);
        assertThat(ids(get("enterprise2", API + "?size=200&enterpriseId=" + enterpriseId))).doesNotContain(id);
        assertThat(ids(get("supervisor", API + "?size=200&enterpriseId=" + enterpriseId))).contains(id);
        assertThat(ids(get("supervisor", API + "?size=200&enterpriseId=" + enterpriseIdOf("enterprise2")))).doesNotContain(id);

        // The same period again: refused on "period", nothing more written.
        Map<String, Long> before = counts();
        ResponseEntity<JsonNode> again = post("enterprise", body);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(again)).containsExactly("period");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aBadFilingNamesEveryFieldAndWritesNothing() {
        YearMonth month = registrationMonth().plusMonths(3);
        clockAt(month.atDay(20));
        List<Map<String, Object>> items = compliant(SelfInspectionKind.ROUTINE);
        String replaced = (String) items.get(0).get("itemCode");
        items.get(0).put("itemCode", "NO_SUCH_ITEM");
        items.get(1).put("compliant", false);
        items.get(1).put("location", "污水处理站");
        items.get(1).put("pollutants", List.of("Cr"));
        Map<String, Object> body = filing("ROUTINE", month.plusMonths(1).toString(), month.atDay(20), items);
        Map<String, Long> before = counts();

        ResponseEntity<JsonNode> response = post("enterprise2", body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsExactlyInAnyOrder("period", "items[0].itemCode", "items[1].finding", "items");
        assertThat(message(response, "items[0].itemCode")).contains("NO_SUCH_ITEM");
        assertThat(message(response, "items")).contains(replaced);
        assertThat(counts()).isEqualTo(before);

        // Bean Validation answers in the same format.
        body.put("inspectorName", "");
        body.remove("kind");
        ResponseEntity<JsonNode> invalid = post("enterprise2", body);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(invalid)).contains("kind", "inspectorName");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void onlyEnterprisesFile() {
        YearMonth month = registrationMonth().plusMonths(3);
        clockAt(month.atDay(20));
        Map<String, Long> before = counts();
        ResponseEntity<JsonNode> response = post("reviewer",
                filing("ROUTINE", month.toString(), month.atDay(20), compliant(SelfInspectionKind.ROUTINE)));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aFailureWhileRaisingTheSecondHazardLeavesNothingBehind() {
        YearMonth month = registrationMonth().plusMonths(2);
        clockAt(month.atDay(20));
        List<Map<String, Object>> items = compliant(SelfInspectionKind.ROUTINE);
        nonCompliant(items, "ONLINE_MONITORING", "在线监测数据中断", "总排口", List.of("Cr"));
        nonCompliant(items, "EMERGENCY_POOL", "事故应急池积水未排空", "事故应急池", List.of("Ni"));
        Map<String, Object> body = filing("ROUTINE", month.toString(), month.atDay(19), items);
        AtomicInteger calls = new AtomicInteger();
        doAnswer(invocation -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("simulated failure while starting the second hazard");
            }
            return invocation.callRealMethod();
        }).when(hazardService).report(any(), any());
        Map<String, Long> before = counts();
        long instancesBefore = hazardInstances();

        ResponseEntity<JsonNode> failed = post("enterprise2", body);

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(calls).hasValue(2);
        assertThat(counts()).isEqualTo(before);
        assertThat(hazardInstances()).isEqualTo(instancesBefore);

        // Nothing half-written blocks the period: once the failure is gone the same filing goes through.
        Mockito.reset(hazardService);
        ResponseEntity<JsonNode> retried = post("enterprise2", body);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.getBody().get("hazardIds")).hasSize(2);
        assertThat(hazardInstances()).isEqualTo(instancesBefore + 2);
    }

    @Test
    void theOverdueListIsForTheBureauAndFollowsTheClock() {
        LocalDate registered = registrationDay();
        YearMonth month = YearMonth.from(registered);
        List<Long> demoIds = enterprises.all().stream().map(Enterprise::getId).toList();
        Long enterprise = enterpriseIdOf("enterprise");
        Long enterprise2 = enterpriseIdOf("enterprise2");

        assertThat(get("enterprise", API + "/overdue").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        // On the day they were registered, no demo enterprise owes a period that had already ended.
        clockAt(registered);
        assertThat(overdue("reviewer")).isEmpty();

        // Ten grace days after the registration month: everybody owes that month's routine check.
        clockAt(month.plusMonths(1).atDay(16));
        List<JsonNode> rows = overdue("reviewer");
        assertThat(rows).filteredOn(r -> r.get("kind").asText().equals("ROUTINE"))
                .allSatisfy(r -> {
                    assertThat(r.get("period").asText()).isEqualTo(month.toString());
                    assertThat(r.get("dueBy").asText()).isEqualTo(month.plusMonths(1).atDay(10).toString());
                    assertThat(r.get("daysOverdue").asLong()).isEqualTo(6);
                })
                .extracting(r -> r.get("enterpriseId").asLong()).containsExactlyElementsOf(demoIds);
        assertThat(overdue("supervisor")).hasSameSizeAs(rows);

        // enterprise2 files (late, but it files): it drops off the list, the others stay.
        ResponseEntity<JsonNode> filed = post("enterprise2", filing("ROUTINE", month.toString(), month.atEndOfMonth(),
                compliant(SelfInspectionKind.ROUTINE)));
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(filed.getBody().get("hazardIds")).isEmpty();
        assertThat(routineOverdue("reviewer")).contains(enterprise).doesNotContain(enterprise2);

        // A month later the next routine check is due and enterprise2 is back.
        clockAt(month.plusMonths(2).atDay(16));
        assertThat(routineOverdue("reviewer")).contains(enterprise, enterprise2);

        // After the year's grace, every enterprise owes the comprehensive check of the registration year.
        clockAt(LocalDate.of(registered.getYear() + 1, 1, 16));
        assertThat(overdue("reviewer")).filteredOn(r -> r.get("kind").asText().equals("COMPREHENSIVE"))
                .allSatisfy(r -> assertThat(r.get("period").asText()).isEqualTo(String.valueOf(registered.getYear())))
                .extracting(r -> r.get("enterpriseId").asLong()).containsExactlyElementsOf(demoIds);
    }

    @Test
    void theChecklistIsServedInBothLanguages() {
        ResponseEntity<JsonNode> routine = get("enterprise", API + "/checklist?kind=ROUTINE");
        assertThat(routine.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(routine.getBody()).hasSize(checklist.itemsOf(SelfInspectionKind.ROUTINE).size());
        assertThat(routine.getBody().get(0).get("zh").asText()).isNotBlank();
        assertThat(routine.getBody().get(0).get("en").asText()).isNotBlank();
        assertThat(get("reviewer", API + "/checklist").getBody()).hasSize(checklist.all().size());
    }

    // --- helpers

    private LocalDate registrationDay() {
        return enterprises.all().stream().map(e -> LocalDate.ofInstant(e.getCreatedAt(), ZONE))
                .max(LocalDate::compareTo).orElseThrow();
    }

    private YearMonth registrationMonth() {
        return YearMonth.from(registrationDay());
    }

    private static void clockAt(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(ZONE).toInstant()));
    }

    private Long enterpriseIdOf(String username) {
        return jdbc.queryForObject("select enterprise_id from HMC.app_user where username = ?", Long.class, username);
    }

    private List<Map<String, Object>> compliant(SelfInspectionKind kind) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ChecklistItem item : checklist.itemsOf(kind)) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("itemCode", item.code());
            answer.put("compliant", true);
            items.add(answer);
        }
        return items;
    }

    private static void nonCompliant(List<Map<String, Object>> items, String code, String finding, String location,
                                     List<String> pollutants) {
        Map<String, Object> answer = items.stream().filter(i -> i.get("itemCode").equals(code)).findFirst().orElseThrow();
        answer.put("compliant", false);
        answer.put("finding", finding);
        answer.put("location", location);
        answer.put("pollutants", pollutants);
    }

    private static Map<String, Object> filing(String kind, String period, LocalDate inspectedOn,
                                              List<Map<String, Object>> items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("period", period);
        body.put("inspectedOn", inspectedOn.toString());
        body.put("inspectorName", "陈安全（环保专员）");
        body.put("items", items);
        return body;
    }

    private ResponseEntity<JsonNode> post(String user, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        return rest.withBasicAuth(user, "demo").exchange(API, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }

    private List<JsonNode> overdue(String user) {
        ResponseEntity<JsonNode> response = get(user, API + "/overdue");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return StreamSupport.stream(response.getBody().spliterator(), false).toList();
    }

    private List<Long> routineOverdue(String user) {
        return overdue(user).stream().filter(r -> r.get("kind").asText().equals("ROUTINE"))
                .map(r -> r.get("enterpriseId").asLong()).toList();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("self_inspection", "self_inspection_item", "hazard", "audit_event")) {
            counts.put(table, jdbc.queryForObject("select count(*) from HMC." + table, Long.class));
        }
        return counts;
    }

    private long hazardInstances() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(HazardProcess.KEY).count();
    }

    private static List<String> fields(ResponseEntity<JsonNode> response) {
        return StreamSupport.stream(response.getBody().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText()).toList();
    }

    private static String message(ResponseEntity<JsonNode> response, String field) {
        return StreamSupport.stream(response.getBody().get("errors").spliterator(), false)
                .filter(e -> e.get("field").asText().equals(field)).map(e -> e.get("message").asText())
                .findFirst().orElseThrow();
    }

    private static List<Long> ids(ResponseEntity<JsonNode> page) {
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return StreamSupport.stream(page.getBody().get("items").spliterator(), false)
                .map(i -> i.get("id").asLong()).toList();
    }

    private static List<Long> longs(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asLong).toList();
    }

    private static List<String> longsOrTexts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static JsonNode item(JsonNode detail, String code) {
        return StreamSupport.stream(detail.get("items").spliterator(), false)
                .filter(i -> i.get("itemCode").asText().equals(code)).findFirst().orElseThrow();
    }
}
