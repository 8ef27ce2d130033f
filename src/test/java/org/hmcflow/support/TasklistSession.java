package org.hmcflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser-like Camunda Tasklist session for one demo user: the webapp's own engine API under
 * {@code /camunda/api/engine}, cookies kept, the XSRF token echoed back, each form loaded from the deployment, the
 * browser's language Chinese.
 */
public final class TasklistSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final int port;
    private final String auth;
    private String xsrf;

    public TasklistSession(int port, String user) {
        this.port = port;
        this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    public JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        r.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> xsrf = t);
        return JSON.readTree(r.body());
    }

    public HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(request(path).header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", xsrf == null ? "" : xsrf)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The open tasks of one case (process key + business key) this user may see. */
    public JsonNode tasks(String processKey, Object caseId) throws Exception {
        return get("/task?processDefinitionKey=" + processKey + "&processInstanceBusinessKey=" + caseId);
    }

    /** Opens the case's one visible task like Tasklist: the task, then its deployed form; returns the task id. */
    public String openTask(String processKey, Object caseId, String expectedKey, String expectedForm) throws Exception {
        JsonNode tasks = tasks(processKey, caseId);
        assertThat(tasks.size()).as("tasks visible").isEqualTo(1);
        assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(expectedKey);
        String id = tasks.get(0).get("id").asText();
        assertThat(get("/task/" + id + "/deployed-form").get("id").asText()).isEqualTo(expectedForm);
        return id;
    }

    /** The values a task's form opens with, as Tasklist loads them (Json variables as their JSON text). */
    public JsonNode formVariables(String taskId) throws Exception {
        return get("/task/" + taskId + "/form-variables?deserializeValues=false");
    }

    /** How many tasks of the case this user sees. */
    public int visibleTasks(String processKey, Object caseId) throws Exception {
        return tasks(processKey, caseId).size();
    }

    /** Submits the form and expects the step done. */
    public void complete(String taskId, Map<String, Object> values) throws Exception {
        HttpResponse<String> r = submit(taskId, values);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }

    /** The process keys this user may start from Tasklist's "Start process" list, as Tasklist asks for them. */
    public List<String> startableProcesses() throws Exception {
        List<String> keys = new ArrayList<>();
        get("/process-definition?latest=true&active=true&startableInTasklist=true&startablePermissionCheck=true"
                + "&firstResult=0&maxResults=50").forEach(d -> keys.add(d.get("key").asText()));
        return keys;
    }

    /**
     * Opens a process's start form like Tasklist (the definition, then its deployed start form) and submits it;
     * returns the response (200 with the new instance when it started).
     */
    public HttpResponse<String> start(String processKey, String expectedForm, Map<String, Object> values) throws Exception {
        JsonNode definition = get("/process-definition/key/" + processKey);
        String id = definition.get("id").asText();
        assertThat(get("/process-definition/" + id + "/deployed-start-form").get("id").asText()).isEqualTo(expectedForm);
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, v instanceof Map<?, ?> m && m.containsKey("type") ? v : Map.of("value", v)));
        return post("/process-definition/" + id + "/submit-form", Map.of("variables", variables));
    }

    /**
     * A dynamic list's rows as Tasklist submits them: {@code {type: "Json", value: "<json>"}}; {@link #submit},
     * {@link #complete} and {@link #start} pass such a value through unchanged.
     */
    public static Map<String, Object> rows(List<? extends Map<String, ?>> rows) {
        try {
            return Map.of("type", "Json", "value", JSON.writeValueAsString(rows));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Submits the form as Tasklist does; returns the response (204 when the step is done). */
    public HttpResponse<String> submit(String taskId, Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, v instanceof Map<?, ?> m && m.containsKey("type") ? v : Map.of("value", v)));
        return post("/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default" + path))
                .header("Authorization", auth).header("Accept", "application/json").header("Accept-Language", "zh-CN");
    }
}
