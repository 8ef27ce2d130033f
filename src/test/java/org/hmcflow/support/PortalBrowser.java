package org.hmcflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person in a browser: Debian's headless Chromium driven through Debian's chromedriver (Selenium 4), with a
 * profile of its own (own cookies), a preferred language and a window size. Like {@link HeadlessChromium} it sees no
 * font of the machine, so every Chinese glyph must come from the fonts the application serves.
 *
 * <p>Every page it opens records Content-Security-Policy violations and uncaught script errors (an init script
 * installed before any page script runs); {@link #assertClean()} fails on any, together with the console's errors.
 * Screenshots go to {@code target/screenshots/}.
 */
public final class PortalBrowser implements AutoCloseable {

    static final Path DRIVER = Path.of(System.getProperty("hmc.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String RECORDER = """
            window.__hmcProblems = [];
            document.addEventListener('securitypolicyviolation', e => window.__hmcProblems.push(
                'CSP ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
            window.addEventListener('error', e => window.__hmcProblems.push('script error: ' + e.message + ' at '
                + e.filename + ':' + e.lineno));
            window.addEventListener('unhandledrejection', e => window.__hmcProblems.push('unhandled rejection: '
                + (e.reason && e.reason.message || e.reason)));
            """;

    /**
     * A request of the page's own script that the API answered with a refusal the page then shows (400 bad input, 409
     * conflict): Chromium logs it as a failed resource, but it is the page working as meant.
     */
    private static final java.util.regex.Pattern ANSWERED = java.util.regex.Pattern.compile(
            "^\\S+/api/\\S* - Failed to load resource: the server responded with a status of (400|409)\\b");

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private PortalBrowser(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** A browser for {@code http://localhost:<port>} preferring the given languages ("zh-CN,zh" or "en-US,en"). */
    public static PortalBrowser open(int port, String languages, int width, int height) {
        if (!Files.isExecutable(HeadlessChromium.BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("Page tests need Chromium at " + HeadlessChromium.BINARY + " and chromedriver at "
                    + DRIVER + " (Debian: apt-get install -y chromium chromium-driver; the test command installs them)");
        }
        try {
            Path profile = Files.createTempDirectory("hmc-selenium-");
            Path fontsConf = HeadlessChromium.isolatedFonts(profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().withEnvironment(Map.of("FONTCONFIG_FILE", fontsConf.toString())).build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(HeadlessChromium.BINARY.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-extensions", "--hide-scrollbars", "--lang=" + languages.split(",")[0],
                    "--user-data-dir=" + profile.resolve("profile"));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
            return new PortalBrowser(driver, profile, "http://localhost:" + port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PortalBrowser open(int port, String languages) {
        return open(port, languages, 1280, 900);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public PortalBrowser get(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
        return this;
    }

    /** Signs in through the login form (the browser is sent to it from a closed page, or opens it). */
    public PortalBrowser signIn(String username, String password) {
        if (!driver.getCurrentUrl().contains("/login")) {
            get("/login");
        }
        WebElement user = waitFor(By.name("username"));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login") || !d.findElements(By.id("login-error")).isEmpty());
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String text(String css) {
        return waitFor(By.cssSelector(css)).getText();
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** Waits until no htmx request is in flight and the given element shows the text. */
    public void waitForText(String css, String text) {
        waitUntil(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().contains(text);
        });
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Whether the page is wider than the window (a horizontal scroll bar at this width). */
    public boolean overflowsHorizontally() {
        return (Boolean) script("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs axe-core (the npm package, {@code node_modules/axe-core/axe.min.js}, injected by the driver, which no page
     * policy blocks) on the current page and returns its serious and critical violations, each as
     * "rule-id: help (n nodes: first targets)".
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        try {
            Path axe = Path.of("node_modules", "axe-core", "axe.min.js");
            if (!Files.exists(axe)) {
                throw new IllegalStateException(axe + " is missing: the build's npm ci installs it (package.json)");
            }
            script(Files.readString(axe));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: '
                        + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + ')')))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }

    /**
     * CSP violations, uncaught script errors and console errors of the current page so far (console errors are
     * reported once; the page's own HTTP error status is not a problem).
     */
    @SuppressWarnings("unchecked")
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        Object recorded = script("return window.__hmcProblems || []");
        if (recorded instanceof List<?> list) {
            list.forEach(p -> problems.add(String.valueOf(p)));
        }
        // An error page's own status (404, 500) is what the test asked for, not a problem of the page: Chromium logs it
        // as "<page URL> - Failed to load resource: the server responded with a status of …".
        String ownStatus = driver.getCurrentUrl() + " - Failed to load resource: the server responded with a status of";
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !entry.getMessage().startsWith(ownStatus)
                    && !ANSWERED.matcher(entry.getMessage()).find()) {
                problems.add("console: " + entry.getMessage());
            }
        }
        return problems;
    }

    /** No CSP violation, script error or console error on the current page. */
    public void assertClean() {
        assertThat(problems()).as("problems on " + path()).isEmpty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory
            }
        }
    }
}
