package org.hmcflow.shared.security;

import java.util.Optional;
import org.hmcflow.user.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request, from the Spring Security context. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Optional<Actor> find() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Actor get() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    static Optional<Actor> from(Authentication authentication) {
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }
}
