package org.hmcflow.shared.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code keycloak} profile ({@code hmc.keycloak}).
 *
 * @param issuerUri the realm's issuer, e.g. {@code http://127.0.0.1:8180/realms/hmc-flow}; tokens must carry it
 * @param audience  the audience every bearer token must name: tokens issued for other applications are refused
 * @param clockSkew seconds of tolerance when checking a token's expiry and not-before times
 */
@ConfigurationProperties(prefix = "hmc.keycloak")
record KeycloakProperties(String issuerUri, @DefaultValue("hmc-api") String audience,
                          @DefaultValue("30") long clockSkew) {
}
