package org.hmcflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A real Keycloak for tests: the {@code keycloak-quarkus-dist} zip that Maven resolved and unpacked (see the pom's
 * {@code unpack-keycloak}), started in dev mode on a free loopback port with an in-memory database and the HMC-Flow
 * realm from {@code config/keycloak/} imported, its redirect URIs pointed at the app under test. Fails loudly when
 * the distribution is missing — a test about Keycloak never skips.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "hmc-flow";
    private static final String ADMIN = "kc-test-admin";
    private static final String ADMIN_PASSWORD = "kc-test-admin-" + Long.toHexString(System.nanoTime());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;
    private final Path log;
    private final int port;

    private KeycloakServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Keycloak with the realm, its portal client redirecting to {@code appBaseUrl}; waits until it serves. */
    public static KeycloakServer start(String appBaseUrl) throws Exception {
        String homeSetting = System.getProperty("hmc.keycloak.home");
        if (homeSetting == null) {
            throw new IllegalStateException("System property hmc.keycloak.home is not set: run the tests through Maven "
                    + "(./mvnw verify), which resolves org.keycloak:keycloak-quarkus-dist and unpacks it.");
        }
        Path home = Path.of(homeSetting);
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("Keycloak distribution not found at " + home + " — the pom's "
                    + "unpack-keycloak step resolves org.keycloak:keycloak-quarkus-dist from Maven Central.");
        }
        int port = freePort();
        int managementPort = freePort();
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        try (var old = Files.list(importDir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(importDir.resolve("hmc-flow-realm.json"), realmFor(appBaseUrl), StandardCharsets.UTF_8);
        Path log = Files.createTempFile("keycloak-", ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "start-dev", "--http-host=127.0.0.1",
                "--http-port=" + port, "--http-management-port=" + managementPort, "--db=dev-mem", "--import-realm",
                "--cache=local")
                .redirectErrorStream(true);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // A short-lived test server: the quick JIT tier only, which starts it sooner on a small machine.
        builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        Process process = builder.start();
        KeycloakServer server = new KeycloakServer(process, log, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.awaitRealm(copyOutput(process, log));
        return server;
    }

    /** The realm export with the portal client's redirect and post-logout URIs pointed at the app under test. */
    private static String realmFor(String appBaseUrl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = (ObjectNode) json.readTree(Path.of("config/keycloak/hmc-flow-realm.json").toFile());
        for (JsonNode client : realm.get("clients")) {
            if ("hmc-portal".equals(client.path("clientId").asText())) {
                ArrayNode redirects = ((ObjectNode) client).putArray("redirectUris");
                redirects.add(appBaseUrl + "/login/oauth2/code/keycloak");
                ((ObjectNode) client.get("attributes")).put("post.logout.redirect.uris", appBaseUrl + "/*");
            }
        }
        return json.writeValueAsString(realm);
    }

    /**
     * Copies the server's output into its log file and completes when the server reports that it listens (or
     * exceptionally when the output ends first, i.e. the server exited).
     */
    private static CompletableFuture<Void> copyOutput(Process process, Path log) {
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread copier = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); var file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    file.write(line);
                    file.newLine();
                    file.flush();
                    if (line.contains("Listening on:")) {
                        listening.complete(null);
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("Keycloak's output ended"));
        }, "keycloak-output");
        copier.setDaemon(true);
        copier.start();
        return listening;
    }

    /** Waits for the server to listen, then checks that it serves the imported realm. */
    private void awaitRealm(CompletableFuture<Void> listening) throws Exception {
        try {
            listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("Keycloak did not start within " + START_TIMEOUT
                    + (process.isAlive() ? "" : " (exit " + process.exitValue() + ")") + ":\n" + tail(), e);
        }
        send(HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration")).GET(), 200);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** An access token for a realm user through the password grant of {@code clientId} (enabled by the test). */
    public String passwordToken(String clientId, String secret, String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", clientId, "client_secret", secret,
                "username", username, "password", password, "scope", "openid"));
    }

    /** An access token for a confidential client's own service account (client credentials). */
    public String clientToken(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String token(Map<String, String> form) {
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formOf(form))), 200);
        return answer.get("access_token").asText();
    }

    /** Calls the admin REST API of the realm ({@code /admin/realms/hmc-flow} + path) as the bootstrap admin. */
    public JsonNode admin(String method, String path, Object body, int expectedStatus) {
        String adminToken = send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formOf(Map.of("grant_type", "password", "client_id",
                        "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD)))), 200)
                .get("access_token").asText();
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8);
            return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + REALM + path))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .method(method, publisher), expectedStatus);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != expectedStatus) {
                throw new IllegalStateException("Keycloak answered " + r.statusCode() + " (expected " + expectedStatus
                        + ") to " + r.request().method() + " " + r.uri() + ": " + r.body());
            }
            return r.body().isBlank() ? json.nullNode() : json.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String formOf(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String tail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
