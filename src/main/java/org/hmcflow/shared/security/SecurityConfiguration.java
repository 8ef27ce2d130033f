package org.hmcflow.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.hmcflow.shared.web.Problems;
import org.hmcflow.user.Role;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what, whichever {@link LoginMechanism} proves who someone is (our user table in the embedded
 * default, Keycloak in the {@code keycloak} profile). The Camunda webapps and engine REST API take the same login
 * through {@link SpringSecurityAuthenticationProvider}. Only the health check and public disclosure are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Paths that get no Content-Security-Policy of ours: Camunda's webapps send their own, the APIs answer JSON. */
    static final RequestMatcher OWN_HEADERS = new OrRequestMatcher(new AntPathRequestMatcher("/camunda/**"),
            new AntPathRequestMatcher("/engine-rest/**"), new AntPathRequestMatcher("/api/**"));

    /**
     * Open without a login: what the login and error pages load (styles, fonts, scripts, images) as well. A page's
     * own file behind the login would be answered with the login page, and remembered as the page to return to.
     */
    static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/login", "/error", "/css/**",
            "/fonts/**", "/vendor/**", "/js/**", "/images/**", "/favicon.ico", "/public/**", "/api/public/**"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json, LoginMechanism login,
                                            WebHeaderProperties webHeaders) throws Exception {
        RequestMatcher apiPaths = new OrRequestMatcher(new AntPathRequestMatcher("/api/**"),
                new AntPathRequestMatcher("/engine-rest/**"), new AntPathRequestMatcher("/camunda/api/**"),
                new AntPathRequestMatcher("/v3/api-docs/**"));
        AuthenticationEntryPoint apiEntryPoint = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", login.apiChallenge());
            Problems.write(response, json, HttpStatus.UNAUTHORIZED, "Authentication required",
                    reasonOf(e, login.apiHint()), Map.of());
        };
        // A request without a login is "401 sign in" even when the CSRF check is what stopped it.
        AccessDeniedHandler apiDenied = (request, response, e) -> {
            if (CurrentActor.find().isEmpty()) {
                apiEntryPoint.commence(request, response, null);
            } else {
                Problems.write(response, json, HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this.", Map.of());
            }
        };
        // The same for pages: a form posted without a login (its CSRF token refused) is sent to sign in, not to 403.
        AuthenticationEntryPoint browserEntryPoint = new LoginUrlAuthenticationEntryPoint(login.browserLoginUrl());
        AccessDeniedHandler browserDenied = (request, response, e) -> {
            if (CurrentActor.find().isEmpty()) {
                browserEntryPoint.commence(request, response, null);
            } else {
                new AccessDeniedHandlerImpl().handle(request, response, e);
            }
        };

        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(PUBLIC).permitAll()
                // Camunda's "create first admin" page and endpoint: our admin is provisioned, so never open.
                .requestMatchers("/camunda/api/admin/setup/**", "/camunda/app/admin/*/setup/**").denyAll()
                .requestMatchers("/engine-rest/**").hasAnyRole(Role.ADMIN.name(), Role.REVIEWER.name(), Role.HEAD.name(),
                        Role.SUPERVISOR.name())
                .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                .anyRequest().authenticated())
            .exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor(apiEntryPoint, apiPaths)
                // htmx would swap the login page into a fragment: 401 and HX-Redirect instead of a 302.
                .defaultAuthenticationEntryPointFor(PortalLoginHandlers.htmx(login.browserLoginUrl()),
                        PortalLoginHandlers::isHtmx)
                .defaultAuthenticationEntryPointFor(browserEntryPoint, AnyRequest.INSTANCE)
                .defaultAccessDeniedHandlerFor(apiDenied, apiPaths)
                // Browsers get the error page (templates/error.html), not the API's JSON problem. Without a second
                // mapping Spring Security would use the API handler for every request.
                .defaultAccessDeniedHandlerFor(browserDenied, AnyRequest.INSTANCE))
            // Camunda's webapps carry their own CSRF protection; a request with its own Authorization header (Basic or
            // bearer token) carries no ambient credential to forge.
            .csrf(csrf -> csrf.ignoringRequestMatchers(new AntPathRequestMatcher("/camunda/**"),
                    request -> request.getHeader("Authorization") != null))
            // Spring Security's defaults stay (X-Content-Type-Options: nosniff, no caching, HSTS over TLS); they are
            // written when the response is committed and never over a header already set, so the Camunda webapps
            // keep what their own HeaderSecurityFilter sends. Our Content-Security-Policy only outside them.
            .headers(headers -> headers
                .frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(OWN_HEADERS),
                        new StaticHeadersWriter("Content-Security-Policy", webHeaders.contentSecurityPolicy()))))
            .addFilterAfter(new ExpressionQueryFilter(json), BasicAuthenticationFilter.class);
        login.configure(http, apiEntryPoint);
        return http.build();
    }

    /** The reason an identity provider gave for refusing a token or an account, else the generic hint. */
    private static String reasonOf(AuthenticationException e, String hint) {
        if (e instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            return oauth.getError().getDescription();
        }
        return hint;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The engine REST API runs its authorization checks as the Spring-authenticated user. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(101); // after the Spring Security filter chain
        return registration;
    }

    /** The Camunda webapps (Tasklist, Cockpit, Admin) take the Spring-authenticated user: one login for all. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }

    /** Matches every request; the fallback entry point for browsers. */
    private enum AnyRequest implements RequestMatcher {
        INSTANCE;

        @Override
        public boolean matches(jakarta.servlet.http.HttpServletRequest request) {
            return true;
        }
    }
}
