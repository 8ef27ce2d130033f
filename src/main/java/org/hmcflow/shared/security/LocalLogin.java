package org.hmcflow.shared.security;

import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Logins against our own user table ({@link UserTableDetailsService}): the login page for browsers, HTTP Basic for
 * scripts and API clients. The embedded default, with its demo accounts.
 */
@Component
@Profile("!keycloak")
class LocalLogin implements LoginMechanism {

    @Override
    public void configure(HttpSecurity http, AuthenticationEntryPoint apiEntryPoint) throws Exception {
        http
            .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
            // Back to the page the user was on: ?continue= (ContinueTarget) or the page a full load asked for.
            .formLogin(form -> form.loginPage("/login").successHandler(PortalLoginHandlers.success())
                    .failureHandler(PortalLoginHandlers.failure("/login")).permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
    }

    @Override
    public String browserLoginUrl() {
        return "/login";
    }

    @Override
    public String apiChallenge() {
        return "Basic realm=\"HMC-Flow\"";
    }

    @Override
    public String apiHint() {
        return "Sign in, or send HTTP Basic credentials.";
    }
}
