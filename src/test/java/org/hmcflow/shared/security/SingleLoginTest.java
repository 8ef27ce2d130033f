package org.hmcflow.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One browser login (the login page) serves the portal, our API and the Camunda webapps; logout ends all of them. */
@H2AppTest
class SingleLoginTest {

    @LocalServerPort
    int port;

    final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> form(String path, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String page) throws Exception {
            Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(get(page).body());
            assertThat(m.find()).as("CSRF token on " + page).isTrue();
            return m.group(1);
        }

        void login(String user) throws Exception {
            HttpResponse<String> r = form("/login", "username=" + user + "&password=demo&_csrf="
                    + URLEncoder.encode(csrf("/login"), StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        /** Opens Tasklist as a browser does (the page, then who am I); null when the webapps do not know the user. */
        JsonNode camundaUser() throws Exception {
            HttpResponse<String> page = get("/camunda/app/tasklist/default/");
            if (page.statusCode() != 200) {
                return null;
            }
            HttpResponse<String> r = get("/camunda/api/admin/auth/user/default");
            return r.statusCode() == 200 ? new ObjectMapper().readTree(r.body()) : null;
        }
    }

    @Test
    void theLoginPageSignsIntoTheCamundaWebappsToo() throws Exception {
        Browser reviewer = new Browser();
        assertThat(reviewer.camundaUser()).as("no Camunda session before login").isNull();
        reviewer.login("reviewer");
        JsonNode user = reviewer.camundaUser();
        assertThat(user.get("userId").asText()).isEqualTo("reviewer");
        assertThat(user.get("authorizedApps").toString()).contains("tasklist").doesNotContain("cockpit").doesNotContain("admin");
        assertThat(reviewer.get("/api/tasks").statusCode()).isEqualTo(200);

        Browser supervisor = new Browser();
        supervisor.login("supervisor");
        assertThat(supervisor.camundaUser().get("authorizedApps").toString()).contains("tasklist", "cockpit");
        Browser admin = new Browser();
        admin.login("admin");
        assertThat(admin.camundaUser().get("authorizedApps").toString()).contains("tasklist", "cockpit", "admin");

        // Logout (POST with the CSRF token) ends the portal session and the webapps' with it.
        String token = reviewer.csrf("/");
        assertThat(reviewer.form("/logout", "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)).statusCode()).isIn(204, 302);
        assertThat(reviewer.camundaUser()).isNull();
        assertThat(reviewer.get("/api/tasks").statusCode()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordSignsIntoNothing() throws Exception {
        Browser b = new Browser();
        HttpResponse<String> r = b.form("/login", "username=reviewer&password=wrong&_csrf="
                + URLEncoder.encode(b.csrf("/login"), StandardCharsets.UTF_8));
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(b.camundaUser()).isNull();
    }
}
