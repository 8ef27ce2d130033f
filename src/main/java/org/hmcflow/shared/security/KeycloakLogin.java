package org.hmcflow.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hmcflow.user.Actor;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * The {@code keycloak} profile: every login goes to Keycloak over OpenID Connect. Browsers sign in through the
 * authorization-code flow with PKCE (client {@code hmc-portal}) and sign out at Keycloak as well; programs send a
 * bearer access token on {@code /api} and {@code /engine-rest}, issued by our realm for the audience
 * {@code hmc-api} (portal users, or the client-credentials clients of enterprise systems). Either way
 * {@link KeycloakAccounts} turns the token into an {@link Actor}, so roles, departments (Camunda candidate groups)
 * and the enterprise binding work exactly as with local accounts.
 */
@Component
@Profile("keycloak")
class KeycloakLogin implements LoginMechanism {

    static final String REGISTRATION = "keycloak";

    private final ClientRegistrationRepository registrations;
    private final KeycloakAccounts accounts;
    private final KeycloakProperties properties;
    private final Clock clock;

    KeycloakLogin(ClientRegistrationRepository registrations, KeycloakAccounts accounts, KeycloakProperties properties,
                  Clock clock) {
        if (properties.issuerUri() == null || properties.issuerUri().isBlank()) {
            throw new IllegalStateException("The keycloak profile needs hmc.keycloak.issuer-uri (HMC_KEYCLOAK_ISSUER), "
                    + "e.g. http://127.0.0.1:8180/realms/hmc-flow");
        }
        this.registrations = registrations;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configure(HttpSecurity http, AuthenticationEntryPoint apiEntryPoint) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler logoutAtKeycloak = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logoutAtKeycloak.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        http
            .oauth2Login(login -> login
                .loginPage("/login")
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUserService()))
                .defaultSuccessUrl("/", false)
                .failureUrl("/login?error=sso"))
            .oauth2ResourceServer(server -> server
                .authenticationEntryPoint(apiEntryPoint)
                .jwt(jwt -> jwt.decoder(jwtDecoder()).jwtAuthenticationConverter(this::authenticate)))
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(logoutAtKeycloak));
    }

    @Override
    public String browserLoginUrl() {
        return OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + REGISTRATION;
    }

    @Override
    public String apiChallenge() {
        return "Bearer realm=\"HMC-Flow\"";
    }

    @Override
    public String apiHint() {
        return "Send a bearer access token issued by the HMC-Flow realm for the audience " + properties.audience() + ".";
    }

    /**
     * Bearer tokens: signed by the realm's keys (fetched from its JWKS endpoint), issued by the realm, for our
     * audience, and within their lifetime by the application's clock (which tests move with the engine clock).
     */
    private JwtDecoder jwtDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
        JwtTimestampValidator lifetime = new JwtTimestampValidator(Duration.ofSeconds(properties.clockSkew()));
        lifetime.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(lifetime,
                new JwtIssuerValidator(properties.issuerUri()), audience(properties.audience()))));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token",
                "The token is not issued for the audience " + audience + ".", null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(wrongAudience);
    }

    private AbstractAuthenticationToken authenticate(Jwt jwt) {
        return new TokenAuthentication(accounts.signIn(jwt.getClaims()), jwt);
    }

    private OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            Actor actor = accounts.signIn(user.getClaims());
            return new KeycloakUser(actor, user);
        };
    }

    /** The role ({@code ROLE_REVIEWER}) and each Camunda group of the actor ({@code GROUP_city-epb}). */
    private static List<GrantedAuthority> authoritiesOf(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(actor.role().authority()));
        actor.groups().forEach(g -> authorities.add(new SimpleGrantedAuthority("GROUP_" + g)));
        return List.copyOf(authorities);
    }

    /** A browser session signed in through Keycloak. */
    static final class KeycloakUser extends DefaultOidcUser implements ActorPrincipal {

        private final Actor actor;

        KeycloakUser(Actor actor, OidcUser user) {
            super(authoritiesOf(actor), user.getIdToken(), user.getUserInfo(), "preferred_username");
            this.actor = actor;
        }

        @Override
        public Actor actor() {
            return actor;
        }
    }

    /** A request authenticated by a bearer token; its principal is the token's actor. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {

        private final Principal principal;
        private final Jwt token;

        TokenAuthentication(Actor actor, Jwt token) {
            super(authoritiesOf(actor));
            this.principal = new Principal(actor);
            this.token = token;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal.actor().username();
        }

        record Principal(Actor actor) implements ActorPrincipal {
        }
    }
}
