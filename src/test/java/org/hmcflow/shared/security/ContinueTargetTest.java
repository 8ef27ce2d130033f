package org.hmcflow.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** After signing in, a user goes back only to a page of this application: never to another host. */
class ContinueTargetTest {

    @Test
    void acceptsPathsOfThisApplication() {
        assertThat(ContinueTarget.of("/")).hasValue("/");
        assertThat(ContinueTarget.of("/inbox?page=2&sort=due")).hasValue("/inbox?page=2&sort=due");
        assertThat(ContinueTarget.of("/hazards/12/%E6%95%B4%E6%94%B9")).isPresent();
    }

    @Test
    void refusesOtherHostsAndOddities() {
        for (String bad : new String[] {null, "", "inbox", "//evil.example/x", "/\\evil.example", "\\\\evil.example",
                "https://evil.example/", "javascript:alert(1)", "/inbox#x", "/a b", "/a\r\nSet-Cookie: x=1",
                "/login", "/login?continue=/x", "/logout", "/error", "/x?" + "a".repeat(3000)}) {
            assertThat(ContinueTarget.of(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void takesPathAndQueryOfASameOriginUrlOnly() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fragment");
        request.setScheme("http");
        request.setServerName("portal.example");
        request.setServerPort(80);
        assertThat(ContinueTarget.ofSameOriginUrl(request, "http://portal.example/inbox?page=2")).hasValue("/inbox?page=2");
        assertThat(ContinueTarget.ofSameOriginUrl(request, "http://PORTAL.example:80")).hasValue("/");
        assertThat(ContinueTarget.ofSameOriginUrl(request, "http://evil.example/inbox")).isEmpty();
        assertThat(ContinueTarget.ofSameOriginUrl(request, "https://portal.example/inbox")).isEmpty();
        assertThat(ContinueTarget.ofSameOriginUrl(request, "http://portal.example:8080/inbox")).isEmpty();
        assertThat(ContinueTarget.ofSameOriginUrl(request, "http://user@portal.example/inbox")).isEmpty();
        assertThat(ContinueTarget.ofSameOriginUrl(request, "/inbox")).isEmpty();
        assertThat(ContinueTarget.ofSameOriginUrl(request, "http://portal.example//evil.example/")).isEmpty();
        assertThat(ContinueTarget.ofSameOriginUrl(request, "not a url")).isEmpty();
    }
}
