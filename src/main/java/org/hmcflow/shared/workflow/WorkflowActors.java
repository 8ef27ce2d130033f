package org.hmcflow.shared.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who is acting inside engine code (listeners, delegates): the signed-in user of the request — whether it came
 * through our API or Camunda Tasklist — else the engine's authenticated user, else the system (timers, jobs).
 */
@Component
public class WorkflowActors {

    private final IdentityService identity;
    private final UserService users;

    WorkflowActors(@Lazy IdentityService identity, UserService users) {
        this.identity = identity;
        this.users = users;
    }

    public Actor current() {
        return CurrentActor.find().orElseGet(() -> {
            Authentication auth = identity.getCurrentAuthentication();
            return auth == null ? AuditTrail.SYSTEM : users.actor(auth.getUserId()).orElse(AuditTrail.SYSTEM);
        });
    }
}
