package org.hmcflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.hmcflow.permit.application.PermitApiScenarios;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiClient.Response;
import org.hmcflow.support.EngineClockControl;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.PortalBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 我的企业 and filing a self-inspection, in real browsers: the demo enterprise holds a permit (filed and issued
 * through the API) and a hazard whose rectification step the bureau gave it and which is now overdue; its page shows
 * the registration, the permit with its validity and next execution report, the open hazard, the overdue step in red
 * and the self-inspection calendar; at 360 px nothing overflows and axe finds nothing serious. Then it files last
 * month's routine self-inspection in the browser, first with an empty note on a non-compliant row (the server's
 * message beside that row's note, in Chinese), then completely: the result names the hazard case opened. Another
 * enterprise asking for that hazard's page gets the "not found" page.
 */
@H2AppTest
class EnterprisePortalBrowserTest {

    private static final String ZH = "zh-CN,zh";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String NAME = "清远市尤尼电源科技有限公司";
    private static final String APPLICATIONS = "/api/permits/applications";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    private PortalBrowser enterprise;
    private PortalBrowser narrow;
    private PortalBrowser other;

    @AfterEach
    void close() {
        for (PortalBrowser b : new PortalBrowser[] {enterprise, narrow, other}) {
            if (b != null) {
                b.close();
            }
        }
        EngineClockControl.reset();
    }

    @Test
    void theEnterpriseSeesItsRecordsAndFilesASelfInspectionThatOpensAHazard() {
        // Months the other self-inspection tests leave alone: they file one to three months after registration.
        String uscc = jdbc.queryForObject("select uscc from hmc.enterprise where name = ?", String.class, NAME);
        LocalDate registered = jdbc.queryForObject("select created_at from hmc.enterprise where name = ?",
                java.sql.Timestamp.class, NAME).toInstant().atZone(ZONE).toLocalDate();
        YearMonth month = YearMonth.from(registered).plusMonths(7);
        EngineClockControl clock = new EngineClockControl(management);
        clock.set(ZonedDateTime.of(month.atDay(1).atTime(9, 0), ZONE).toInstant());

        ApiClient company = new ApiClient(port, "enterprise");
        ApiClient reviewer = new ApiClient(port, "reviewer");
        String permitNumber = issuedPermit(company, reviewer);
        Response reported = company.post("/api/hazards", Map.of("title", "电解车间地沟防腐层剥落",
                "description", "地沟东段防腐层剥落约3米，含铅废水有渗漏风险。", "location", "电解车间地沟",
                "pollutants", List.of("Pb")));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        long hazardId = reported.json().get("id").asLong();
        ok(reviewer.post("/api/hazards/" + hazardId + "/triage", Map.of("triageDecision", "GENERAL",
                "responsibleGroup", "city-epb", "rectificationWorkingDays", 3, "triageComment", "一般隐患，限期整改")));
        // ten days on: the rectification step is past its due day, and last month's routine check is overdue
        clock.set(ZonedDateTime.of(month.atDay(11).atTime(9, 0), ZONE).toInstant());

        // --- 我的企业
        enterprise = PortalBrowser.open(port, ZH).get("/").signIn("enterprise", "demo");
        enterprise.waitFor(By.id("nav-enterprise")).click();
        enterprise.waitFor(By.id("registration"));
        assertThat(enterprise.path()).isEqualTo("/enterprise");
        List<String> nav = enterprise.driver().findElements(By.cssSelector("#sections a")).stream()
                .map(WebElement::getText).toList();
        assertThat(nav).containsSubsequence("我的待办", "我的企业");
        assertThat(nav.indexOf("我的企业")).isEqualTo(nav.indexOf("我的待办") + 1);
        assertThat(enterprise.text("#enterprise-name")).isEqualTo(NAME);
        assertThat(enterprise.text("#enterprise-uscc")).isEqualTo(uscc);
        assertThat(enterprise.text("#enterprise-county")).isEqualTo("清城区");
        assertThat(enterprise.text("#enterprise-industry")).isEqualTo("其他电池制造");

        String permits = enterprise.text("#enterprise-permits");
        assertThat(permits).contains(permitNumber, "有效", "至", "报告");
        assertThat(permits).containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 至 \\d{4}年\\d{1,2}月\\d{1,2}日");

        assertThat(enterprise.text("#enterprise-hazards")).contains("电解车间地沟防腐层剥落", "整改中");
        assertThat(enterprise.driver().findElement(By.cssSelector("#enterprise-hazards a")).getAttribute("href"))
                .endsWith("/hazards/" + hazardId);

        WebElement step = enterprise.waitFor(By.xpath("//table[@id='enterprise-steps']//tr[td[3][normalize-space()='"
                + hazardId + "']]"));
        assertThat(step.getAttribute("class")).contains("overdue");
        assertThat(step.getText()).contains("整改并提交证据").containsPattern("已逾期 \\d+ 个工作日");
        assertThat(step.findElement(By.cssSelector(".badge.danger")).getCssValue("background-color"))
                .isNotEqualTo("rgba(0, 0, 0, 0)");

        YearMonth last = month.minusMonths(1);
        WebElement overdueCheck = enterprise.waitFor(By.cssSelector(
                "#si-calendar tr[data-kind=ROUTINE][data-period='" + last + "']"));
        assertThat(overdueCheck.getAttribute("data-status")).isEqualTo("OVERDUE");
        assertThat(overdueCheck.getText()).contains("逾期未自查", "日常排查");
        assertThat(overdueCheck.getAttribute("class")).contains("overdue");
        assertThat(enterprise.text("#si-calendar")).contains("本期可填报", "综合排查");
        assertThat(enterprise.text("#inspections")).contains("监督检查");
        assertThat(enterprise.text("#enforcement")).contains("执法案件");
        enterprise.assertClean();
        enterprise.screenshot("enterprise-home");

        // --- the same page at 360 px, and the filing form
        narrow = PortalBrowser.open(port, ZH, 360, 800).get("/").signIn("enterprise", "demo");
        narrow.get("/enterprise");
        narrow.waitFor(By.id("si-calendar"));
        assertThat(narrow.overflowsHorizontally()).as("/enterprise at 360 px").isFalse();
        assertThat(narrow.seriousAccessibilityViolations()).as("/enterprise").isEmpty();
        narrow.get("/self-inspections/new");
        formReady(narrow);
        assertThat(narrow.overflowsHorizontally()).as("/self-inspections/new at 360 px").isFalse();
        assertThat(narrow.seriousAccessibilityViolations()).as("/self-inspections/new").isEmpty();
        narrow.assertClean();

        // --- filing last month's routine check: the form comes pre-filled with the period owed and every item
        enterprise.driver().findElement(By.id("file-self-inspection")).click();
        formReady(enterprise);
        assertThat(enterprise.waitFor(By.cssSelector("[id$='-Field_SelfInspectionPeriod']")).getAttribute("value"))
                .isEqualTo(last.toString());
        List<WebElement> compliant = labels(enterprise, "符合");
        assertThat(compliant).hasSize(10);
        List<String> items = cells(enterprise, "Field_SelfInspectionItem").stream()
                .map(e -> e.getAttribute("value")).toList();
        assertThat(items).hasSize(10);
        assertThat(items.get(0)).startsWith("含重金属废水处理设施正常运行");
        assertThat(items.get(1)).startsWith("初期雨水收集池");
        assertThat(enterprise.text("#si-form")).contains("排查日期").doesNotContain("Inspection date");
        WebElement inspector = enterprise.waitFor(By.cssSelector("[id$='-Field_SelfInspectionInspector']"));
        inspector.sendKeys("王工");
        compliant.forEach(WebElement::click);
        labels(enterprise, "不适用").get(9).click();
        // row 2 (first-flush rainwater) is non-compliant: location and metal given, the note forgotten
        labels(enterprise, "不符合").get(1).click();
        cells(enterprise, "Field_SelfInspectionLocation").get(1).sendKeys("厂区东侧初期雨水池");
        labels(enterprise, "铅（Pb）").get(1).click();
        enterprise.driver().findElement(By.id("submit-self-inspection")).click();

        WebElement note = cells(enterprise, "Field_SelfInspectionFinding").get(1);
        // the message is the note's own (form-js ties it to the cell: <cell id>-error-message, aria-describedby)
        WebElement error = enterprise.waitFor(By.cssSelector("[id='" + note.getAttribute("id") + "-error-message']"));
        assertThat(error.getText().strip()).isEqualTo("不合格项须填写发现的问题、位置和涉及的污染物");
        assertThat(enterprise.driver().findElements(By.cssSelector(".fjs-form-field-error"))).as("only that cell")
                .hasSize(1);
        assertThat(enterprise.text()).doesNotContain("must not", "Field is required");
        assertThat(count("select count(*) from hmc.self_inspection where period = '" + last + "'")).isZero();
        enterprise.script("arguments[0].scrollIntoView({block: 'center'})", error);
        enterprise.screenshot("self-inspection");

        note.sendKeys("初期雨水池切换阀锈死，雨水未经收集直排");
        enterprise.driver().findElement(By.id("submit-self-inspection")).click();
        enterprise.waitUntil(d -> d.getCurrentUrl().contains("filed=true"));
        long filedId = jdbc.queryForObject("select max(id) from hmc.self_inspection", Long.class);
        assertThat(enterprise.path()).isEqualTo("/self-inspections/" + filedId + "?filed=true");
        assertThat(enterprise.text("#filed-notice")).isEqualTo("自查已提交。");
        long opened = jdbc.queryForObject("select hazard_id from hmc.self_inspection_item where inspection_id = ? "
                + "and item_code = 'FIRST_FLUSH_RAINWATER'", Long.class, filedId);
        WebElement link = enterprise.waitFor(By.cssSelector("#si-hazards a"));
        assertThat(link.getAttribute("href")).endsWith("/hazards/" + opened);
        assertThat(link.getText()).contains("YH-", "初期雨水收集池");
        assertThat(enterprise.driver().findElements(By.cssSelector("#si-hazards a"))).hasSize(1);
        assertThat(enterprise.text("#si-items")).contains("不符合", "不适用", "初期雨水池切换阀锈死");
        assertThat(jdbc.queryForObject("select not_applicable from hmc.self_inspection_item where inspection_id = ? "
                + "and item_code = 'EMERGENCY_SUPPLIES'", Boolean.class, filedId)).isTrue();
        enterprise.assertClean();
        link.click();
        enterprise.waitFor(By.id("hazard-reference"));
        assertThat(enterprise.text("#hazard-title")).startsWith("初期雨水收集池");

        enterprise.get("/enterprise");
        assertThat(enterprise.waitFor(By.cssSelector("#si-calendar tr[data-kind=ROUTINE][data-period='" + last + "']"))
                .getAttribute("data-status")).isEqualTo("FILED");
        assertThat(enterprise.text("#enterprise-hazards")).contains("初期雨水收集池");

        // --- another enterprise: that hazard does not exist for it, nor does the enterprise page of another role
        other = PortalBrowser.open(port, ZH).get("/").signIn("enterprise2", "demo");
        other.get("/hazards/" + opened);
        assertThat(other.text()).contains("您要找的页面不存在").doesNotContain("初期雨水收集池");
        other.get("/self-inspections/" + filedId);
        assertThat(other.text()).contains("您要找的页面不存在").doesNotContain("王工");
        assertThat(new ApiClient(port, "reviewer").get("/enterprise").status()).isEqualTo(403);
    }

    /** Files demo enterprise 1's permit application and takes it to issue as the bureau; returns the number. */
    private static String issuedPermit(ApiClient company, ApiClient reviewer) {
        Response filed = company.post(APPLICATIONS, PermitApiScenarios.anApplication());
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long id = filed.json().get("id").asLong();
        ok(reviewer.post(APPLICATIONS + "/" + id + "/acceptance", Map.of("acceptanceDecision", "ACCEPT")));
        ok(reviewer.post(APPLICATIONS + "/" + id + "/technical-review", Map.of("reviewOutcome", "PROCEED",
                "managementCategory", "KEY", "siteInspectionRequired", false, "reviewComment", "材料齐全")));
        ok(reviewer.post(APPLICATIONS + "/" + id + "/decision", Map.of("decision", "ISSUE", "decisionComment", "准予许可")));
        return company.get(APPLICATIONS + "/" + id).json().at("/permit/permitNumber").asText();
    }

    private static void ok(Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static void formReady(PortalBrowser browser) {
        browser.waitFor(By.cssSelector("#si-form[data-ready=true] .fjs-form"));
    }

    /** form-js option labels with this text, in document order: one per list row. */
    private static List<WebElement> labels(PortalBrowser browser, String text) {
        browser.waitFor(By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space()='" + text + "']"));
        return browser.driver().findElements(
                By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space()='" + text + "']"));
    }

    /** The inputs of one list column, a row each. */
    private static List<WebElement> cells(PortalBrowser browser, String componentId) {
        browser.waitFor(By.cssSelector("[id*='" + componentId + "']"));
        return browser.driver().findElements(By.cssSelector("input[id*='" + componentId + "'], textarea[id*='"
                + componentId + "']"));
    }
}
