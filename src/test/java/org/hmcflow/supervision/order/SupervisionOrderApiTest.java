package org.hmcflow.supervision.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.supervision.DeadlineItem;
import org.hmcflow.supervision.DeadlineItems;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiClient.Response;
import org.hmcflow.support.ApiScenarios;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The supervision order API as the demo users use it: the supervisor issues an order on a hazard's triage item to the
 * enterprise, which answers; the supervisor returns it, then closes it. Who is not addressed — another enterprise, a
 * reviewer of another department — is told the order does not exist; who sees it but may not act gets 403. Bad input
 * is an RFC 7807 problem naming every field.
 */
@H2AppTest
class SupervisionOrderApiTest extends ApiScenarios {

    @Autowired
    HazardService hazards;
    @Autowired
    DeadlineItems deadlineItems;
    @Autowired
    UserService users;

    @Test
    void theSupervisorIssuesTheEnterpriseAnswersAndOnlyTheAddresseeSeesIt() {
        long itemId = triageItem("电镀废水在线监测数据中断").getId();
        String issue = "/api/supervision/items/" + itemId + "/orders";

        assertThat(anonymous.post(issue, Map.of("comment", "x")).status()).isEqualTo(401);
        assertThat(reviewer.post(issue, Map.of("comment", "x")).status()).isEqualTo(403);
        assertThat(enterprise.post(issue, Map.of("comment", "x")).status()).isEqualTo(403);
        assertThat(supervisor.post("/api/supervision/items/999999/orders", Map.of("comment", "x")).status())
                .isEqualTo(404);
        Response bad = supervisor.post(issue, Map.of("comment", " ", "workingDays", 0));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(fields(bad)).containsExactlyInAnyOrder("comment", "workingDays");
        Response unknown = supervisor.post(issue, Map.of("comment", "请说明", "addressee", "nobody-here"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("addressee");

        Response issued = supervisor.post(issue, Map.of("comment", "请企业于三个工作日内恢复在线监测并说明原因",
                "addressee", "enterprise-1", "workingDays", 3));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        long id = issued.json().get("id").asLong();
        String order = "/api/supervision/orders/" + id;
        assertThat(issued.raw().headers().firstValue("Location").orElse("")).endsWith(order);
        assertThat(issued.json().get("status").asText()).isEqualTo("ISSUED");
        assertThat(issued.json().get("addresseeKind").asText()).isEqualTo("ENTERPRISE");
        // 3 working days from Monday 2 March: Thursday 5 March, end of day in Qingyuan
        assertThat(issued.json().get("dueAt").asText()).isEqualTo("2026-03-05T15:59:00Z");

        // it shows on the item, for the supervisor and for the addressee, and is counted in the item list
        assertThat(openOrders(itemId)).isEqualTo(1);
        assertThat(supervisor.get(issue).json().findValuesAsText("id")).containsExactly(String.valueOf(id));
        assertThat(enterprise.get(issue).json().findValuesAsText("id")).containsExactly(String.valueOf(id));
        assertThat(enterprise.get(order).status()).isEqualTo(200);
        // not addressed: it does not exist for them
        assertThat(enterprise2.get(order).status()).isEqualTo(404);
        assertThat(enterprise2.get(issue).status()).isEqualTo(404);
        assertThat(reviewer2.get(order).status()).isEqualTo(404);
        assertThat(reviewer.get(order).status()).isEqualTo(404);
        assertThat(enterprise2.post(order + "/answer", Map.of("answer", "x")).status()).isEqualTo(404);
        assertThat(reviewer.post(order + "/answer", Map.of("answer", "x")).status()).isEqualTo(404);
        // sees it, may not answer it
        assertThat(supervisor.post(order + "/answer", Map.of("answer", "x")).status()).isEqualTo(403);
        assertThat(enterprise.post(order + "/answer", Map.of("answer", " ")).status()).isEqualTo(400);
        assertThat(supervisor.post(order + "/close", Map.of("accept", true)).status()).as("not answered yet")
                .isEqualTo(409);

        Response answered = enterprise.post(order + "/answer", Map.of("answer", "已更换数据采集仪，3月3日恢复上传"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("status").asText()).isEqualTo("ANSWERED");
        assertThat(enterprise.post(order + "/close", Map.of("accept", true)).status()).isEqualTo(403);
        assertThat(enterprise.post(order + "/withdraw", Map.of("reason", "x")).status()).isEqualTo(403);

        Map<String, Object> noReason = new HashMap<>();
        noReason.put("accept", false);
        Response returnedBad = supervisor.post(order + "/close", noReason);
        assertThat(returnedBad.status()).isEqualTo(400);
        assertThat(fields(returnedBad)).containsExactly("comment");
        Response returned = supervisor.post(order + "/close", Map.of("accept", false, "comment", "请附中断期间手工监测记录"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.json().get("returnedCount").asInt()).isEqualTo(1);

        assertThat(enterprise.post(order + "/answer", Map.of("answer", "已补交手工监测记录")).status()).isEqualTo(200);
        Response closed = supervisor.post(order + "/close", Map.of("accept", true, "comment", "同意办结"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.json().get("closedBy").asText()).isEqualTo("supervisor");
        assertThat(supervisor.post(order + "/withdraw", Map.of("reason", "x")).status()).isEqualTo(409);
        assertThat(openOrders(itemId)).as("closed orders are not counted").isZero();
    }

    @Test
    void theIssuerWithdrawsAnOpenOrder() {
        long itemId = triageItem("污泥堆场未覆盖").getId();
        Response issued = supervisor.post("/api/supervision/items/" + itemId + "/orders", Map.of("comment", "请核查"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().get("addressee").asText()).as("the item's party").isEqualTo("city-epb");
        String order = "/api/supervision/orders/" + issued.json().get("id").asLong();
        assertThat(reviewer.get(order).status()).isEqualTo(200);
        assertThat(reviewer.post(order + "/withdraw", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(fields(supervisor.post(order + "/withdraw", Map.of("reason", " ")))).containsExactly("reason");
        Response withdrawn = supervisor.post(order + "/withdraw", Map.of("reason", "误发"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(reviewer.post(order + "/answer", Map.of("answer", "x")).status()).isEqualTo(409);
    }

    private DeadlineItem triageItem(String title) {
        Hazard h = hazards.report(users.actor("enterprise").orElseThrow(), new HazardService.Report(null, null, title,
                "企业自查发现：" + title, "清城区龙塘镇工业园 3 号车间", List.of("Cr"), null));
        return deadlineItems.ofCase("hazard-lifecycle", String.valueOf(h.getId())).stream()
                .filter(DeadlineItem::isOpen).findFirst().orElseThrow();
    }

    /** The item's open orders as the supervisors' item list shows them. */
    private long openOrders(long itemId) {
        for (var item : supervisor.get("/api/supervision/items?lifecycle=hazard-lifecycle&size=500").json().get("items")) {
            if (item.get("id").asLong() == itemId) {
                return item.get("openOrders").asLong();
            }
        }
        throw new AssertionError("item " + itemId + " not listed");
    }

    private static List<String> fields(Response r) {
        return r.json().path("errors").findValuesAsText("field");
    }
}
