package org.hmcflow.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hmcflow.user.Actor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reminders and escalations addressed to a user or one of its groups. */
@Service
@Transactional(readOnly = true)
public class NotificationService {

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Tells one user about a case's step in the app (e.g. an extension decided), once per {@code idempotencyKey};
     * in the caller's transaction. Returns false if already told.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean tellUser(String idempotencyKey, Notification.Kind kind, String username, String caseType,
                            String caseId, String taskKey, Instant due) {
        if (notifications.existsByIdempotencyKey(idempotencyKey)) {
            return false;
        }
        notifications.save(new Notification(idempotencyKey, kind, null, username, caseType, caseId, taskKey, due,
                clock.instant()));
        return true;
    }

    public List<Notification> forActor(Actor actor, int page, int size) {
        return notifications.forRecipient(actor.username(), actor.groups(), PageRequest.of(page, size));
    }

    public List<Notification> ofCase(String processKey, String caseId) {
        return notifications.findByCaseTypeAndCaseIdOrderByIdAsc(processKey, caseId);
    }
}
