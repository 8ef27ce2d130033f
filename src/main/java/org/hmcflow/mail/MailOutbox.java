package org.hmcflow.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.hmcflow.shared.workflow.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 邮件发件箱 — every e-mail goes through here. {@link #enqueue} writes one row per event and recipient in the
 * transaction of the event (a rolled-back event sends nothing; the same event twice writes nothing more). The sender
 * ({@link #sendPending}, every {@code hmc.mail.send-interval} when {@code hmc.mail.enabled}) claims a row for a lease,
 * hands it to the SMTP server with a Message-ID derived from event and recipient, and marks it sent.
 *
 * <p>What this promises: one message per event and recipient, also with several nodes, unless a node dies (or stalls
 * past the lease) between the SMTP server's acceptance and the mark — then the message goes again, with the same
 * Message-ID, which lets a mail client drop the copy. A message about a step or case ({@link About}) whose step or
 * case has ended by the time the sender reaches it is not sent but marked skipped with the reason. Without {@code hmc.mail.enabled} (the default profile) messages
 * stay in the outbox, so running the app needs no SMTP server.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final OutboxRepository outbox;
    private final Workflow workflow;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private final String from;
    private final java.time.LocalTime digestTime;

    MailOutbox(OutboxRepository outbox, Workflow workflow, ObjectProvider<JavaMailSender> mailSender, TransactionTemplate tx, Clock clock,
               @Value("${hmc.mail.enabled:false}") boolean enabled,
               @Value("${hmc.mail.from:HMC-Flow <no-reply@hmc-flow.local>}") String from,
               @Value("${hmc.mail.digest-time:08:30}") String digestTime) {
        this.digestTime = java.time.LocalTime.parse(digestTime);
        this.outbox = outbox;
        this.workflow = workflow;
        this.mailSender = mailSender;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
        this.from = from;
    }

    /**
     * What a message is about: a step (the engine task {@code taskId} of instance {@code processInstanceId}) or, with
     * no task, the whole case (the process instance). When it has ended before the sender runs, the message is not
     * sent but marked skipped with the reason: nothing for a closed case.
     */
    public record About(String processInstanceId, String taskId) {

        public static About step(String processInstanceId, String taskId) {
            return new About(processInstanceId, taskId);
        }

        public static About caseOf(String processInstanceId) {
            return new About(processInstanceId, null);
        }
    }

    /** Queues one message per recipient address for an event; an address already queued for it is skipped. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueue(String eventKey, Collection<String> recipients, String subject, String body) {
        return enqueue(eventKey, recipients, subject, body, null);
    }

    /**
     * As {@link #enqueue(String, Collection, String, String)}, for a message about a step or case that may end before
     * the message goes out; then it is skipped ({@code about} null: always sent).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueue(String eventKey, Collection<String> recipients, String subject, String body, About about) {
        int queued = 0;
        for (String recipient : new TreeSet<>(recipients)) {
            if (recipient == null || recipient.isBlank() || outbox.existsByEventKeyAndRecipient(eventKey, recipient)) {
                continue;
            }
            outbox.save(new OutboxMessage(eventKey, recipient, truncate(subject, 300), truncate(body, 8000),
                    messageId(eventKey, recipient), clock.instant()).about(about));
            queued++;
        }
        return queued;
    }

    /**
     * Holds a reminder for a user who takes the daily digest: queued like any message (once per event and address),
     * but sent only as a line of the user's next digest ({@link #sendDigests}), and only if its step is still open.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean hold(String eventKey, String username, String address, String subject, String body, About about) {
        if (address == null || address.isBlank() || outbox.existsByEventKeyAndRecipient(eventKey, address)) {
            return false;
        }
        outbox.save(new OutboxMessage(eventKey, address, truncate(subject, 300), truncate(body, 8000),
                messageId(eventKey, address), clock.instant()).about(about).heldFor(username));
        return true;
    }

    @Scheduled(cron = "${hmc.mail.digest-check-cron:0 * * * * *}")
    void digestOnSchedule() {
        if (enabled) {
            sendDigests();
        }
    }

    /**
     * 每日汇总: from the configured time of day ({@code hmc.mail.digest-time}, the app's clock and zone), queues one
     * digest per user with held reminders of still-open steps, listing them; at most one per user and day (event key
     * {@code digest:<user>:<date>}). Reminders whose step ended are skipped; reminders held after the day's digest
     * wait for the next day's. The digests go out with the next {@link #sendPending}. Returns how many were queued.
     */
    public int sendDigests() {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(clock);
        if (now.toLocalTime().isBefore(digestTime)) {
            return 0;
        }
        java.time.LocalDate today = now.toLocalDate();
        List<OutboxMessage> held = tx.execute(s -> outbox.findByHeldForIsNotNullAndDigestedInIsNullAndSkippedAtIsNullOrderById());
        java.util.Map<String, List<OutboxMessage>> byUser = new java.util.TreeMap<>();
        for (OutboxMessage m : held == null ? List.<OutboxMessage>of() : held) {
            String ended = endedReason(m);
            if (ended != null) {
                tx.executeWithoutResult(s -> outbox.markSkipped(m.getId(), clock.instant(), ended));
            } else {
                byUser.computeIfAbsent(m.getHeldFor(), u -> new java.util.ArrayList<>()).add(m);
            }
        }
        int queued = 0;
        for (var e : byUser.entrySet()) {
            String key = "digest:" + e.getKey() + ":" + today;
            List<OutboxMessage> items = e.getValue();
            String address = items.get(items.size() - 1).getRecipient();
            StringBuilder body = new StringBuilder("以下事项即将到期，请及时办理。\nThese steps are due soon.\n\n");
            for (OutboxMessage m : items) {
                body.append("• ").append(m.getSubject()).append('\n');
            }
            body.append("\n请登录 HMC-Flow 办理。Please sign in to HMC-Flow.\n");
            String subject = "【每日提醒汇总】" + today + " — Daily digest: " + items.size();
            Boolean done = tx.execute(s -> {
                if (outbox.existsByEventKey(key)) {
                    return false; // today's digest went out already: these wait for tomorrow's
                }
                enqueue(key, List.of(address), subject, body.toString());
                outbox.markDigested(items.stream().map(OutboxMessage::getId).toList(), key);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                queued++;
            }
        }
        return queued;
    }

    /** The messages queued for an event, by recipient. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> ofEvent(String eventKey) {
        return outbox.findByEventKeyOrderByRecipient(eventKey);
    }

    /** The messages about a process instance (its steps and the case itself), in the order queued. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> aboutInstance(String processInstanceId) {
        return outbox.findByProcessInstanceIdOrderById(processInstanceId);
    }

    @Scheduled(fixedDelayString = "${hmc.mail.send-interval:PT30S}", initialDelayString = "${hmc.mail.send-interval:PT30S}")
    void sendOnSchedule() {
        if (enabled) {
            sendPending();
        }
    }

    /** Delivers what is due, each message in its own claim; returns how many were handed to the SMTP server. */
    public int sendPending() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.warn("hmc.mail.enabled is set but no SMTP server is configured (spring.mail.host): messages stay queued");
            return 0;
        }
        int sent = 0;
        Instant now = clock.instant();
        List<Long> due = tx.execute(s -> outbox.due(now, MAX_ATTEMPTS, PageRequest.of(0, 100)));
        for (Long id : due == null ? List.<Long>of() : due) {
            Boolean claimed = tx.execute(s -> outbox.claim(id, now, now.plus(LEASE)) == 1);
            if (!Boolean.TRUE.equals(claimed)) {
                continue; // another node holds it, or sent it
            }
            OutboxMessage m = tx.execute(s -> outbox.findById(id).orElseThrow());
            String ended = endedReason(m);
            if (ended != null) {
                tx.executeWithoutResult(s -> outbox.markSkipped(id, clock.instant(), ended));
                log.info("Outbox message {} to {} skipped: {}", id, m.getRecipient(), ended);
                continue;
            }
            try {
                sender.send(mime -> {
                    MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
                    helper.setFrom(from);
                    helper.setTo(m.getRecipient());
                    helper.setSubject(m.getSubject());
                    helper.setText(m.getBody());
                    // JavaMailSenderImpl keeps a Message-ID set before sending
                    mime.setHeader("Message-ID", m.getMessageId());
                });
                tx.executeWithoutResult(s -> outbox.markSent(id, clock.instant()));
                sent++;
            } catch (RuntimeException e) {
                log.warn("Sending outbox message {} to {} failed: {}", id, m.getRecipient(), e.getMessage());
                tx.executeWithoutResult(s -> outbox.markFailed(id, truncate(String.valueOf(e.getMessage()), 1000)));
            }
        }
        return sent;
    }

    /** Why the message must not go out any more (its step or case has ended), or null when it still may. */
    private String endedReason(OutboxMessage m) {
        if (m.getProcessInstanceId() == null) {
            return null;
        }
        if (m.getTaskId() != null) {
            return workflow.isTaskOpen(m.getTaskId()) ? null : "step ended: task " + m.getTaskId();
        }
        return workflow.isInstanceRunning(m.getProcessInstanceId()) ? null
                : "case ended: process instance " + m.getProcessInstanceId();
    }

    /** A Message-ID that is the same however often the message is sent: from the event and the recipient. */
    static String messageId(String eventKey, String recipient) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((eventKey + "\n" + recipient)
                    .getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@hmc-flow>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
