package org.hmcflow.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a user goes back to after signing in when the session ended under a page that was not a full page load: the
 * portal's fetch calls ({@code hmcFetch} in {@code static/js/portal.js}) and htmx requests both send the browser to
 * {@code /login?continue=<path>}; the login form carries the path on, and a successful login goes there. A full
 * page load needs none of this: Spring Security's request cache remembers the page it asked for.
 *
 * <p>Only a path of this application is accepted ({@code /inbox?x=1}): no scheme, no host, no {@code //} or
 * {@code \} that a browser would read as another host, no fragment, nothing but URL characters. Anything else is
 * dropped, never followed, so {@code ?continue=} can never send a user to another site.
 */
public final class ContinueTarget {

    public static final String PARAMETER = "continue";

    /** A path starting with one "/" (not "//"), made only of the characters a URL's path and query may hold. */
    private static final Pattern SAFE = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@/?%]*");
    private static final int MAX_LENGTH = 2000;

    private ContinueTarget() {
    }

    /** The path if it is a safe place to continue to; the login and logout pages are not. */
    public static Optional<String> of(String candidate) {
        if (candidate == null || candidate.length() > MAX_LENGTH || !SAFE.matcher(candidate).matches()) {
            return Optional.empty();
        }
        String path = candidate.contains("?") ? candidate.substring(0, candidate.indexOf('?')) : candidate;
        if (path.equals("/login") || path.equals("/logout") || path.equals("/error")) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /**
     * The path and query of an absolute URL on this server as the request reached it (scheme, host and port as
     * {@link HttpServletRequest} sees them, so behind a trusted proxy its forwarded ones), e.g. htmx's
     * {@code HX-Current-URL}; empty for another host or a URL that is not safe.
     */
    static Optional<String> ofSameOriginUrl(HttpServletRequest request, String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || !request.getScheme().equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())
                    || portOf(uri) != request.getServerPort() || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String contextPath = request.getContextPath();
            if (!contextPath.isEmpty()) {
                if (!path.startsWith(contextPath + "/")) {
                    return Optional.empty();
                }
                path = path.substring(contextPath.length());
            }
            return of(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The login page that continues to the given path afterwards. */
    static String loginUrl(String loginPage, String path) {
        return loginPage + "?" + query(path);
    }

    /** {@code continue=<path, encoded>}. */
    static String query(String path) {
        return PARAMETER + "=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    private static int portOf(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
