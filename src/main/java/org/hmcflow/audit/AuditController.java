package org.hmcflow.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit 审计")
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Verify the whole audit chain; names the first broken row (supervisors, admins)")
    AuditTrail.ChainVerification verify() {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.ADMIN) && !actor.is(Role.SUPERVISOR)) {
            throw new ForbiddenException("hmc.error.supervisors-only");
        }
        return audit.verify();
    }
}
