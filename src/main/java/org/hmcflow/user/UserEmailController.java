package org.hmcflow.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.NotFoundException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's e-mail address, where reminders, escalations and orders also go. Kept by an administrator here; with
 * Keycloak it comes from the token's {@code email} claim at each login instead.
 */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Users 用户", description = "E-mail addresses")
class UserEmailController {

    /** The address, or null (or blank) to stop e-mail for the user. */
    record EmailBody(@Email @Size(max = 254) String email) {
    }

    record EmailView(String username, String email) {
    }

    private final UserService users;
    private final AuditTrail audit;

    UserEmailController(UserService users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @PutMapping("/{username}/email")
    @Transactional
    @Operation(summary = "Set or clear a user's e-mail address (admins)")
    EmailView setEmail(@PathVariable String username, @Valid @RequestBody EmailBody body) {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.ADMIN)) {
            throw new ForbiddenException("hmc.error.admin-only");
        }
        AppUser user = users.find(username).orElseThrow(() -> new NotFoundException("user " + username));
        String before = user.getEmail();
        users.setEmail(username, body.email());
        String after = users.find(username).map(AppUser::getEmail).orElse(null);
        Map<String, Object> changes = new HashMap<>();
        changes.put("email", after);
        changes.put("previous", before);
        audit.record("user", username, "EMAIL_SET", actor, null, changes);
        return new EmailView(username, after);
    }
}
