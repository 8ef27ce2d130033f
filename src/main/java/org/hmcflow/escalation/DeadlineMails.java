package org.hmcflow.escalation;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hmcflow.mail.MailOutbox;
import org.hmcflow.mail.MailRecipients;
import org.hmcflow.user.Role;
import org.hmcflow.user.UserService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders and escalations also go by e-mail: to every enabled user with an address in the step's groups (and, for an
 * escalation, the supervisors) and, for an enterprise's group, to the enterprise's contacts ({@link MailRecipients}), queued in the outbox in the transaction that fired them, once per event and address.
 * A message whose step (or case) has ended before the sender runs is skipped, not sent. A user who takes the daily
 * digest gets reminders held for it ({@link MailOutbox#hold}); escalations are urgent and always go at once.
 */
@Component
class DeadlineMails {

    private final MailOutbox outbox;
    private final MailRecipients recipients;
    private final UserService users;
    private final Clock clock;

    DeadlineMails(MailOutbox outbox, MailRecipients recipients, UserService users, Clock clock) {
        this.users = users;
        this.outbox = outbox;
        this.recipients = recipients;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(TaskDeadlineEvent event) {
        Set<String> groups = new LinkedHashSet<>(event.candidateGroups());
        if (event.kind() == Notification.Kind.ESCALATION) {
            groups.add(Role.SUPERVISOR.group());
        }
        List<String> addresses = recipients.addressesOf(groups);
        if (addresses.isEmpty()) {
            return;
        }
        String due = event.due() == null ? "—" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(clock.getZone()).format(event.due());
        boolean escalation = event.kind() == Notification.Kind.ESCALATION;
        String subject = (escalation ? "【逾期督办】" : "【到期提醒】") + event.processKey() + " " + event.caseId() + " — "
                + (escalation ? "Overdue: " : "Due soon: ") + event.taskKey();
        String body = (escalation
                ? "以下事项已超过办理期限，已报督办人员。\nThis step is past its deadline; the supervisors have been told.\n\n"
                : "以下事项即将到期，请及时办理。\nThis step is due soon.\n\n")
                + "业务 / Lifecycle: " + event.processKey() + "\n案件 / Case: " + event.caseId()
                + "\n环节 / Step: " + event.taskKey() + "\n期限 / Due: " + due
                + "\n\n请登录 HMC-Flow 办理。Please sign in to HMC-Flow.\n";
        String key = event.kind() + ":" + event.processKey() + ":" + event.caseId() + ":" + event.taskKey() + ":"
                + (event.due() == null ? "" : event.due().toEpochMilli()) + ":" + String.join(",", event.candidateGroups());
        // about the step (or, for a case deadline, the case): nothing goes out once it has ended
        MailOutbox.About about = event.processInstanceId() == null ? null
                : new MailOutbox.About(event.processInstanceId(), event.taskId());
        if (!escalation) {
            // 每日汇总: a user who takes a daily digest gets this reminder as a line of it; escalations go at once
            java.util.List<String> immediate = new java.util.ArrayList<>(addresses);
            users.digestEmailsOf(groups).forEach((username, address) -> {
                immediate.removeIf(a -> a.equalsIgnoreCase(address));
                outbox.hold(key, username, address, subject, body, about);
            });
            addresses = immediate;
        }
        outbox.enqueue(key, addresses, subject, body, about);
    }
}
