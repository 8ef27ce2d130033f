package org.hmcflow.shared.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How people and programs prove who they are. Exactly one is active: {@link LocalLogin} (our user table: login page
 * and HTTP Basic) in the embedded default, {@link KeycloakLogin} (OpenID Connect and bearer tokens) in the
 * {@code keycloak} profile. {@link SecurityConfiguration} owns what each role may reach, whatever the mechanism.
 */
interface LoginMechanism {

    /** Adds the login, logout and credential handling of this mechanism to the filter chain. */
    void configure(HttpSecurity http, AuthenticationEntryPoint apiEntryPoint) throws Exception;

    /** Where a browser without a session is sent to sign in. */
    String browserLoginUrl();

    /** The {@code WWW-Authenticate} challenge of a 401 from the API. */
    String apiChallenge();

    /** The detail of a 401 problem from the API: how to authenticate. */
    String apiHint();
}
