package org.hmcflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Just enough of the Chrome DevTools Protocol to drive Debian's headless Chromium from a test: one browser process,
 * one WebSocket (flattened target sessions), an isolated browser context (own cookies) per {@link Page}.
 *
 * <p>The browser sees no font of the machine: it starts with {@code FONTCONFIG_FILE} naming a fonts.conf whose only
 * font directory holds one Latin-only face (Liberation Sans, shipped inside PDFBox's jar), so every Chinese glyph a page
 * shows must come from a font the application serves. A page that falls back to a platform font draws empty boxes on
 * every machine, not only on one without Chinese fonts, and {@link Page#fontsUsedBy} names the fallback. (With no font
 * at all Chromium aborts: its Skia font manager needs one face to fall back on.)
 */
public final class HeadlessChromium implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("hmc.chromium", "/usr/bin/chromium"));
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** A Latin-only face (SIL OFL), the one font the browser may fall back on. */
    private static final String FALLBACK_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Waiter> waiters = new CopyOnWriteArrayList<>();
    private final Map<String, List<JsonNode>> events = new ConcurrentHashMap<>();
    private final Path profile;
    private final Process process;
    private final WebSocket socket;
    private final String userAgent;

    private record Waiter(String sessionId, String method, CompletableFuture<JsonNode> result) {
    }

    /** Whether a URL a page used stays on this machine: http(s) to localhost, or data:, about: or relative. */
    public static boolean isLocal(String url) {
        URI uri = URI.create(url);
        if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
            return "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        }
        return uri.getScheme() == null || "data".equals(uri.getScheme()) || "about".equals(uri.getScheme());
    }

    /** A font that drew some of an element's text; {@code custom} = a web font of the page, not a platform font. */
    public record UsedFont(String family, boolean custom, int glyphs) {
    }

    private HeadlessChromium(Path profile, Process process, String webSocketUrl) throws Exception {
        this.profile = profile;
        this.process = process;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(webSocketUrl), new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        this.userAgent = call(null, "Browser.getVersion", Map.of()).path("userAgent").asText();
    }

    /** Starts Chromium with a fresh profile; fails, with the reason, if it is missing or does not come up. */
    public static HeadlessChromium start() throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Headless browser tests need Chromium at " + BINARY
                    + " (Debian: apt-get install -y chromium; or -Dhmc.chromium=/path/to/chromium).");
        }
        Path profile = Files.createTempDirectory("hmc-chromium-");
        Path log = profile.resolve("chromium.log");
        Path fontsConf = isolatedFonts(profile);
        ProcessBuilder builder = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("FONTCONFIG_FILE", fontsConf.toString());
        builder.environment().remove("FONTCONFIG_PATH");
        Process process = builder.start();
        Path activePort = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        // Wait for Chromium to write the file naming its DevTools port: woken by the profile directory's changes.
        try (WatchService changes = profile.getFileSystem().newWatchService()) {
            profile.register(changes, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (!(Files.exists(activePort) && Files.readAllLines(activePort).size() >= 2)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Chromium did not open its DevTools port (exit "
                            + (process.isAlive() ? "none" : process.exitValue()) + "). Its output:\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                WatchKey key = changes.poll(100, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
        List<String> lines = Files.readAllLines(activePort);
        try {
            String webSocketUrl = "ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim();
            return new HeadlessChromium(profile, process, webSocketUrl);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * Writes the fonts.conf this browser runs with: one directory with the Latin-only fallback face, no {@code
     * <include>} of the machine's configuration, a cache of its own.
     */
    static Path isolatedFonts(Path profile) throws IOException {
        Path fonts = Files.createDirectories(profile.resolve("fonts"));
        try (InputStream face = HeadlessChromium.class.getResourceAsStream(FALLBACK_FONT)) {
            if (face == null) {
                throw new IllegalStateException("The fallback font " + FALLBACK_FONT + " is not on the test classpath "
                        + "(it comes with org.apache.pdfbox:pdfbox).");
            }
            Files.copy(face, fonts.resolve("LiberationSans-Regular.ttf"));
        }
        Path conf = profile.resolve("fonts.conf");
        Files.writeString(conf, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
                <fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>
                """.formatted(fonts, profile.resolve("fontconfig-cache")), StandardCharsets.UTF_8);
        return conf;
    }

    /** A new tab in its own browser context, sending the given Accept-Language, 1280×900. */
    public Page newPage(String acceptLanguage) throws Exception {
        String context = call(null, "Target.createBrowserContext", Map.of("disposeOnDetach", true))
                .path("browserContextId").asText();
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank", "browserContextId", context))
                .path("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        Page page = new Page(session);
        page.call("Page.enable", Map.of());
        page.call("Network.enable", Map.of());
        page.call("Emulation.setUserAgentOverride", Map.of("userAgent", userAgent, "acceptLanguage", acceptLanguage));
        page.call("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        return page;
    }

    public final class Page {

        private final String session;

        private Page(String session) {
            this.session = session;
        }

        public JsonNode call(String method, Map<String, Object> params) throws Exception {
            return HeadlessChromium.this.call(session, method, params);
        }

        /** Navigates and waits for the load event of the page it ends on (after redirects). */
        public void open(String url) throws Exception {
            CompletableFuture<JsonNode> loaded = expect("Page.loadEventFired");
            JsonNode result = call("Page.navigate", Map.of("url", url));
            if (result.hasNonNull("errorText")) {
                throw new IllegalStateException("Navigation to " + url + " failed: " + result.get("errorText"));
            }
            loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        /** Runs script that navigates (submits a form, clicks a link) and waits for the next page's load event. */
        public void navigateBy(String script) throws Exception {
            CompletableFuture<JsonNode> loaded = expect("Page.loadEventFired");
            eval(script);
            loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        public JsonNode eval(String expression) throws Exception {
            JsonNode result = call("Runtime.evaluate",
                    Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
            if (result.has("exceptionDetails")) {
                throw new IllegalStateException("Script failed: " + expression + "\n" + result.get("exceptionDetails"));
            }
            return result.path("result").path("value");
        }

        public String text() throws Exception {
            return eval("document.body.innerText").asText();
        }

        public URI location() throws Exception {
            return URI.create(eval("location.href").asText());
        }

        /** Every URL this tab has requested so far, from the network events. */
        public List<String> requestedUrls() {
            return events.getOrDefault(session, List.of()).stream()
                    .filter(e -> "Network.requestWillBeSent".equals(e.path("method").asText()))
                    .map(e -> e.path("params").path("request").path("url").asText()).toList();
        }

        /**
         * The fonts Chromium drew the text of the (first) element with, one entry per font: family, whether it is a
         * web font the page loaded ({@code @font-face}) rather than a platform font, and how many glyphs it drew.
         */
        public List<UsedFont> fontsUsedBy(String selector) throws Exception {
            call("DOM.enable", Map.of());
            call("CSS.enable", Map.of());
            int root = call("DOM.getDocument", Map.of()).path("root").path("nodeId").asInt();
            int node = call("DOM.querySelector", Map.of("nodeId", root, "selector", selector)).path("nodeId").asInt();
            if (node == 0) {
                throw new IllegalStateException("No element matches " + selector);
            }
            List<UsedFont> fonts = new ArrayList<>();
            call("CSS.getPlatformFontsForNode", Map.of("nodeId", node)).path("fonts").forEach(f -> fonts.add(
                    new UsedFont(f.path("familyName").asText(), f.path("isCustomFont").asBoolean(),
                            f.path("glyphCount").asInt())));
            return fonts;
        }

        /**
         * Every URL the page refers to or fetched: the elements' {@code href}/{@code src}/{@code data}, stylesheets,
         * {@code url(…)} and {@code @import} inside them, the resource timing entries, and the network log.
         */
        public List<String> referencedUrls() throws Exception {
            JsonNode referenced = eval("""
                    (() => {
                      const urls = [];
                      document.querySelectorAll('link[href], script[src], img[src], iframe[src], source[src], '
                          + 'object[data], embed[src]').forEach(e => urls.push(e.href || e.src || e.data));
                      for (const sheet of document.styleSheets) {
                        if (sheet.href) urls.push(sheet.href);
                        for (const rule of sheet.cssRules) {
                          for (const m of rule.cssText.matchAll(/url\\(["']?([^"')]+)["']?\\)/g)) {
                            urls.push(new URL(m[1], sheet.href || location.href).href);
                          }
                          if (rule.href) urls.push(new URL(rule.href, sheet.href || location.href).href);
                        }
                      }
                      performance.getEntriesByType('resource').forEach(r => urls.push(r.name));
                      return urls;
                    })()""");
            List<String> urls = new ArrayList<>();
            referenced.forEach(u -> urls.add(u.asText()));
            urls.addAll(requestedUrls());
            return urls;
        }

        /** Waits until the web fonts the page uses have loaded (or failed): {@code document.fonts.ready}. */
        public void awaitFonts() throws Exception {
            eval("document.fonts.ready.then(() => true)");
        }

        public void screenshot(Path file) throws Exception {
            JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
        }

        private CompletableFuture<JsonNode> expect(String method) {
            Waiter waiter = new Waiter(session, method, new CompletableFuture<>());
            waiters.add(waiter);
            return waiter.result();
        }
    }

    private JsonNode call(String sessionId, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", json.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        synchronized (socket) { // one outstanding send at a time, as java.net.http.WebSocket requires
            socket.sendText(json.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        JsonNode answer = response.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> response = pending.remove(message.get("id").asInt());
            if (response != null) {
                response.complete(message);
            }
            return;
        }
        String session = message.path("sessionId").asText("");
        String method = message.path("method").asText();
        events.computeIfAbsent(session, s -> new CopyOnWriteArrayList<>()).add(message);
        for (Waiter waiter : waiters) {
            if (waiter.sessionId().equals(session) && waiter.method().equals(method)) {
                waiters.remove(waiter);
                waiter.result().complete(message);
            }
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                received(text);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            // No waiting for an answer: the browser may be gone before it sends one.
            synchronized (socket) {
                socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"method\":\"Browser.close\"}", true)
                        .get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // already gone
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        socket.abort();
        try (Stream<Path> files = Files.walk(profile)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temp dir left behind is not worth failing the build for
        }
    }
}
