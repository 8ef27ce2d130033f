package org.hmcflow.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The hash of the chain's last row; locked while a row is appended. */
@Entity
@Table(name = "audit_head")
class AuditHead {

    @Id
    private Integer id;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditHead() {
    }

    String lastHash() {
        return lastHash;
    }

    void advance(String hash) {
        this.lastHash = hash;
    }
}
