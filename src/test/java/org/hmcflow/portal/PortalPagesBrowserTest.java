package org.hmcflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.PortalBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's pages as people meet them: every user task's form of {@code processes/} drawn in the portal without a
 * console error and in one language; the home, inbox, step and dashboard pages at 360 px without horizontal overflow
 * and without a serious or critical axe-core violation; a step completed by keyboard alone; Camunda Tasklist's menus
 * in Chinese.
 */
@H2AppTest
class PortalPagesBrowserTest {

    private static final String ZH = "zh-CN,zh";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_REF = Pattern.compile("<bpmn:(userTask|startEvent) id=\"([^\"]+)\"[^>]*camunda:formRef=\"([^\"]+)\"");
    private static PortalBrowser reviewer;

    @LocalServerPort
    int port;

    @BeforeAll
    static void noBrowserYet() {
        reviewer = null;
    }

    @AfterAll
    static void closeBrowser() {
        if (reviewer != null) {
            reviewer.close();
        }
    }

    private PortalBrowser reviewer() {
        if (reviewer == null) {
            reviewer = PortalBrowser.open(port, ZH).get("/").signIn("reviewer", "demo");
        }
        return reviewer;
    }

    /** Every form a user task (or start event) of processes/ is bound to, with the element that names it. */
    static Stream<String> userTaskForms() throws IOException {
        TreeSet<String> forms = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            for (Path bpmn : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher m = FORM_REF.matcher(Files.readString(bpmn));
                while (m.find()) {
                    forms.add(m.group(3));
                }
            }
        }
        assertThat(forms).as("forms bound in processes/").hasSizeGreaterThan(30);
        return forms.stream();
    }

    @ParameterizedTest
    @MethodSource("userTaskForms")
    void everyUserTaskFormOpensInThePortalInOneLanguage(String formId) throws IOException {
        PortalBrowser browser = reviewer();
        browser.get("/forms/" + formId);
        browser.waitFor(By.cssSelector("#preview-form[data-ready=true] .fjs-form"));
        JsonNode schema = schemaOf(formId);
        List<String> missing = new ArrayList<>();
        List<String> bothHalves = new ArrayList<>();
        String text = browser.text("#preview-form");
        for (JsonNode c : schema.path("components")) {
            // a field hidden by its condition (conditional.hide) is rightly not drawn while the form is empty
            if (c.hasNonNull("key") && !"dynamiclist".equals(c.path("type").asText()) && !c.has("conditional")
                    && browser.driver().findElements(By.cssSelector("[id$='-" + c.path("id").asText() + "']")).isEmpty()
                    && browser.driver().findElements(By.cssSelector("[id*='-" + c.path("id").asText() + "-']")).isEmpty()) {
                missing.add(c.path("id").asText());
            }
            String label = c.path("label").asText("");
            int at = label.indexOf(" / ");
            if (at > 0 && text.contains(label.substring(at + 3).strip())) {
                bothHalves.add(label);
            }
        }
        assertThat(missing).as("fields of %s drawn", formId).isEmpty();
        assertThat(bothHalves).as("English halves shown on the Chinese page of %s", formId).isEmpty();
        assertThat(text).as("form-js's own English words translated").doesNotContain("Add new", "Select\n");
        browser.assertClean();
    }

    @Test
    void thePagesFitA360PixelScreenAndPassAxe() throws Exception {
        String taskId = triageTaskOfANewHazard("车间地面防渗层破损（窄屏测试）");
        try (PortalBrowser narrow = PortalBrowser.open(port, ZH, 360, 800)) {
            narrow.get("/").signIn("reviewer", "demo");
            for (String page : List.of("/", "/inbox", "/tasks/" + taskId)) {
                checkNarrow(narrow, page);
            }
            narrow.screenshot("step-360");
        }
        try (PortalBrowser supervisor = PortalBrowser.open(port, ZH, 360, 800)) {
            supervisor.get("/").signIn("supervisor", "demo");
            checkNarrow(supervisor, "/supervision");
        }
    }

    private static void checkNarrow(PortalBrowser browser, String page) {
        browser.get(page);
        browser.waitUntil(d -> "complete".equals(browser.script("return document.readyState")));
        if (page.startsWith("/tasks/")) {
            browser.waitFor(By.cssSelector("#step-form[data-ready=true] .fjs-form"));
        }
        assertThat(browser.overflowsHorizontally()).as("%s wider than 360 px", page).isFalse();
        assertThat(browser.seriousAccessibilityViolations()).as("axe on %s", page).isEmpty();
        browser.assertClean();
    }

    @Test
    void aStepIsCompletedByKeyboardAlone() throws Exception {
        String taskId = triageTaskOfANewHazard("废气排放口铅尘超标（键盘测试）");
        PortalBrowser browser = reviewer();
        browser.get("/tasks/" + taskId);
        browser.waitFor(By.cssSelector("#step-form[data-ready=true] .fjs-form"));
        tabTo(browser, "-Field_TriageDecision");
        // the select opens on focus; arrows move, Enter picks: 不予立案, 立查立改, 一般隐患
        active(browser).sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER);
        tabTo(browser, "-Field_ResponsibleGroup");
        active(browser).sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        tabTo(browser, "-Field_RectificationWorkingDays");
        active(browser).sendKeys("15");
        tabTo(browser, "-Field_TriageComment");
        active(browser).sendKeys("一般隐患，15个工作日内整改。");
        tabTo(browser, "complete");
        active(browser).sendKeys(Keys.ENTER);
        browser.waitUntil(d -> d.getCurrentUrl().contains("done="));
        assertThat(browser.text("#done-notice")).contains("研判定级");
        assertThat(new ApiClient(port, "reviewer").get("/api/tasks?size=500").body()).doesNotContain(taskId);
    }

    @Test
    void camundaTasklistShowsItsMenusInChinese() {
        PortalBrowser browser = reviewer();
        browser.get("/camunda/app/tasklist/default/");
        browser.waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("发起流程"));
        String text = browser.text();
        assertThat(text).contains("发起流程", "新建待办", "待办").doesNotContain("Start process", "Create task");
        browser.screenshot("tasklist-zh");
    }

    private static void tabTo(PortalBrowser browser, String idSuffix) {
        for (int i = 0; i < 60; i++) {
            String id = active(browser).getAttribute("id");
            if (id != null && id.endsWith(idSuffix)) {
                return;
            }
            active(browser).sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached *" + idSuffix + "; at " + active(browser).getAttribute("outerHTML"));
    }

    private static WebElement active(PortalBrowser browser) {
        return browser.driver().switchTo().activeElement();
    }

    /** A hazard reported through the API (setting the scene; the portal's own report page is tested elsewhere). */
    private String triageTaskOfANewHazard(String title) {
        ApiClient enterprise = new ApiClient(port, "enterprise");
        ApiClient.Response created = enterprise.post("/api/hazards", Map.of("title", title, "description", "现场检查发现。",
                "location", "1号车间", "pollutants", List.of("Pb")));
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        for (JsonNode task : new ApiClient(port, "reviewer").get("/api/tasks?size=500").json()) {
            if (String.valueOf(id).equals(task.path("businessKey").asText())) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError("no triage step for hazard " + id);
    }

    private static JsonNode schemaOf(String formId) throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("forms"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                JsonNode form = JSON.readTree(f.toFile());
                if (formId.equals(form.path("id").asText())) {
                    return form;
                }
            }
        }
        throw new AssertionError("no form " + formId + " in forms/");
    }
}
