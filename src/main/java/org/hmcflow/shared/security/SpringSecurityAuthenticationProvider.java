package org.hmcflow.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.hmcflow.user.Actor;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The bridge from Spring Security to Camunda: the engine REST API and the Camunda webapps take the user and groups
 * that Spring Security already authenticated, so one login serves everything. Camunda instantiates this class by
 * name (container-based authentication), hence the public no-argument constructor.
 */
public class SpringSecurityAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Optional<Actor> actor = CurrentActor.from(SecurityContextHolder.getContext().getAuthentication());
        if (actor.isEmpty()) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(actor.get().username());
        result.setGroups(actor.get().groups());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security answers unauthenticated requests before they get here.
    }
}
