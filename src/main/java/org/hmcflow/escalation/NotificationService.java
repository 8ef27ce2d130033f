package org.hmcflow.escalation;

import java.util.List;
import org.hmcflow.user.Actor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reminders and escalations addressed to a user or one of its groups. */
@Service
@Transactional(readOnly = true)
public class NotificationService {

    private final NotificationRepository notifications;

    NotificationService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    public List<Notification> forActor(Actor actor, int page, int size) {
        return notifications.forRecipient(actor.username(), actor.groups(), PageRequest.of(page, size));
    }

    public List<Notification> ofCase(String processKey, String caseId) {
        return notifications.findByCaseTypeAndCaseIdOrderByIdAsc(processKey, caseId);
    }
}
