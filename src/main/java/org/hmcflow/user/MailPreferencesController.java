package org.hmcflow.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.NotFoundException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's e-mail preferences: {@code digest} true takes reminders as one daily digest (at
 * {@code hmc.mail.digest-time}) instead of one message each; escalations always go at once.
 */
@RestController
@RequestMapping("/api/me/mail-preferences")
@Tag(name = "Users 用户", description = "E-mail preferences")
class MailPreferencesController {

    record Preferences(@NotNull Boolean digest) {
    }

    private final UserService users;
    private final AuditTrail audit;

    MailPreferencesController(UserService users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "My e-mail preferences")
    Preferences read() {
        return new Preferences(me().isMailDigest());
    }

    @PutMapping
    @Transactional
    @Operation(summary = "Take reminders as a daily digest (true) or one by one (false); audited")
    Preferences set(@Valid @RequestBody Preferences body) {
        Actor actor = CurrentActor.get();
        me();
        users.setMailDigest(actor.username(), body.digest());
        audit.record("user", actor.username(), "MAIL_PREFERENCES_SET", actor, null, Map.of("digest", body.digest()));
        return new Preferences(body.digest());
    }

    private AppUser me() {
        String username = CurrentActor.get().username();
        return users.find(username).orElseThrow(() -> new NotFoundException("user " + username));
    }
}
