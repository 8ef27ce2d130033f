package org.hmcflow.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The page's language: for a signed-in user the one they chose and HMC-Flow keeps on the user (so the choice follows
 * them to another browser); otherwise the browser's choice in the {@code HMC_LANG} cookie; otherwise its
 * Accept-Language; otherwise Simplified Chinese. Only languages we have bundles for.
 *
 * <p>A choice ({@code ?lang=}, {@link WebConfiguration}) is written to the cookie, and for a signed-in user to the
 * user as well (audited by {@link UserService#chooseLocale}). The cookie is {@code Secure} when the request came over
 * TLS ({@link HttpServletRequest#isSecure()}, which behind a trusted proxy follows its {@code X-Forwarded-Proto}),
 * like Tomcat's session cookie. The user's choice is read once per request.
 */
final class UserLocaleResolver implements LocaleResolver {

    private static final String RESOLVED = UserLocaleResolver.class.getName() + ".locale";
    private static final Duration COOKIE_AGE = Duration.ofDays(365);

    private final UserService users;
    private final AcceptHeaderLocaleResolver acceptHeader;

    UserLocaleResolver(UserService users) {
        this.users = users;
        this.acceptHeader = new AcceptHeaderLocaleResolver();
        acceptHeader.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        acceptHeader.setSupportedLocales(WebConfiguration.SUPPORTED_LOCALES);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(RESOLVED) instanceof Locale resolved) {
            return resolved;
        }
        Locale locale = CurrentActor.find().flatMap(actor -> users.locale(actor.username()))
                .flatMap(WebConfiguration::supported)
                .or(() -> fromCookie(request))
                .orElseGet(() -> acceptHeader.resolveLocale(request));
        request.setAttribute(RESOLVED, locale);
        return locale;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Optional<Locale> chosen = Optional.ofNullable(locale).flatMap(WebConfiguration::supported);
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie
                .from(WebConfiguration.LOCALE_COOKIE, chosen.map(Locale::toLanguageTag).orElse(""))
                .path("/").httpOnly(true).sameSite("Lax").secure(request.isSecure())
                .maxAge(chosen.isPresent() ? COOKIE_AGE : Duration.ZERO);
        if (response != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
        }
        Optional<Actor> actor = CurrentActor.find();
        actor.ifPresent(a -> users.chooseLocale(a, chosen.orElse(null)));
        // The rest of this request speaks the new language; a cleared choice falls back to the browser's.
        request.setAttribute(RESOLVED, chosen.orElseGet(() -> acceptHeader.resolveLocale(request)));
    }

    private static Optional<Locale> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (WebConfiguration.LOCALE_COOKIE.equals(cookie.getName()) && StringUtils.hasText(cookie.getValue())) {
                try {
                    return Optional.ofNullable(StringUtils.parseLocale(cookie.getValue()))
                            .flatMap(WebConfiguration::supported);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
