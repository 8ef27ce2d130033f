package org.hmcflow.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 通知 — a reminder before a deadline, or an escalation to the supervisors after it passed. */
@Entity
@Table(name = "notification")
public class Notification {

    public enum Kind {
        /** 到期提醒 — the deadline is near. */
        REMINDER,
        /** 逾期督办 — the deadline passed; the supervisors are told. */
        ESCALATION,
        /** 延期决定 — a request for more time was granted or refused; the requester is told. */
        EXTENSION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "idempotency_key", nullable = false, unique = true)
    private String idempotencyKey;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "recipient_group")
    private String recipientGroup;
    @Column(name = "recipient_user")
    private String recipientUser;
    @Column(name = "case_type", nullable = false)
    private String caseType;
    @Column(name = "case_id", nullable = false)
    private String caseId;
    @Column(name = "task_key")
    private String taskKey;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(String idempotencyKey, Kind kind, String recipientGroup, String recipientUser, String caseType,
                 String caseId, String taskKey, Instant dueAt, Instant createdAt) {
        this.idempotencyKey = idempotencyKey;
        this.kind = kind;
        this.recipientGroup = recipientGroup;
        this.recipientUser = recipientUser;
        this.caseType = caseType;
        this.caseId = caseId;
        this.taskKey = taskKey;
        this.dueAt = dueAt;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getRecipientGroup() {
        return recipientGroup;
    }

    public String getRecipientUser() {
        return recipientUser;
    }

    public String getCaseType() {
        return caseType;
    }

    public String getCaseId() {
        return caseId;
    }

    public String getTaskKey() {
        return taskKey;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
