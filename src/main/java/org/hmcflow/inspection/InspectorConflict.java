package org.hmcflow.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 利害关系 — a declared conflict of interest between an inspector and an enterprise (a relative works there, the
 * inspector used to, …): the draw never sends this inspector to this enterprise (回避).
 */
@Entity
@Table(name = "inspector_conflict")
public class InspectorConflict {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "inspector_id", nullable = false)
    private Long inspectorId;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Column(nullable = false)
    private String reason;
    @Column(name = "declared_by", nullable = false)
    private String declaredBy;
    @Column(name = "declared_at", nullable = false)
    private Instant declaredAt;

    protected InspectorConflict() {
    }

    InspectorConflict(Long inspectorId, Long enterpriseId, String reason, String declaredBy, Instant declaredAt) {
        this.inspectorId = inspectorId;
        this.enterpriseId = enterpriseId;
        this.reason = reason;
        this.declaredBy = declaredBy;
        this.declaredAt = declaredAt;
    }

    public Long getId() {
        return id;
    }

    public Long getInspectorId() {
        return inspectorId;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public String getReason() {
        return reason;
    }

    public String getDeclaredBy() {
        return declaredBy;
    }

    public Instant getDeclaredAt() {
        return declaredAt;
    }
}
