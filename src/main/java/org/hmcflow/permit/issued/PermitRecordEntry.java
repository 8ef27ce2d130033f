package org.hmcflow.permit.issued;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 许可证记录 — one entry on a permit's timeline: issued, an execution report filed, late or reviewed, a finding of an
 * inspection against one of its conditions. Written once: a repeated event finds its entry by its idempotency key.
 */
@Entity
@Table(name = "permit_record_entry")
public class PermitRecordEntry {

    /** What happened. */
    public enum Kind {
        /** 核发 */
        ISSUED,
        /** 执行报告已提交 */
        REPORT_FILED,
        /** 执行报告逾期未交 (条例 Art 37) */
        REPORT_OVERDUE,
        /** 执行报告已接收 */
        REPORT_ACCEPTED,
        /** 执行报告退回补正 */
        REPORT_RETURNED,
        /** 检查发现违反许可证规定 */
        INSPECTION_FINDING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "permit_id", nullable = false)
    private Long permitId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(nullable = false)
    private String actor;
    private String reference;
    @Column(name = "violation_kind")
    private String violationKind;
    @Column(nullable = false)
    private String summary;
    @Column(name = "idempotency_key", nullable = false, unique = true)
    private String idempotencyKey;

    protected PermitRecordEntry() {
    }

    PermitRecordEntry(Long permitId, Kind kind, Instant occurredAt, String actor, String reference, String violationKind,
                      String summary, String idempotencyKey) {
        this.permitId = permitId;
        this.kind = kind;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.reference = reference;
        this.violationKind = violationKind;
        this.summary = summary;
        this.idempotencyKey = idempotencyKey;
    }

    public Long getId() {
        return id;
    }

    public Long getPermitId() {
        return permitId;
    }

    public Kind getKind() {
        return kind;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getReference() {
        return reference;
    }

    public String getViolationKind() {
        return violationKind;
    }

    public String getSummary() {
        return summary;
    }
}
