package org.hmcflow.permit.issued;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * holder signs in and opens it; the Chinese text is drawn with Noto Serif SC served by the application (the browser
 * knows no font of the machine, nothing is fetched from another host), and printing gives one A4 PDF page that embeds
 * that font as a font, not as Type 3 outlines. Chromium is required: without it this test fails, it does not skip.
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
    void theHolderPrintsItsCertificateInChineseWithTheServedFontOnOneA4Page() throws Exception {
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
        assertThat(page.eval("getComputedStyle(document.body).fontFamily").asText()).startsWith("\"Noto Serif SC\"");

        // Every glyph run of the holder's name is drawn with the served Noto Serif SC, a web font of this page: the
        // browser has no Chinese font of its own to fall back on (HeadlessChromium isolates fontconfig). The family
        // Chromium reports is the one in the font file's name table, which in these static slices still carries the
        // variable master's default instance ("Noto Serif SC ExtraLight") although they are the 400/700 instances.
        page.awaitFonts();
        List<HeadlessChromium.UsedFont> fonts = page.fontsUsedBy("#holder");
        assertThat(fonts).as("fonts drawing the holder's name").isNotEmpty().allSatisfy(f -> {
            assertThat(f.family()).startsWith("Noto Serif SC");
            assertThat(f.custom()).as("a web font of the page, not a platform font").isTrue();
        });
        assertThat(fonts.stream().mapToInt(HeadlessChromium.UsedFont::glyphs).sum())
                .isEqualTo("清远市尤尼电源科技有限公司".length());
        // ... fetched from this application: woff2 slices of the two served weights, each answered 200, among them
        // the numbered slices that hold Chinese characters
        JsonNode fontFetches = page.eval("performance.getEntriesByType('resource')"
                + ".filter(r => r.name.endsWith('.woff2')).map(r => [r.name, r.responseStatus])");
        List<String> fetched = new ArrayList<>();
        fontFetches.forEach(fetch -> {
            assertThat(fetch.get(1).asInt()).as(fetch.get(0).asText()).isEqualTo(200);
            fetched.add(fetch.get(0).asText());
        });
        assertThat(fetched).as("font slices fetched").allMatch(u -> u.matches("http://localhost:" + port
                + "/fonts/noto-s(erif|ans)-sc/noto-s(erif|ans)-sc-[a-z0-9-]+-(400|700)-normal\\.woff2"))
                .anyMatch(u -> u.matches(".*/noto-serif-sc-\\d+-400-normal\\.woff2"));

        assertOnlyLocal(page);
        page.screenshot(Path.of("target", "permit-certificate.png"));

        JsonNode pdf = page.call("Page.printToPDF", Map.of("preferCSSPageSize", true, "printBackground", true));
        byte[] bytes = Base64.getDecoder().decode(pdf.path("data").asText());
        try (PDDocument printed = Loader.loadPDF(bytes)) {
            // A4 is 595 × 842 points; everything on one page
            assertThat(printed.getNumberOfPages()).isEqualTo(1);
            PDPage sheet = printed.getPage(0);
            assertThat(sheet.getMediaBox().getWidth()).isBetween(594f, 596.5f);
            assertThat(sheet.getMediaBox().getHeight()).isBetween(841f, 842.5f);
            // The served font is embedded as a font (a subset), so the print reads the same anywhere; a variable font
            // would have been printed as Type 3 outlines, which is neither.
            List<PDFont> printedFonts = new ArrayList<>();
            for (COSName name : sheet.getResources().getFontNames()) {
                printedFonts.add(sheet.getResources().getFont(name));
            }
            assertThat(printedFonts).as("fonts of the printed page").isNotEmpty()
                    .noneMatch(f -> f instanceof PDType3Font)
                    .anyMatch(f -> f.getName().matches("[A-Z]{6}\\+NotoSerifSC.*") && f.isEmbedded());
            // ... and its text can be searched and copied: the holder, the number, the dates
            String printedText = new PDFTextStripper().getText(printed);
            assertThat(printedText).contains("清远市尤尼电源科技有限公司", number, "排污许可证", "2031年3月1日");
        }
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

    /** Nothing fetched or referenced from any host but this server. */
    private static void assertOnlyLocal(HeadlessChromium.Page page) throws Exception {
        List<String> urls = page.referencedUrls();
        assertThat(urls).anyMatch(u -> u.matches(".*/css/permit-certificate-[0-9a-f]{32}\\.css"))
                .anyMatch(u -> u.endsWith("/fonts/noto-serif-sc/noto-serif-sc.css"));
        assertThat(urls).allSatisfy(u -> assertThat(HeadlessChromium.isLocal(u)).as(u).isTrue());
        String html = page.eval("document.documentElement.outerHTML").asText();
        assertThat(html).as("no absolute URL to another host in the page").doesNotContainPattern("(?i)https?://(?!localhost)");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
