package org.hmcflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.PortalBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What a user meets when something goes wrong: a server error's page with a reference the log also has, a session
 * that ended under a page (full load, htmx) and the way back to it after signing in, the portal's headers (CSP,
 * Secure cookies over TLS) and the language that follows the user to another browser.
 *
 * <p>A failing page and a plain page are mapped into the shared application at run time (no context of its own):
 * {@code /test-failure}, {@code /api/test-failure}, {@code /test-failure/page}.
 */
@H2AppTest
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalErrorsBrowserTest {

    private static final String ZH = "zh-CN,zh";
    private static final String EN = "en-US,en";
    private static final String SECRET = "secret internal detail 4711";
    private static final Pattern REFERENCE = Pattern.compile("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}");
    private static final List<String> USERS = List.of("head", "monitor", "county", "reviewer2");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<RequestMappingInfo> registered = new java.util.ArrayList<>();

    /** Test-only pages: one that fails with an exception whose text must never reach the user, one that works. */
    @ResponseBody
    public static class TestPages {
        public String fail() {
            throw new IllegalStateException(SECRET);
        }

        public String page() {
            return "<!DOCTYPE html><html lang=\"en\"><head><title>probe</title></head>"
                    + "<body><main><p id=\"probe\">test page reached</p></main></body></html>";
        }
    }

    @BeforeAll
    void mapTestPages() throws NoSuchMethodException {
        TestPages pages = new TestPages();
        Method fail = TestPages.class.getMethod("fail");
        map(RequestMappingInfo.paths("/test-failure").methods(RequestMethod.GET), pages, fail);
        map(RequestMappingInfo.paths("/api/test-failure").methods(RequestMethod.GET), pages, fail);
        map(RequestMappingInfo.paths("/test-failure/page").methods(RequestMethod.GET).produces("text/html"), pages,
                TestPages.class.getMethod("page"));
    }

    private void map(RequestMappingInfo.Builder info, Object handler, Method method) {
        RequestMappingInfo mapping = info.options(mappings.getBuilderConfiguration()).build();
        mappings.registerMapping(mapping, handler, method);
        registered.add(mapping);
    }

    @AfterAll
    void unmapTestPagesAndForgetLanguages() {
        registered.forEach(mappings::unregisterMapping);
        // other browser tests share this application and expect the demo users without a chosen language
        USERS.forEach(user -> jdbc.update("UPDATE HMC.app_user SET locale = NULL WHERE username = ?", user));
    }

    @Test
    void aServerErrorShowsAReferenceThatTheLogHasWithTheException(CapturedOutput output) {
        try (PortalBrowser browser = PortalBrowser.open(port, ZH)) {
            browser.get("/login").signIn("head", "demo");
            browser.get("/test-failure");
            String text = browser.text();
            assertThat(text).contains("系统出现错误，请稍后重试。", "错误代码 500", "参考编号", "返回首页")
                    .doesNotContain(SECRET, "IllegalStateException", "Whitelabel", "ui.");
            String reference = browser.text("#reference-code");
            assertThat(reference).matches(REFERENCE);
            assertThat(lineWith(output.getOut(), reference)).contains("Page /test-failure failed, reference " + reference);
            assertThat(output.getOut()).contains("java.lang.IllegalStateException: " + SECRET);
            browser.assertClean();
            browser.screenshot("error-500-zh");

            // English (the user's choice), and a new reference for the new failure
            browser.get("/test-failure?lang=en");
            assertThat(browser.text()).contains("Something went wrong on our side", "Error 500", "Reference",
                    "give this reference to your system administrator").doesNotContain(SECRET, "参考编号");
            String english = browser.text("#reference-code");
            assertThat(english).matches(REFERENCE).isNotEqualTo(reference);
            assertThat(lineWith(output.getOut(), english)).contains("Page /test-failure failed");
            browser.assertClean();
            browser.screenshot("error-500-en");
        }
    }

    @Test
    void theApisServerErrorIsAProblemWithTheLoggedReference(CapturedOutput output) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/test-failure"))
                .header("Authorization", basic("head")).header("Accept", "application/json")
                .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Matcher reference = Pattern.compile("\"reference\":\"(" + REFERENCE.pattern() + ")\"").matcher(response.body());
        assertThat(reference.find()).as(response.body()).isTrue();
        assertThat(response.body()).contains("Something went wrong on our side").doesNotContain(SECRET, "Exception");
        assertThat(lineWith(output.getOut(), reference.group(1)))
                .contains("Unexpected error on GET /api/test-failure, reference " + reference.group(1));
    }

    @Test
    void anExpiredSessionSignsInAgainAndComesBackToTheSamePage() {
        try (PortalBrowser browser = PortalBrowser.open(port, ZH)) {
            // no session at all: the login page, then the page asked for
            browser.get("/test-failure/page?case=41");
            assertThat(browser.path()).startsWith("/login");
            browser.assertClean();
            browser.signIn("county", "demo");
            assertThat(browser.path()).startsWith("/test-failure/page?case=41");
            assertThat(browser.text()).contains("test page reached");

            // the session cookie lost (expired in the browser)
            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            browser.get("/test-failure/page?case=42");
            assertThat(browser.path()).startsWith("/login");
            browser.signIn("county", "demo");
            assertThat(browser.path()).startsWith("/test-failure/page?case=42");

            // the cookie names a session the server has invalidated (signed out meanwhile)
            Cookie old = browser.driver().manage().getCookieNamed("JSESSIONID");
            browser.get("/");
            browser.script("document.querySelector('#logout-form button').click()");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));
            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            browser.driver().manage().addCookie(old);
            browser.get("/test-failure/page?case=43");
            assertThat(browser.path()).startsWith("/login");
            assertThat(browser.text()).contains("用户名", "密码");
            browser.signIn("county", "demo");
            assertThat(browser.path()).startsWith("/test-failure/page?case=43");
            assertThat(browser.text()).contains("test page reached");
        }
    }

    @Test
    void anHtmxRequestWithoutASessionGets401AndHxRedirectBackToItsPage() throws Exception {
        String current = "http://localhost:" + port + "/test-failure/page?case=7";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/test-failure/page"))
                .header("HX-Request", "true").header("HX-Current-URL", current).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("HX-Redirect"))
                .hasValue("/login?continue=" + URLEncoder.encode("/test-failure/page?case=7", StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).doesNotContain("用户名");

        // another host's URL is never followed: plain login page
        for (String foreign : List.of("http://evil.example/steal", "https://localhost:" + port + "/x",
                "http://localhost:1/x", "//evil.example/x")) {
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(url("/test-failure/page"))
                    .header("HX-Request", "true").header("HX-Current-URL", foreign).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).as(foreign).isEqualTo(401);
            assertThat(other.headers().firstValue("HX-Redirect")).as(foreign).hasValue("/login");
        }

        // in a browser: htmx on a page whose session ended follows HX-Redirect, and the login brings the user back
        try (PortalBrowser browser = PortalBrowser.open(port, ZH)) {
            browser.get("/login").signIn("reviewer2", "demo");
            browser.get("/?from=htmx");
            browser.waitUntil(d -> Boolean.TRUE.equals(browser.script("return typeof htmx !== 'undefined'")));
            browser.driver().manage().deleteCookieNamed("JSESSIONID");
            browser.script("htmx.ajax('GET', '/test-failure/page', {target: '#main', swap: 'innerHTML'})");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/login"));
            assertThat(browser.path()).isEqualTo("/login?continue=" + URLEncoder.encode("/?from=htmx",
                    StandardCharsets.UTF_8));
            assertThat(browser.text()).contains("用户名").doesNotContain("test page reached");
            // the browser's console notes the refused request (401) of the page before; nothing else
            assertThat(browser.problems()).allSatisfy(p -> assertThat(p).contains("401"));
            browser.assertClean();
            browser.signIn("reviewer2", "demo");
            assertThat(browser.path()).isEqualTo("/?from=htmx");
            assertThat(browser.text()).contains("我的待办");
        }
    }

    @Test
    void theLoginPageContinuesOnlyToPathsOfThisApplication() {
        try (PortalBrowser browser = PortalBrowser.open(port, ZH)) {
            browser.get("/login?continue=" + URLEncoder.encode("/test-failure/page?case=9", StandardCharsets.UTF_8));
            browser.signIn("reviewer2", "wrong");
            assertThat(browser.text()).contains("用户名或密码不正确");
            browser.signIn("reviewer2", "demo");
            assertThat(browser.path()).isEqualTo("/test-failure/page?case=9");

            browser.get("/");
            browser.script("document.querySelector('#logout-form button').click()");
            browser.waitUntil(d -> d.getCurrentUrl().contains("/login?logout"));
            browser.get("/login?continue=" + URLEncoder.encode("//evil.example/x", StandardCharsets.UTF_8));
            browser.signIn("reviewer2", "demo");
            assertThat(browser.path()).isEqualTo("/");
        }
    }

    @Test
    void portalPagesAreCleanUnderTheContentSecurityPolicy() {
        try (PortalBrowser browser = PortalBrowser.open(port, ZH)) {
            browser.get("/login");
            assertThat(browser.text()).contains("用户名");
            browser.assertClean();
            browser.signIn("head", "demo");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.text()).contains("我的待办");
            browser.assertClean();
            browser.get("/no-such-page");
            assertThat(browser.text()).contains("您要找的页面不存在。").doesNotContain("参考编号");
            browser.assertClean();
        }
    }

    @Test
    void portalPagesSendOurHeadersAndCamundaKeepsItsOwn() throws Exception {
        String policy = environment.getProperty("hmc.web.content-security-policy");
        assertThat(policy).startsWith("default-src 'self'; script-src 'self'; style-src 'self';")
                .contains("object-src 'none'", "frame-ancestors 'self'");
        for (String page : List.of("/login", "/css/hmc.css", "/no-such-page")) {
            HttpResponse<String> response = get(page, "text/html");
            assertThat(response.headers().allValues("Content-Security-Policy")).as(page).containsExactly(policy);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(page).hasValue("same-origin");
        }
        HttpResponse<String> api = get("/api/public/inspections/plans", "application/json");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<String> tasklist = http.send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/"))
                .header("Authorization", basic("head")).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).isEqualTo(200);
        List<String> camunda = tasklist.headers().allValues("Content-Security-Policy");
        assertThat(camunda).as("Camunda's own policy, once").hasSize(1);
        assertThat(camunda.get(0)).isNotEqualTo(policy).contains("'strict-dynamic'");
        assertThat(tasklist.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    }

    @Test
    void cookiesAreSecureWhenTheRequestCameOverTls() throws Exception {
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(url("/login?lang=en")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cookie(plain, "JSESSIONID")).doesNotContainIgnoringCase("secure").containsIgnoringCase("HttpOnly");
        assertThat(cookie(plain, "HMC_LANG")).startsWith("HMC_LANG=en;").doesNotContainIgnoringCase("secure");

        // as a TLS-terminating proxy on this machine forwards it
        HttpResponse<String> tls = http.send(HttpRequest.newBuilder(url("/login?lang=en"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tls.statusCode()).isEqualTo(200);
        assertThat(cookie(tls, "JSESSIONID")).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
        assertThat(cookie(tls, "HMC_LANG")).startsWith("HMC_LANG=en;").containsIgnoringCase("; Secure")
                .containsIgnoringCase("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void theChosenLanguageFollowsTheUserToAnotherBrowser() {
        try (PortalBrowser first = PortalBrowser.open(port, ZH); PortalBrowser second = PortalBrowser.open(port, ZH)) {
            first.get("/login").signIn("monitor", "demo");
            assertThat(first.text()).contains("我的待办");
            first.get("/?lang=en");
            assertThat(first.text()).contains("My open steps");
            assertThat(jdbc.queryForObject("SELECT locale FROM HMC.app_user WHERE username = 'monitor'", String.class))
                    .isEqualTo("en");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM HMC.audit_event WHERE case_type = 'user' AND "
                    + "case_id = 'monitor' AND action = 'LOCALE_SET'", Integer.class)).isPositive();

            // another browser, Chinese by its settings and without a cookie: Chinese until the user signs in
            second.get("/login");
            assertThat(second.text()).contains("用户名");
            second.signIn("monitor", "demo");
            assertThat(second.text()).contains("My open steps").doesNotContain("我的待办");
            second.get("/?lang=zh-CN");
            assertThat(second.text()).contains("我的待办");
            first.get("/");
            assertThat(first.text()).as("the first browser's cookie yields to the user's new choice").contains("我的待办");
        }
    }

    private static String lineWith(String log, String reference) {
        return log.lines().filter(line -> line.contains(reference)).findFirst()
                .orElseThrow(() -> new AssertionError("no log line with reference " + reference));
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
