package org.hmcflow.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiClient.Response;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The running application serves our Chinese locale files and our config.js under {@code /camunda/app}, and the
 * webjar's English file beside them. Like every path but the login page, they need a login.
 */
@H2AppTest
class WebappChineseLocalesHttpTest {

    @LocalServerPort
    int port;

    @Test
    void theWebappsAreServedInChineseFirst() throws Exception {
        ApiClient reviewer = new ApiClient(port, "reviewer");
        for (String app : new String[] {"tasklist", "welcome", "cockpit", "admin"}) {
            Response zh = reviewer.get("/camunda/app/" + app + "/locales/zh.json");
            assertThat(zh.status()).as(app + " zh.json").isEqualTo(200);
            assertThat(zh.json().path("labels").path("PAGE_LOGIN_USERNAME").asText()).isEqualTo("用户名");

            HttpResponse<String> en = rawGet("/camunda/app/" + app + "/locales/en.json");
            assertThat(en.statusCode()).as(app + " en.json").isEqualTo(200);
            assertThat(en.body()).contains("\"PAGE_LOGIN_USERNAME\": \"Username\"");

            Response config = reviewer.get("/camunda/app/" + app + "/scripts/config.js");
            assertThat(config.status()).as(app + " config.js").isEqualTo(200);
            assertThat(config.body()).contains("availableLocales: ['zh', 'en']");
        }
        assertThat(reviewer.get("/camunda/app/tasklist/locales/zh.json").json()
                .path("labels").path("CLAIM_TASK").asText()).isEqualTo("认领");
    }

    /** The webjar's en.json starts with a byte order mark, which ApiClient's JSON parsing refuses: read it raw. */
    private HttpResponse<String> rawGet(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString("reviewer:demo".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLocaleFilesNeedALogin() {
        Response anonymous = new ApiClient(port, null).get("/camunda/app/tasklist/locales/zh.json");
        assertThat(anonymous.status()).isIn(302, 401);
    }
}
