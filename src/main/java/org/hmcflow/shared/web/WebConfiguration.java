package org.hmcflow.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hmcflow.user.UserService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    static final String LOCALE_COOKIE = "HMC_LANG";
    static final String LOCALE_PARAMETER = "lang";

    /**
     * The language a signed-in user picked (kept on the user), else the one picked in this browser ({@code ?lang=en},
     * remembered in a cookie); otherwise the browser's Accept-Language; otherwise Simplified Chinese
     * ({@link UserLocaleResolver}).
     */
    @Bean
    LocaleResolver localeResolver(UserService users) {
        return new UserLocaleResolver(users);
    }

    /** The supported locale of the same language, if we have one. */
    static Optional<Locale> supported(Locale requested) {
        return SUPPORTED_LOCALES.stream().filter(l -> l.getLanguage().equals(requested.getLanguage())).findFirst();
    }

    /** Browsers ask for /favicon.ico on pages that name no icon (a 404 in their console otherwise). */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/favicon.ico", "/images/favicon.svg");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SupportedLocaleChangeInterceptor());
    }

    /**
     * The served fonts (built from npm packages into {@code static/fonts/}) change only with a package version, and a
     * page fetches a dozen of their slices: browsers may keep them a month instead of asking again on every page.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/fonts/**").addResourceLocations("classpath:/static/fonts/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic());
        // Scripts and styles: pages name them plainly (@{/js/portal.js}); links come out with the content's hash
        // (/js/portal-<md5>.js, ResourceUrlEncodingFilter), so a browser may keep each for a year and never an old copy.
        for (String dir : List.of("vendor", "js", "css")) {
            registry.addResourceHandler("/" + dir + "/**").addResourceLocations("classpath:/static/" + dir + "/")
                    .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                    .resourceChain(true).addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
    }

    /** Rewrites the pages' links to scripts and styles to their content-hash names (see addResourceHandlers). */
    @Bean
    ResourceUrlEncodingFilter resourceUrlEncodingFilter() {
        return new ResourceUrlEncodingFilter();
    }

    @Bean
    OpenAPI openApi() {
        return new OpenAPI().info(new Info().title("HMC-Flow API")
                .description("重金属污染防治业务流程 — heavy-metal pollution control workflows. Errors are RFC 7807 "
                        + "problems; send Accept-Language: en for English messages.")
                .version("v1"));
    }

    /**
     * {@code ?lang=} switches among the languages we have bundles for; anything else ({@code ?lang=fr}) clears the
     * choice, so the cookie never holds a language the UI cannot speak.
     */
    private static final class SupportedLocaleChangeInterceptor extends LocaleChangeInterceptor {

        SupportedLocaleChangeInterceptor() {
            setParamName(LOCALE_PARAMETER);
            setIgnoreInvalidLocale(true);
        }

        @Override
        protected Locale parseLocaleValue(String value) {
            Locale requested = StringUtils.parseLocale(value);
            if (requested == null) {
                return null;
            }
            return supported(requested).orElse(null);
        }
    }
}
