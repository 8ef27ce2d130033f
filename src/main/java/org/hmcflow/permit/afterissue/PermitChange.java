package org.hmcflow.permit.afterissue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hmcflow.permit.issued.PermitHolder;

/**
 * 变更 — a change of the holder's name, address or legal representative (排污许可管理条例 Art 14), with the values before
 * and after: the permit's change history.
 */
@Entity
@Table(name = "permit_change")
public class PermitChange {

    public enum State { FILED, APPROVED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "permit_id", nullable = false)
    private Long permitId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(name = "effective_on", nullable = false)
    private LocalDate effectiveOn;
    @Column(name = "filed_on", nullable = false)
    private LocalDate filedOn;
    @Column(name = "filed_by", nullable = false)
    private String filedBy;
    @Column(name = "filing_due", nullable = false)
    private LocalDate filingDue;
    @Column(nullable = false)
    private boolean late;
    @Column(name = "old_unit_name", nullable = false)
    private String oldUnitName;
    @Column(name = "old_address", nullable = false)
    private String oldAddress;
    @Column(name = "old_legal_representative", nullable = false)
    private String oldLegalRepresentative;
    @Column(name = "new_unit_name")
    private String newUnitName;
    @Column(name = "new_address")
    private String newAddress;
    @Column(name = "new_legal_representative")
    private String newLegalRepresentative;
    @Column(name = "document_ids")
    private String documentIds;
    private String reason;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    private String decision;
    @Column(name = "decision_comment")
    private String decisionComment;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected PermitChange() {
    }

    PermitChange(Long permitId, LocalDate effectiveOn, LocalDate filedOn, String filedBy, LocalDate filingDue,
                 PermitHolder before, PermitHolder requested, String documentIds, String reason) {
        this.permitId = permitId;
        this.state = State.FILED;
        this.effectiveOn = effectiveOn;
        this.filedOn = filedOn;
        this.filedBy = filedBy;
        this.filingDue = filingDue;
        this.late = filedOn.isAfter(filingDue);
        this.oldUnitName = before.unitName();
        this.oldAddress = before.address();
        this.oldLegalRepresentative = before.legalRepresentative();
        this.newUnitName = requested.unitName();
        this.newAddress = requested.address();
        this.newLegalRepresentative = requested.legalRepresentative();
        this.documentIds = documentIds;
        this.reason = reason;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void decided(boolean approved, String comment, String by, Instant at) {
        this.state = approved ? State.APPROVED : State.REFUSED;
        this.decision = approved ? "APPROVE" : "REFUSE";
        this.decisionComment = comment;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    /** The holder after the change: each changed value, else the old one. */
    PermitHolder after() {
        return new PermitHolder(newUnitName != null ? newUnitName : oldUnitName,
                newAddress != null ? newAddress : oldAddress,
                newLegalRepresentative != null ? newLegalRepresentative : oldLegalRepresentative);
    }

    public Long getId() { return id; }
    public Long getPermitId() { return permitId; }
    public State getState() { return state; }
    public LocalDate getEffectiveOn() { return effectiveOn; }
    public LocalDate getFiledOn() { return filedOn; }
    public String getFiledBy() { return filedBy; }
    public LocalDate getFilingDue() { return filingDue; }
    public boolean isLate() { return late; }
    public String getOldUnitName() { return oldUnitName; }
    public String getOldAddress() { return oldAddress; }
    public String getOldLegalRepresentative() { return oldLegalRepresentative; }
    public String getNewUnitName() { return newUnitName; }
    public String getNewAddress() { return newAddress; }
    public String getNewLegalRepresentative() { return newLegalRepresentative; }
    public String getDocumentIds() { return documentIds; }
    public String getReason() { return reason; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getDecision() { return decision; }
    public String getDecisionComment() { return decisionComment; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
}
