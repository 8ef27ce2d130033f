package org.hmcflow.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 审计记录 — one state change of a case: who (user, role, department), when, what (action, changed fields) and why
 * (comment). Rows are never updated or deleted; each row's hash covers its content and the previous row's hash.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_type", nullable = false, updatable = false)
    private String caseType;
    @Column(name = "case_id", nullable = false, updatable = false)
    private String caseId;
    @Column(nullable = false, updatable = false)
    private String action;
    @Column(nullable = false, updatable = false)
    private String actor;
    @Column(name = "actor_role", nullable = false, updatable = false)
    private String actorRole;
    @Column(name = "actor_department", updatable = false)
    private String actorDepartment;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
    @Column(updatable = false)
    private String comment;
    @Column(updatable = false)
    private String changes;
    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String prevHash;
    @Column(nullable = false, updatable = false)
    private String hash;

    protected AuditEvent() {
    }

    AuditEvent(String caseType, String caseId, String action, String actor, String actorRole, String actorDepartment,
               Instant occurredAt, String comment, String changes, String prevHash) {
        this.caseType = caseType;
        this.caseId = caseId;
        this.action = action;
        this.actor = actor;
        this.actorRole = actorRole;
        this.actorDepartment = actorDepartment;
        this.occurredAt = occurredAt;
        this.comment = comment;
        this.changes = changes;
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    /** SHA-256 over the previous hash and every field, each length-prefixed so that no two rows hash alike by shifting text. */
    String computeHash() {
        return AuditHashes.sha256(prevHash, caseType, caseId, action, actor, actorRole, actorDepartment,
                occurredAt.toString(), comment, changes);
    }

    public Long getId() {
        return id;
    }

    public String getCaseType() {
        return caseType;
    }

    public String getCaseId() {
        return caseId;
    }

    public String getAction() {
        return action;
    }

    public String getActor() {
        return actor;
    }

    public String getActorRole() {
        return actorRole;
    }

    public String getActorDepartment() {
        return actorDepartment;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getComment() {
        return comment;
    }

    public String getChanges() {
        return changes;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }
}
