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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser-like Camunda Tasklist session for one demo user: the webapp's own engine API under
 * {@code /camunda/api/engine}, cookies kept, the XSRF token echoed back, each form loaded from the deployment.
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

    /** Submits the form as Tasklist does; returns the response (204 when the step is done). */
    public HttpResponse<String> submit(String taskId, Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return post("/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default" + path))
                .header("Authorization", auth).header("Accept", "application/json");
    }
}
