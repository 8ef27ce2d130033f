package org.hmcflow.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 待发邮件 — one e-mail to one recipient for one event, written in the transaction of the event. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "event_key", nullable = false)
    private String eventKey;
    @Column(nullable = false)
    private String recipient;
    @Column(nullable = false)
    private String subject;
    @Column(nullable = false)
    private String body;
    @Column(name = "message_id", nullable = false)
    private String messageId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "claimed_until")
    private Instant claimedUntil;
    /** The process instance the message is about (null: about nothing that can end). */
    @Column(name = "process_instance_id")
    private String processInstanceId;
    /** The step (engine task) the message is about; null: about the whole case. */
    @Column(name = "task_id")
    private String taskId;
    /** Set when the sender dropped the message because what it is about had ended; never sent then. */
    @Column(name = "skipped_at")
    private Instant skippedAt;
    @Column(name = "skip_reason")
    private String skipReason;
    /** The user whose daily digest holds this reminder (null: sent on its own). */
    @Column(name = "held_for")
    private String heldFor;
    /** The digest (its event key) that carried this held reminder. */
    @Column(name = "digested_in")
    private String digestedIn;

    protected OutboxMessage() {
    }

    OutboxMessage(String eventKey, String recipient, String subject, String body, String messageId, Instant createdAt) {
        this.eventKey = eventKey;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.messageId = messageId;
        this.createdAt = createdAt;
    }

    OutboxMessage heldFor(String username) {
        this.heldFor = username;
        return this;
    }

    OutboxMessage about(MailOutbox.About about) {
        if (about != null) {
            this.processInstanceId = about.processInstanceId();
            this.taskId = about.taskId();
        }
        return this;
    }

    public Long getId() {
        return id;
    }

    public String getEventKey() {
        return eventKey;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getMessageId() {
        return messageId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getTaskId() {
        return taskId;
    }

    public Instant getSkippedAt() {
        return skippedAt;
    }

    public String getSkipReason() {
        return skipReason;
    }

    public String getHeldFor() {
        return heldFor;
    }

    public String getDigestedIn() {
        return digestedIn;
    }
}
