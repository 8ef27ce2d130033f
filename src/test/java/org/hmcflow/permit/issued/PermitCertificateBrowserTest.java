package org.hmcflow.permit.issued;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.hmcflow.permit.application.PermitApiScenarios;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.EngineClockControl;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The printable permit certificate (排污许可证正本) in a real browser (headless Chromium over the DevTools protocol): the
 * holder signs in and opens it; the Chinese text is drawn with a CJK font of the machine (no web font, nothing fetched
 * from another host), and printing gives one A4 PDF page that embeds that font. Chromium is required: without it this
 * test fails, it does not skip.
 */
@H2AppTest
class PermitCertificateBrowserTest {

    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;

    @BeforeAll
    static void startBrowser() throws Exception {
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void resetClock() {
        EngineClockControl.reset();
    }

    @Test
    void theHolderPrintsItsCertificateInChineseWithALocalCjkFontOnOneA4Page() throws Exception {
        new EngineClockControl(management).set(ZonedDateTime.parse("2026-03-02T09:00:00+08:00").toInstant());
        long id = issue();
        String number = new ApiClient(port, "enterprise").get("/api/permits/" + id).json().get("permitNumber").asText();

        HeadlessChromium.Page page = chromium.newPage("zh-CN,zh;q=0.9");
        page.open(url("/login"));
        page.navigateBy("document.getElementById('username').value = 'enterprise';"
                + "document.getElementById('password').value = 'demo';"
                + "document.querySelector('#login-form button[type=submit]').click()");
        page.open(url("/permits/" + id + "/certificate"));
        assertThat(page.location().getPath()).isEqualTo("/permits/" + id + "/certificate");

        String text = page.text();
        assertThat(text).contains("排污许可证", "Pollutant Discharge Permit", number, "清远市尤尼电源科技有限公司",
                "统一社会信用代码", PermitApiScenarios.USCC_1, "重点管理", "2026年3月2日 至 2031年3月1日", "发证机关",
                "市环境保护局", "DW001", "DA001", "Pb", "2026年3月2日");
        assertThat(page.eval("document.querySelector('#permit-number').innerText").asText()).isEqualTo(number);
        assertThat(page.eval("getComputedStyle(document.body).fontFamily").asText())
                .contains("Noto Serif CJK SC", "SimSun", "WenQuanYi Zen Hei");
        assertThat(page.eval("document.fonts.size").asInt()).as("no web fonts").isZero();

        // the glyphs of the holder's name come from a font installed here that covers Chinese
        List<String> fonts = platformFonts(page, "#holder");
        assertThat(fonts).as("fonts drawing the holder's name").isNotEmpty()
                .allSatisfy(f -> assertThat(f).containsAnyOf("CJK", "Han", "WenQuanYi", "Song", "Hei", "Ming", "Kai"));

        assertOnlyLocal(page);

        JsonNode pdf = page.call("Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
        byte[] bytes = Base64.getDecoder().decode(pdf.path("data").asText());
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("%PDF-");
        // A4 is 595 × 842 points; everything on one page
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 (\\d+(?:\\.\\d+)?) (\\d+(?:\\.\\d+)?)").matcher(raw);
        assertThat(box.find()).isTrue();
        assertThat(Double.parseDouble(box.group(1))).isBetween(594.0, 596.5);
        assertThat(Double.parseDouble(box.group(2))).isBetween(841.0, 842.5);
        assertThat(Pattern.compile("/Type\\s*/Page[^s]").matcher(raw).results().count()).isEqualTo(1);
        // the CJK font is embedded (a subset), so the print reads the same anywhere
        List<String> baseFonts = new ArrayList<>();
        Pattern.compile("/BaseFont\\s*/([A-Za-z0-9+#-]+)").matcher(raw).results().forEach(m -> baseFonts.add(m.group(1)));
        assertThat(baseFonts).anyMatch(f -> f.matches("[A-Z]{6}\\+.*")
                && fonts.stream().anyMatch(p -> f.replace("#20", "").contains(p.replace(" ", "").split(",")[0])));
        assertThat(raw).containsAnyOf("/FontFile2", "/FontFile3", "/FontFile");
    }

    /** Files demo enterprise 1's application and takes it to issue as the bureau; the permit's id. */
    private long issue() {
        ApiClient enterprise = new ApiClient(port, "enterprise");
        ApiClient reviewer = new ApiClient(port, "reviewer");
        long app = enterprise.post("/api/permits/applications", PermitApiScenarios.anApplication()).json().get("id").asLong();
        String base = "/api/permits/applications/" + app;
        assertThat(reviewer.post(base + "/acceptance", Map.of("acceptanceDecision", "ACCEPT")).status()).isEqualTo(204);
        assertThat(reviewer.post(base + "/technical-review", Map.of("reviewOutcome", "PROCEED", "managementCategory", "KEY",
                "siteInspectionRequired", false, "reviewComment", "材料齐全")).status()).isEqualTo(204);
        assertThat(reviewer.post(base + "/decision", Map.of("decision", "ISSUE", "decisionComment", "准予许可")).status())
                .isEqualTo(204);
        return enterprise.get("/api/permits").json().get(0).get("id").asLong();
    }

    /** The platform fonts Chromium used to draw the text of the element. */
    private static List<String> platformFonts(HeadlessChromium.Page page, String selector) throws Exception {
        page.call("DOM.enable", Map.of());
        page.call("CSS.enable", Map.of());
        int root = page.call("DOM.getDocument", Map.of()).path("root").path("nodeId").asInt();
        int node = page.call("DOM.querySelector", Map.of("nodeId", root, "selector", selector)).path("nodeId").asInt();
        List<String> names = new ArrayList<>();
        page.call("CSS.getPlatformFontsForNode", Map.of("nodeId", node)).path("fonts")
                .forEach(f -> names.add(f.path("familyName").asText()));
        return names;
    }

    /** Nothing fetched or referenced from any host but this server. */
    private static void assertOnlyLocal(HeadlessChromium.Page page) throws Exception {
        JsonNode referenced = page.eval("""
                (() => {
                  const urls = [];
                  document.querySelectorAll('link[href], script[src], img[src], iframe[src], source[src], object[data], embed[src]')
                      .forEach(e => urls.push(e.href || e.src || e.data));
                  for (const sheet of document.styleSheets) {
                    if (sheet.href) urls.push(sheet.href);
                    for (const rule of sheet.cssRules) {
                      for (const m of rule.cssText.matchAll(/url\\(["']?([^"')]+)["']?\\)/g)) {
                        urls.push(new URL(m[1], sheet.href || location.href).href);
                      }
                    }
                  }
                  performance.getEntriesByType('resource').forEach(r => urls.push(r.name));
                  return urls;
                })()""");
        List<String> urls = new ArrayList<>();
        referenced.forEach(u -> urls.add(u.asText()));
        urls.addAll(page.requestedUrls());
        assertThat(urls).anyMatch(u -> u.endsWith("/css/permit-certificate.css"));
        assertThat(urls).allSatisfy(u -> {
            URI uri = URI.create(u);
            if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                assertThat(uri.getHost()).as(u).isIn("localhost", "127.0.0.1");
            } else {
                assertThat(uri.getScheme()).as(u).isIn("data", "about", null);
            }
        });
        String html = page.eval("document.documentElement.outerHTML").asText();
        assertThat(html).as("no absolute URL to another host in the page").doesNotContainPattern("(?i)https?://(?!localhost)");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
