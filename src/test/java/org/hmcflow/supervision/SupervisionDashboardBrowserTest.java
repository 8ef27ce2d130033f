package org.hmcflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.hazard.HazardSource;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.PortalBrowser;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 督办看板 in a real browser: a supervisor filters by county (htmx swaps the results, the URL keeps the filter), reads
 * the charts and their tables, downloads the list as XLSX, grants an extension and issues an order (an empty comment is
 * refused beside the field); at 360 px nothing overflows and axe finds nothing serious; a head sees its department's
 * items only, a reviewer gets the 403 page. The items are real steps of hazard cases, made overdue by the engine clock.
 */
@H2AppTest
class SupervisionDashboardBrowserTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday 2 March 2026: a triage is due in 3 working days, Thu 5 Mar 23:59. */
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, SHANGHAI);
    /** Thursday 12 March 2026: those triages are overdue (not yet seriously: 10 working days for hazards). */
    private static final ZonedDateTime LATER = ZonedDateTime.of(2026, 3, 12, 10, 0, 0, 0, SHANGHAI);
    private static final String ZH = "zh-CN,zh";
    private static final String YINGDE = "英德市";

    @Autowired
    HazardService hazards;
    @Autowired
    DeadlineItems deadlineItems;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    UserService users;
    @LocalServerPort
    int port;

    @BeforeEach
    void setUp() {
        moveClockTo(START);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    Hazard reportByEnterprise(String title) {
        Actor enterprise = users.actor("enterprise").orElseThrow();
        return hazards.report(enterprise, new HazardService.Report(null, null, title, "企业自查发现：" + title,
                "清城区龙塘镇工业园 3 号车间", List.of("Pb"), null));
    }

    Hazard reportInYingde(String title) {
        Enterprise yingde = enterprises.all().stream().filter(e -> YINGDE.equals(e.getCounty())).findFirst().orElseThrow();
        Actor reviewer = users.actor("reviewer").orElseThrow();
        return hazards.report(reviewer, new HazardService.Report(yingde.getId(), HazardSource.BUREAU_INSPECTION, title,
                "执法检查发现：" + title, "英德市青塘镇", List.of("As"), null));
    }

    DeadlineItem openItem(Hazard h) {
        return deadlineItems.ofCase("hazard-lifecycle", String.valueOf(h.getId())).stream().filter(DeadlineItem::isOpen)
                .findFirst().orElseThrow();
    }

    @Test
    void aSupervisorFiltersByCountyReadsTheChartsExportsGrantsAnExtensionAndIssuesAnOrder() throws Exception {
        DeadlineItem qingcheng = openItem(reportByEnterprise("看板测试：铅烟收集罩破损"));
        DeadlineItem yingde = openItem(reportInYingde("看板测试：含砷废水渗漏"));
        DeadlineItem extended = openItem(reportByEnterprise("看板测试：危废暂存间防渗层开裂"));
        assertThat(qingcheng.getCounty()).isEqualTo("清城区");
        assertThat(yingde.getCounty()).isEqualTo(YINGDE);
        moveClockTo(LATER);
        ApiClient.Response asked = new ApiClient(port, "reviewer").post("/api/supervision/items/" + extended.getId()
                + "/extensions", Map.of("workingDays", 5, "reason", "需会同县局现场核实"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long extensionId = asked.json().get("id").asLong();

        Path downloads = Files.createTempDirectory("hmc-downloads-");
        try (PortalBrowser browser = PortalBrowser.open(port, ZH)) {
            browser.get("/supervision").signIn("supervisor", "demo");
            assertThat(browser.path()).startsWith("/supervision");
            browser.waitFor(By.cssSelector("#chart-state .chart canvas"));
            assertThat(browser.text()).contains("督办看板", "按状态", "按业务", "按责任部门", "按县（市、区）",
                    "待审批的延期申请", "未办结的督办令").doesNotContain("ui.supervision", "??");
            browser.assertClean();

            // the county filter, through htmx: the results change, the page does not reload, the URL keeps it
            browser.script("window.__samePage = true");
            new Select(browser.driver().findElement(By.id("f-county"))).selectByVisibleText(YINGDE);
            new Select(browser.driver().findElement(By.id("f-state"))).selectByVisibleText("逾期");
            browser.driver().findElement(By.id("filter-submit")).click();
            browser.waitUntil(d -> browser.path().contains("county=") && d.findElements(By.id("item-" + qingcheng.getId())).isEmpty());
            assertThat(browser.script("return window.__samePage === true")).as("swapped, not reloaded").isEqualTo(true);
            assertThat(browser.path()).contains("state=OVERDUE");
            WebElement row = browser.waitFor(By.id("item-" + yingde.getId()));
            assertThat(row.getAttribute("class")).contains("overdue");
            assertThat(row.getText()).contains("研判定级", "市环境保护局", "逾期", "个工作日",
                    "2026年3月5日");
            assertThat(row.findElement(By.cssSelector(".days.late")).getText()).matches("逾期 \\d+ 个工作日");
            assertThat(browser.driver().findElements(By.id("item-" + qingcheng.getId()))).as("another county's").isEmpty();

            // the charts are drawn, and their numbers are in the tables beside them
            browser.waitFor(By.cssSelector("#chart-county .chart canvas"));
            assertThat(browser.driver().findElements(By.cssSelector(".chart canvas")).size()).isGreaterThanOrEqualTo(4);
            String countyCounts = browser.text("#counts-county");
            assertThat(countyCounts).contains(YINGDE).doesNotContain("清城区");
            String stateCounts = browser.text("#counts-state");
            assertThat(stateCounts).contains("正常", "临期", "逾期", "严重逾期", "暂停计时", "合计");
            long overdueInYingde = Long.parseLong(browser.driver()
                    .findElement(By.xpath("//table[@id='counts-state']//tr[th='逾期']/td")).getText());
            assertThat(overdueInYingde).isPositive();
            assertThat(browser.text("#items-total")).isEqualTo(String.valueOf(
                    browser.driver().findElements(By.cssSelector("#items tbody tr")).size()));
            browser.assertClean();

            // reload keeps the filter
            browser.driver().navigate().refresh();
            browser.waitFor(By.id("item-" + yingde.getId()));
            assertThat(new Select(browser.driver().findElement(By.id("f-county"))).getFirstSelectedOption().getText())
                    .isEqualTo(YINGDE);
            browser.waitFor(By.cssSelector("#chart-state .chart canvas"));
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.screenshot("supervision-dashboard");
            browser.assertClean();

            // the same filter as XLSX, downloaded by the browser with its session
            browser.driver().executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            assertThat(browser.driver().findElement(By.id("export-xlsx")).getAttribute("href"))
                    .contains("format=XLSX", "county=", "state=OVERDUE");
            browser.driver().findElement(By.id("export-xlsx")).click();
            Path xlsx = browser.waitUntil(d -> finished(downloads, ".xlsx"));
            List<List<String>> sheet = readSheet(xlsx);
            assertThat(sheet.get(0)).contains("事项编号", "县（市、区）", "状态");
            assertThat(sheet).anySatisfy(r -> assertThat(r).startsWith(String.valueOf(yingde.getId())).contains(YINGDE, "逾期"));
            assertThat(sheet).noneSatisfy(r -> assertThat(r.get(0)).isEqualTo(String.valueOf(qingcheng.getId())));
            assertThat(sheet.stream().skip(1)).allSatisfy(r -> assertThat(r).contains(YINGDE));

            // an extension request, granted from the list
            browser.get("/supervision");
            WebElement request = browser.waitFor(By.id("extension-" + extensionId));
            assertThat(request.getText()).contains("需会同县局现场核实", "5");
            browser.driver().findElement(By.id("grant-" + extensionId)).click();
            assertThat(browser.text("#notice")).contains("已批准");
            assertThat(browser.driver().findElements(By.id("extension-" + extensionId))).isEmpty();
            assertThat(deadlineItems.stateOf(deadlineItems.find(extended.getId()).orElseThrow()))
                    .isEqualTo(SlaState.ON_TRACK);
            browser.assertClean();

            // an order from the item's row: an empty comment is refused beside the field, then it is issued
            browser.get("/supervision?county=" + YINGDE + "&state=OVERDUE");
            browser.waitFor(By.cssSelector("#item-" + yingde.getId() + " a.issue-order")).click();
            browser.waitFor(By.id("order-form"));
            assertThat(browser.driver().findElement(By.id("addressee")).getAttribute("value")).isEqualTo("city-epb");
            browser.assertClean();
            browser.driver().findElement(By.id("order-submit")).click();
            assertThat(browser.text("#comment-error")).isEqualTo("不能为空");
            assertThat(browser.driver().findElement(By.id("comment")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.seriousAccessibilityViolations()).isEmpty();
            browser.assertClean();
            browser.driver().findElement(By.id("workingDays")).sendKeys("5");
            browser.driver().findElement(By.id("comment")).sendKeys("请于五个工作日内完成研判并报告");
            browser.driver().findElement(By.id("order-submit")).click();
            assertThat(browser.text("#notice")).contains("督办令", "已下达");
            assertThat(browser.path()).startsWith("/supervision?").contains("county=");
            assertThat(browser.text("#order-list")).contains("研判定级", "市环境保护局", "已下达", "supervisor");
            assertThat(browser.text("#item-" + yingde.getId())).endsWith("1 下达督办令");
            browser.assertClean();
        }

        try (PortalBrowser narrow = PortalBrowser.open(port, ZH, 360, 800)) {
            narrow.get("/supervision?county=" + YINGDE).signIn("supervisor", "demo");
            narrow.waitFor(By.cssSelector("#chart-state .chart canvas"));
            narrow.waitFor(By.id("item-" + yingde.getId()));
            assertThat(narrow.overflowsHorizontally()).as("page wider than 360 px").isFalse();
            assertThat(narrow.seriousAccessibilityViolations()).isEmpty();
            narrow.screenshot("supervision-dashboard-360");
            narrow.assertClean();
        }
    }

    @Test
    void aHeadSeesOnlyItsDepartmentsItemsAndAReviewerIsRefused() {
        DeadlineItem epb = openItem(reportByEnterprise("看板测试：本部门事项"));
        Hazard moved = reportByEnterprise("看板测试：移交经信局事项");
        ApiClient.Response reassigned = new ApiClient(port, "supervisor").post("/api/supervision/items/"
                + openItem(moved).getId() + "/reassign", Map.of("toDepartment", "city-eit", "reason", "属工信部门职责"));
        assertThat(reassigned.status()).as(reassigned.body()).isEqualTo(200);
        DeadlineItem eit = openItem(moved);
        assertThat(eit.getResponsible()).isEqualTo("city-eit");
        moveClockTo(LATER);

        try (PortalBrowser head = PortalBrowser.open(port, ZH)) {
            head.get("/supervision?state=OVERDUE").signIn("head", "demo");
            head.waitFor(By.id("item-" + epb.getId()));
            assertThat(head.driver().findElements(By.id("item-" + eit.getId()))).isEmpty();
            assertThat(head.text()).contains("仅显示本部门负责的事项");
            assertThat(new Select(head.driver().findElement(By.id("f-department"))).getOptions())
                    .extracting(WebElement::getText).containsExactly("市环境保护局");
            assertThat(head.text("#counts-department")).contains("市环境保护局").doesNotContain("市经济和信息化局");
            assertThat(head.driver().findElements(By.cssSelector("a.issue-order"))).as("heads do not issue orders").isEmpty();
            head.assertClean();

            head.get("/supervision?department=city-eit");
            assertThat(head.text("#error-text")).isEqualTo("您没有访问此页面的权限。");
            assertThat(head.text("#status")).contains("403");
        }
        try (PortalBrowser reviewer = PortalBrowser.open(port, ZH)) {
            reviewer.get("/supervision").signIn("reviewer", "demo");
            assertThat(reviewer.text("#error-text")).isEqualTo("您没有访问此页面的权限。");
            assertThat(reviewer.text()).contains("错误代码 403").doesNotContain("Exception", "督办事项");
            reviewer.get("/supervision/items/" + epb.getId() + "/order");
            assertThat(reviewer.text("#status")).contains("403");
        }
    }

    /** The downloaded file once Chromium has finished writing it (no .crdownload left), else null to wait on. */
    private static Path finished(Path dir, String extension) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            if (all.stream().anyMatch(p -> p.toString().endsWith(".crdownload"))) {
                return null;
            }
            return all.stream().filter(p -> p.toString().endsWith(extension)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<List<String>> readSheet(Path xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(format.formatCellValue(cell)));
                rows.add(cells);
            }
        }
        return rows;
    }
}
