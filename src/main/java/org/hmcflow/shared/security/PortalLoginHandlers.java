package org.hmcflow.shared.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * How the portal gets a user back to work after a session ended: the login form's outcome, and the answer to an
 * htmx request without a session. See {@link ContinueTarget} for the one mechanism behind both.
 */
final class PortalLoginHandlers {

    static final String HX_REQUEST = "HX-Request";
    static final String HX_CURRENT_URL = "HX-Current-URL";
    static final String HX_REDIRECT = "HX-Redirect";

    private PortalLoginHandlers() {
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader(HX_REQUEST));
    }

    /**
     * After a login: the form's {@code continue} path when it is a safe one, else the page a full page load asked for
     * (Spring Security's request cache), else the home page.
     */
    static SavedRequestAwareAuthenticationSuccessHandler success() {
        RequestCache cache = new HttpSessionRequestCache();
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws ServletException, IOException {
                Optional<String> target = ContinueTarget.of(request.getParameter(ContinueTarget.PARAMETER));
                if (target.isEmpty()) {
                    super.onAuthenticationSuccess(request, response, authentication);
                    return;
                }
                cache.removeRequest(request, response);
                clearAuthenticationAttributes(request);
                getRedirectStrategy().sendRedirect(request, response, target.get());
            }
        };
        handler.setRequestCache(cache);
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    /** A wrong password shows the login page again, still knowing where to continue to. */
    static AuthenticationFailureHandler failure(String loginPage) {
        return (request, response, e) -> {
            String target = ContinueTarget.of(request.getParameter(ContinueTarget.PARAMETER))
                    .map(path -> loginPage + "?error&" + ContinueTarget.query(path))
                    .orElse(loginPage + "?error");
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    /**
     * An htmx request without a session: a 302 to the login page would be followed by the browser and the login page
     * swapped into the fragment's target. 401 with {@code HX-Redirect} instead, which htmx follows as a full page
     * load, to the login page continuing to the page the user was on ({@code HX-Current-URL}, same origin only).
     * The fragment's own URL is not remembered (Spring Security's request cache saved it just before).
     */
    static AuthenticationEntryPoint htmx(String loginPage) {
        RequestCache cache = new HttpSessionRequestCache();
        return (request, response, e) -> {
            cache.removeRequest(request, response);
            String target = ContinueTarget.ofSameOriginUrl(request, request.getHeader(HX_CURRENT_URL))
                    .map(path -> ContinueTarget.loginUrl(loginPage, path)).orElse(loginPage);
            response.setHeader(HX_REDIRECT, request.getContextPath() + target);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
        };
    }
}
