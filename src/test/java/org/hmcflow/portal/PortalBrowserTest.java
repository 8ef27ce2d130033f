package org.hmcflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.hmcflow.enterprise.EnterpriseService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.HeadlessChromium;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The login and home pages in a real browser (headless Chromium over the DevTools protocol), against the running
 * application with its demo accounts: language, sign-in, what each role sees, error page, no third-party requests.
 * Chromium is required: without it this test fails, it does not skip.
 */
@H2AppTest
class PortalBrowserTest {

    private static final String ZH = "zh-CN,zh;q=0.9";
    private static final String EN = "en-US,en;q=0.9";

    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    Clock clock;

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

    @Test
    void loginPageSpeaksChineseByDefaultAndSwitchesLanguage() throws Exception {
        // No Accept-Language at all: Chinese.
        HttpResponse<String> plain = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(url("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).contains("lang=\"zh-CN\"", "<title>登录 · HMC-Flow</title>", "重金属污染防治业务流程",
                "用户名", "密码");

        HeadlessChromium.Page page = chromium.newPage(ZH);
        page.open(url("/login").toString());
        String text = page.text();
        assertThat(text).contains("HMC-Flow", "重金属污染防治业务流程", "用户名", "密码", "登录")
                .doesNotContain("Username", "ui.");
        // the demo box of the default profile
        assertThat(page.eval("document.querySelector('#demo-accounts').innerText").asText())
                .contains("admin", "reviewer2", "市经济和信息化局", "supervisor", "enterprise2", "demo");
        assertThat(page.eval("document.querySelector('#login-form input[name=_csrf]').value").asText()).isNotBlank();
        assertStyledAndLocal(page);

        // ?lang=en switches, and the choice sticks without the parameter
        page.open(url("/login?lang=en").toString());
        assertThat(page.text()).contains("Heavy-metal pollution control workflows", "Username", "Password",
                "Demo accounts", "City Economy and Information Technology Bureau").doesNotContain("用户名");
        assertThat(page.eval("document.documentElement.lang").asText()).isEqualTo("en");
        page.open(url("/login").toString());
        assertThat(page.text()).contains("Username");
        page.open(url("/login?lang=zh-CN").toString());
        assertThat(page.text()).contains("用户名").doesNotContain("Username");

        // An English browser gets English until it asks otherwise.
        HeadlessChromium.Page english = chromium.newPage(EN);
        english.open(url("/login").toString());
        assertThat(english.text()).contains("Heavy-metal pollution control workflows", "Sign in");
    }

    @Test
    void wrongPasswordShowsTheLocalizedError() throws Exception {
        HeadlessChromium.Page page = chromium.newPage(ZH);
        page.open(url("/login").toString());
        signIn(page, "reviewer", "wrong-password");
        assertThat(page.location().getPath()).isEqualTo("/login");
        assertThat(page.location().getQuery()).isEqualTo("error");
        assertThat(page.eval("document.querySelector('#login-error').innerText").asText())
                .isEqualTo("用户名或密码不正确，请重新输入。");

        page.open(url("/login?lang=en").toString());
        signIn(page, "reviewer", "wrong-password");
        assertThat(page.text()).contains("Wrong username or password.").doesNotContain("用户名或密码不正确");
    }

    @Test
    void reviewerSignsInAndSeesStepsAndHazards() throws Exception {
        Long enterpriseId = enterprises.all().get(0).getId();
        LocalDate today = LocalDate.now(clock);
        long late = insertHazard(enterpriseId, "RECTIFYING", "GENERAL", "废水总排口铅浓度超标", today.minusDays(3), true, false);
        insertHazard(enterpriseId, "PLAN_SUBMITTED", "MAJOR", "电镀车间地面防渗层破损", today.plusDays(30), false, true);
        startStep(late, "核查整改情况（门户测试）");

        HeadlessChromium.Page page = chromium.newPage(ZH);
        page.open(url("/").toString());
        assertThat(page.location().getPath()).as("the home page asks for a login").isEqualTo("/login");
        signIn(page, "reviewer", "demo");

        assertThat(page.location().getPath()).isEqualTo("/");
        String text = page.text();
        assertThat(text).contains("您好，王审核（市环境保护局）", "审核人员", "市环境保护局", "待办任务", "接口文档",
                "我的待办", "最近的隐患案件");
        assertThat(page.eval("document.querySelector('#link-tasklist').getAttribute('href')").asText())
                .isEqualTo("/camunda/app/tasklist/default/");
        assertThat(page.eval("document.querySelector('#link-api').getAttribute('href')").asText())
                .isEqualTo("/swagger-ui.html");
        assertThat(page.eval("document.querySelector('#link-cockpit') === null && "
                + "document.querySelector('#link-admin') === null").asBoolean())
                .as("a reviewer gets no Cockpit or Admin link").isTrue();

        // my open step, overdue, linked to the portal's step page (PortalController.TaskRow)
        String steps = page.eval("document.querySelector('#tasks').innerText").asText();
        assertThat(steps).contains("核查整改情况（门户测试）", String.valueOf(late), "已逾期");
        assertThat(page.eval("document.querySelectorAll('#tasks tbody tr.overdue').length").asInt()).isEqualTo(1);
        assertThat(page.eval("document.querySelector('#tasks tbody a').getAttribute('href')").asText())
                .startsWith("/tasks/");

        // recent hazards with localized states and grades; the overdue one marked
        String hazards = page.eval("document.querySelector('#hazards').innerText").asText();
        assertThat(hazards).contains("废水总排口铅浓度超标", "整改中", "一般隐患", "电镀车间地面防渗层破损", "方案审批中",
                "重大隐患", "挂牌督办", "已逾期", "YH-").doesNotContain("RECTIFYING", "PLAN_SUBMITTED", "ui.");
        assertThat(page.eval("Array.from(document.querySelectorAll('#hazards tbody tr.overdue'))"
                + ".map(r => r.innerText).join('|')").asText())
                .contains("废水总排口铅浓度超标").doesNotContain("电镀车间地面防渗层破损");
        assertStyledAndLocal(page);
        page.screenshot(Path.of("target", "portal-home.png"));

        // the same page in English
        page.open(url("/?lang=en").toString());
        assertThat(page.text()).contains("Hello, 王审核（市环境保护局）", "Reviewer", "City Environmental Protection Bureau",
                "My open steps", "Rectifying", "Plan under review", "Overdue", "Supervised");
        page.open(url("/?lang=zh-CN").toString());

        // a page that does not exist: our localized error page, no Whitelabel, no internals, a way home
        page.open(url("/no-such-page").toString());
        String error = page.text();
        assertThat(error).contains("您要找的页面不存在。", "错误代码 404", "返回首页")
                .doesNotContain("Whitelabel", "Exception", "trace");
        assertThat(page.eval("document.querySelector('#home-link').getAttribute('href')").asText()).isEqualTo("/");
        assertStyledAndLocal(page);
        page.open(url("/actuator/info").toString()); // administrators only
        assertThat(page.text()).contains("您没有访问此页面的权限。", "错误代码 403").doesNotContain("Whitelabel");

        // sign out (POST with the CSRF token), and the home page is closed again
        page.open(url("/").toString());
        page.navigateBy("document.querySelector('#logout-form button').click()");
        assertThat(page.location().getPath()).isEqualTo("/login");
        assertThat(page.text()).contains("您已安全退出。");
        page.open(url("/").toString());
        assertThat(page.location().getPath()).isEqualTo("/login");
    }

    @Test
    void eachRoleSeesItsLinksAndAnEmptyHomeIsFine() throws Exception {
        HeadlessChromium.Page admin = chromium.newPage(ZH);
        admin.open(url("/login").toString());
        signIn(admin, "admin", "demo");
        assertThat(admin.text()).contains("系统管理员", "待办任务", "流程监控", "系统管理");
        assertThat(admin.eval("document.querySelector('#link-cockpit').getAttribute('href')").asText())
                .isEqualTo("/camunda/app/cockpit/default/");
        assertThat(admin.eval("document.querySelector('#link-admin').getAttribute('href')").asText())
                .isEqualTo("/camunda/app/admin/default/");
        // signed in already: the login page sends you home
        admin.open(url("/login").toString());
        assertThat(admin.location().getPath()).isEqualTo("/");

        HeadlessChromium.Page supervisor = chromium.newPage(ZH);
        supervisor.open(url("/login").toString());
        signIn(supervisor, "supervisor", "demo");
        assertThat(supervisor.text()).contains("督办人员", "流程监控").doesNotContain("系统管理（");
        assertThat(supervisor.eval("document.querySelector('#link-admin') === null").asBoolean()).isTrue();

        // enterprise2 has no steps and no hazards (any seeded ones belong to the first demo enterprise)
        HeadlessChromium.Page enterprise = chromium.newPage(ZH);
        enterprise.open(url("/login").toString());
        signIn(enterprise, "enterprise2", "demo");
        assertThat(enterprise.location().getPath()).isEqualTo("/");
        assertThat(enterprise.text()).contains("您好，兴和（清远）五金电镀制品有限公司", "企业用户", "暂无待办步骤。",
                "暂无隐患案件。");
        assertThat(enterprise.eval("document.querySelector('#link-cockpit') === null").asBoolean()).isTrue();
        assertStyledAndLocal(enterprise);
    }

    private void signIn(HeadlessChromium.Page page, String username, String password) throws Exception {
        page.navigateBy("document.getElementById('username').value = " + jsString(username) + ";"
                + "document.getElementById('password').value = " + jsString(password) + ";"
                + "document.querySelector('#login-form button[type=submit]').click()");
    }

    /**
     * Our stylesheet applied (so /css is served and open without a login), the text drawn with the Noto Sans SC the
     * application serves (open without a login too; the browser knows no font of the machine), and nothing fetched or
     * referenced from any host but this server: neither by the network log nor by the DOM's stylesheet, script, image
     * and frame URLs.
     */
    private void assertStyledAndLocal(HeadlessChromium.Page page) throws Exception {
        assertThat(page.eval("getComputedStyle(document.body).fontFamily").asText()).startsWith("\"Noto Sans SC\"");
        page.awaitFonts();
        for (String selector : new String[] {".languages a[hreflang=zh-CN]", "h1"}) {
            List<HeadlessChromium.UsedFont> fonts = page.fontsUsedBy(selector);
            // the name table of the served slices says "Noto Sans SC Thin" (see PermitCertificateBrowserTest)
            assertThat(fonts).as("fonts drawing " + selector).isNotEmpty().allSatisfy(f -> {
                assertThat(f.family()).startsWith("Noto Sans SC");
                assertThat(f.custom()).as("a web font of the page, not a platform font").isTrue();
                assertThat(f.glyphs()).isPositive();
            });
        }
        assertThat(page.eval("Array.from(document.styleSheets).map(s => s.cssRules.length).reduce((a, b) => a + b, 0)")
                .asInt()).as("rules of our stylesheet").isGreaterThan(20);

        List<String> urls = page.referencedUrls();
        assertThat(urls).anyMatch(u -> u.matches(".*/css/hmc-[0-9a-f]{32}\\.css"))
                .anyMatch(u -> u.matches("http://localhost:\\d+/fonts/noto-sans-sc/noto-sans-sc-\\d+-(400|700)-normal\\.woff2"));
        assertThat(urls).allSatisfy(u -> assertThat(HeadlessChromium.isLocal(u)).as(u).isTrue());
    }

    private long insertHazard(Long enterpriseId, String state, String grade, String title, LocalDate due,
                              boolean overdue, boolean supervised) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var insert = connection.prepareStatement("""
                    INSERT INTO HMC.hazard (enterprise_id, source, grade, state, title, description, location, pollutants,
                        rectification_due, round_no, supervised, overdue, reported_by, reported_at, version)
                    VALUES (?, 'BUREAU_INSPECTION', ?, ?, ?, '门户页面测试', '清远市清城区', 'Pb', ?, 1, ?, ?, 'reviewer', ?, 0)""",
                    new String[] {"ID"});
            insert.setLong(1, enterpriseId);
            insert.setString(2, grade);
            insert.setString(3, state);
            insert.setString(4, title);
            insert.setDate(5, Date.valueOf(due));
            insert.setBoolean(6, supervised);
            insert.setBoolean(7, overdue);
            insert.setTimestamp(8, Timestamp.from(clock.instant()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** A one-step process offered to the reviewers, due yesterday, for the given case: a real open step. */
    private void startStep(long caseId, String name) {
        String key = "portal-page-test";
        if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Task_PortalBrowserTest").name(name).camundaCandidateGroups("hmc-reviewer")
                    .camundaDueDate("${due}")
                    .endEvent().done();
            repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
        }
        runtime.startProcessInstanceByKey(key, String.valueOf(caseId),
                java.util.Map.of("due", java.util.Date.from(clock.instant().minusSeconds(86_400))));
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String jsString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
