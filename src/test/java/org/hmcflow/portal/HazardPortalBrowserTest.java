package org.hmcflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.PortalBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hazard's whole life in the portal, in real browsers, with no API call outside the pages: the enterprise reports
 * it with two photos; the bureau's reviewer triages it on the step's page; the enterprise rectifies with a photo
 * before and after of each rectification point in the step's file section; the reviewer verifies and the case is
 * closed out (销号). On the way: the server's message beside an empty required field, in Chinese and then in English;
 * the step's own check (photos of every point) beside the files; claim and unclaim.
 */
@H2AppTest
class HazardPortalBrowserTest {

    private static final String ZH = "zh-CN,zh";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path files;

    private PortalBrowser enterprise;
    private PortalBrowser reviewer;

    @AfterEach
    void closeBrowsers() {
        if (enterprise != null) {
            enterprise.close();
        }
        if (reviewer != null) {
            reviewer.close();
        }
    }

    @Test
    void aHazardFromReportToCloseOutInTheBrowser() throws Exception {
        enterprise = PortalBrowser.open(port, ZH).get("/").signIn("enterprise", "demo");
        reviewer = PortalBrowser.open(port, ZH).get("/").signIn("reviewer", "demo");

        // --- the enterprise reports, first forgetting the title: the server's message beside the field
        enterprise.get("/hazards/new");
        formReady(enterprise, "#report-form");
        enterprise.assertClean();
        enterprise.driver().findElement(By.id("submit-report")).click();
        assertThat(fieldError(enterprise, "Field_Title")).isEqualTo("不能为空");
        assertThat(fieldError(enterprise, "Field_Location")).isEqualTo("不能为空");
        assertThat(enterprise.text()).doesNotContain("Field is required", "must not be blank");
        enterprise.screenshot("hazard-report-errors-zh");

        enterprise.get("/hazards/new?lang=en");
        formReady(enterprise, "#report-form");
        enterprise.driver().findElement(By.id("submit-report")).click();
        assertThat(fieldError(enterprise, "Field_Title")).isEqualTo("must not be blank");
        assertThat(enterprise.text()).contains("Hazard title", "Heavy metals concerned").doesNotContain("隐患名称");
        enterprise.get("/hazards/new?lang=zh-CN");
        formReady(enterprise, "#report-form");

        type(enterprise, "Field_Title", "电镀车间废水收集池渗漏");
        type(enterprise, "Field_Description", "1号收集池池壁出现裂缝，含铬、镉废水渗入地面。");
        type(enterprise, "Field_Location", "电镀车间东侧废水收集池");
        check(enterprise, "铬（Cr）");
        check(enterprise, "镉（Cd）");
        enterprise.driver().findElement(By.id("report-photos")).sendKeys(
                photo("site-1.png", Color.ORANGE) + "\n" + photo("site-2.png", Color.GRAY));
        enterprise.waitForText("#report-photo-list", "site-2.png");
        enterprise.driver().findElement(By.id("submit-report")).click();
        enterprise.waitUntil(d -> d.getCurrentUrl().contains("reported=true"));
        long id = jdbc.queryForObject("select max(id) from hmc.hazard", Long.class);
        assertThat(enterprise.path()).isEqualTo("/hazards/" + id + "?reported=true");
        assertThat(enterprise.text("#hazard-reference")).startsWith("YH-");
        assertThat(enterprise.text()).contains("电镀车间废水收集池渗漏", "待研判", "site-1.png",
                "site-2.png", "铬", "上报隐患");
        assertThat(jdbc.queryForObject("select count(*) from hmc.evidence_file where hazard_id = ?", Long.class, id))
                .isEqualTo(2);
        enterprise.assertClean();

        // --- the reviewer triages on the step's page: claims it, sees the report's photos beside the form
        reviewer.get("/inbox");
        WebElement row = reviewer.waitFor(By.xpath("//table[@id='inbox']//tr[td[3][normalize-space()='" + id + "']]"));
        row.findElement(By.cssSelector("a.step-link")).click();
        formReady(reviewer, "#step-form");
        reviewer.assertClean();
        assertThat(reviewer.text("#step-name")).isEqualTo("研判定级");
        assertThat(reviewer.text("#file-section")).contains("site-1.png", "site-2.png");
        reviewer.driver().findElement(By.id("claim")).click();
        reviewer.waitForText("#step-assignee", "reviewer");
        formReady(reviewer, "#step-form");
        choose(reviewer, "Field_TriageDecision", "一般隐患");
        choose(reviewer, "Field_ResponsibleGroup", "市环境保护局");
        type(reviewer, "Field_RectificationWorkingDays", "10");
        type(reviewer, "Field_TriageComment", "一般隐患，限期10个工作日整改。");
        reviewer.screenshot("hazard-triage");
        reviewer.driver().findElement(By.id("complete")).click();
        reviewer.waitUntil(d -> d.getCurrentUrl().contains("/inbox") && d.getCurrentUrl().contains("done="));
        assertThat(reviewer.text("#done-notice")).contains("研判定级");

        // --- the enterprise rectifies: one row per point, a photo before and after each
        enterprise.get("/inbox");
        enterprise.waitFor(By.xpath("//table[@id='inbox']//tr[td[3][normalize-space()='" + id + "']]//a"))
                .click();
        formReady(enterprise, "#step-form");
        assertThat(enterprise.text("#step-name")).isEqualTo("整改并提交证据");
        type(enterprise, "Field_RectificationSummary", "更换池体防渗层并修补裂缝，渗漏已停止。");
        // completing without photos: the step's own check, shown beside the files
        enterprise.driver().findElement(By.id("complete")).click();
        enterprise.waitUntil(d -> d.findElement(By.id("files-problem")).isDisplayed());
        assertThat(enterprise.text("#files-problem")).contains("照片");

        uploadPoint(enterprise, "1号收集池池壁", photo("before-1.png", Color.RED), photo("after-1.png", Color.GREEN));
        uploadPoint(enterprise, "收集池地面", photo("before-2.jpg", Color.RED), photo("after-2.jpg", Color.GREEN));
        String points = enterprise.text("#file-points");
        assertThat(points).contains("1号收集池池壁", "收集池地面").doesNotContain("缺少");
        assertThat(enterprise.driver().findElements(By.cssSelector("#file-points img.thumb"))).hasSize(4);
        assertThat(enterprise.text("#file-list")).containsPattern("[0-9a-f]{64}");
        enterprise.assertClean();
        enterprise.screenshot("hazard-rectification-files");
        enterprise.driver().findElement(By.id("complete")).click();
        enterprise.waitUntil(d -> d.getCurrentUrl().contains("done="));

        // --- the reviewer verifies and the case is closed out
        reviewer.get("/inbox");
        reviewer.waitFor(By.xpath("//table[@id='inbox']//tr[td[3][normalize-space()='" + id + "']]//a"))
                .click();
        formReady(reviewer, "#step-form");
        assertThat(reviewer.text("#step-name")).isEqualTo("核查整改");
        assertThat(reviewer.driver().findElements(By.cssSelector("#file-points img.thumb"))).hasSize(4);
        choose(reviewer, "Field_VerificationResult", "通过");
        type(reviewer, "Field_VerificationComment", "现场核查，渗漏已消除。");
        reviewer.driver().findElement(By.id("complete")).click();
        reviewer.waitUntil(d -> d.getCurrentUrl().contains("done="));

        enterprise.get("/hazards/" + id);
        assertThat(enterprise.text()).contains("已销号", "销号", "核查通过", "报告整改完成", "研判定级");
        enterprise.screenshot("hazard-closed-out");
        enterprise.assertClean();
        assertThat(jdbc.queryForObject("select state from hmc.hazard where id = ?", String.class, id)).isEqualTo("CLOSED_OUT");
    }

    /**
     * A reviewer returns a major hazard's rectification plan with reasons, which the enterprise reads on its next
     * step; the inbox's filter, search, sort and page survive opening a step and coming back.
     */
    @Test
    void aReviewerReturnsAPlanWithReasonsAndTheInboxKeepsItsFilters() throws Exception {
        org.hmcflow.support.ApiClient api = new org.hmcflow.support.ApiClient(port, "enterprise");
        long id = api.post("/api/hazards", Map.of("title", "含铅废渣露天堆放（退回测试）", "description", "废渣库顶棚破损。",
                "location", "废渣库", "pollutants", List.of("Pb"))).json().path("id").asLong();
        reviewer = PortalBrowser.open(port, ZH).get("/").signIn("reviewer", "demo");
        enterprise = PortalBrowser.open(port, ZH).get("/").signIn("enterprise", "demo");

        // the inbox, filtered to hazards, searched and sorted: the choices are in the URL
        reviewer.get("/inbox");
        reviewer.waitFor(By.xpath("//label[contains(@class,'chip')][.//input[@value='hazard-lifecycle']]")).click();
        reviewer.waitUntil(d -> d.getCurrentUrl().contains("process=hazard-lifecycle"));
        WebElement search = reviewer.waitFor(By.id("inbox-q"));
        search.sendKeys("研判");
        reviewer.waitUntil(d -> d.getCurrentUrl().contains("q="));
        new org.openqa.selenium.support.ui.Select(reviewer.driver().findElement(By.id("inbox-sort")))
                .selectByValue("CREATED_DESC");
        reviewer.waitUntil(d -> d.getCurrentUrl().contains("sort=CREATED_DESC"));
        String filtered = reviewer.path();
        reviewer.waitFor(By.xpath("//table[@id='inbox']//tr[td[3][normalize-space()='" + id + "']]//a")).click();
        formReady(reviewer, "#step-form");
        reviewer.driver().findElement(By.id("back")).click();
        reviewer.waitUntil(d -> d.getCurrentUrl().endsWith(filtered));
        assertThat(reviewer.waitFor(By.id("inbox-q")).getAttribute("value")).isEqualTo("研判");
        assertThat(reviewer.driver().findElement(By.cssSelector("#inbox-filters input[value='hazard-lifecycle']"))
                .isSelected()).isTrue();
        assertThat(reviewer.text("#inbox-sort option:checked")).contains("最新在前");

        // triage as major; the enterprise files its plan; the reviewer returns it with reasons
        reviewer.waitFor(By.xpath("//table[@id='inbox']//tr[td[3][normalize-space()='" + id + "']]//a")).click();
        formReady(reviewer, "#step-form");
        choose(reviewer, "Field_TriageDecision", "重大隐患");
        choose(reviewer, "Field_ResponsibleGroup", "市环境保护局");
        type(reviewer, "Field_TriageComment", "重大隐患，须提交整改方案。");
        reviewer.driver().findElement(By.id("complete")).click();
        reviewer.waitUntil(d -> d.getCurrentUrl().contains("done="));
        assertThat(reviewer.path()).as("back on the same filtered inbox").startsWith(filtered);

        openStepOf(enterprise, id);
        type(enterprise, "Field_PlanTargets", "废渣全部入库，顶棚修复。");
        type(enterprise, "Field_PlanMeasures", "更换顶棚，设置导流沟。");
        type(enterprise, "Field_PlanFunds", "80000");
        type(enterprise, "Field_PlanResponsiblePerson", "张工");
        type(enterprise, "Field_PlanInterimMeasures", "临时覆盖防雨布。");
        enterprise.driver().findElement(By.id("complete")).click();
        enterprise.waitUntil(d -> d.getCurrentUrl().contains("done="));

        openStepOf(reviewer, id);
        assertThat(reviewer.text("#step-name")).isEqualTo("审批整改方案");
        choose(reviewer, "Field_PlanDecision", "退回修改");
        reviewer.driver().findElement(By.id("complete")).click();
        assertThat(fieldError(reviewer, "Field_ReviewComment")).as("a return needs its reasons").isEqualTo("不能为空");
        type(reviewer, "Field_ReviewComment", "资金测算不足，请补充导流沟的投资明细。");
        reviewer.driver().findElement(By.id("complete")).click();
        reviewer.waitUntil(d -> d.getCurrentUrl().contains("done="));

        openStepOf(enterprise, id);
        assertThat(enterprise.text("#step-name")).isEqualTo("提交整改方案");
        assertThat(field(enterprise, "Field_ReviewComment").getAttribute("value"))
                .isEqualTo("资金测算不足，请补充导流沟的投资明细。");
        assertThat(enterprise.text("#case-trail")).contains("整改方案退回", "资金测算不足");
        enterprise.screenshot("hazard-plan-returned");
        enterprise.assertClean();
        reviewer.assertClean();
    }

    private static void openStepOf(PortalBrowser browser, long caseId) {
        browser.get("/inbox");
        browser.waitFor(By.xpath("//table[@id='inbox']//tr[td[3][normalize-space()='" + caseId + "']]//a")).click();
        formReady(browser, "#step-form");
    }

    private static void formReady(PortalBrowser browser, String container) {
        browser.waitFor(By.cssSelector(container + "[data-ready=true] .fjs-form"));
    }

    private static WebElement field(PortalBrowser browser, String componentId) {
        return browser.waitFor(By.cssSelector("[id$='-" + componentId + "']"));
    }

    private static void type(PortalBrowser browser, String componentId, String text) {
        WebElement input = field(browser, componentId);
        input.clear();
        input.sendKeys(text);
    }

    /** A form-js select: open it and pick the option with this label. */
    private static void choose(PortalBrowser browser, String componentId, String label) {
        WebElement display = browser.waitFor(By.cssSelector("[id$='-" + componentId + "-display']"));
        display.click();
        browser.waitFor(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + label + "']"))
                .click();
        browser.waitUntil(d -> display.getText().equals(label));
    }

    /** A checklist option by its label. */
    private static void check(PortalBrowser browser, String label) {
        browser.waitFor(By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space()='" + label + "']"))
                .click();
    }

    /** The server's message beside a field (form-js's error element of that field). */
    private static String fieldError(PortalBrowser browser, String componentId) {
        return browser.waitFor(By.cssSelector("[id$='-" + componentId + "-error-message'], "
                + ".fjs-form-field:has([id$='-" + componentId + "']) .fjs-form-field-error")).getText().strip();
    }

    private static void uploadPoint(PortalBrowser browser, String point, String before, String after) {
        WebElement label = browser.waitFor(By.id("new-point-label"));
        label.clear();
        label.sendKeys(point);
        browser.driver().findElement(By.cssSelector("#new-point input[data-kind=BEFORE]")).sendKeys(before);
        browser.waitUntil(d -> !d.findElements(By.xpath("//table[@id='file-points']//tr[@data-point='" + point + "']"))
                .isEmpty());
        // after the section refreshed, the point has its own row: the after photo goes there
        browser.driver().findElement(By.xpath("//tr[@data-point='" + point + "']//input[@data-kind='AFTER']"))
                .sendKeys(after);
        browser.waitUntil(d -> d.findElements(By.xpath("//tr[@data-point='" + point + "']//img")).size() == 2);
    }

    private String photo(String name, Color color) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        Path file = files.resolve(name);
        ImageIO.write(image, name.endsWith(".jpg") ? "jpg" : "png", file.toFile());
        assertThat(Files.size(file)).isPositive();
        return file.toAbsolutePath().toString();
    }
}
