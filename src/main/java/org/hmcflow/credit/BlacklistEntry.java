package org.hmcflow.credit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** 黑名单 — an enterprise listed publicly at the close of an enforcement case; delisted later with a reason. */
@Entity
@Table(name = "blacklist_entry")
public class BlacklistEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Column(name = "case_id", nullable = false)
    private Long caseId;
    @Column(nullable = false)
    private String grounds;
    @Column(name = "listed_on", nullable = false)
    private LocalDate listedOn;
    @Column(name = "listed_by", nullable = false)
    private String listedBy;
    @Column(name = "delisted_on")
    private LocalDate delistedOn;
    @Column(name = "delisting_reason")
    private String delistingReason;
    @Column(name = "delisted_by")
    private String delistedBy;

    protected BlacklistEntry() {
    }

    BlacklistEntry(Long enterpriseId, Long caseId, String grounds, LocalDate listedOn, String listedBy) {
        this.enterpriseId = enterpriseId;
        this.caseId = caseId;
        this.grounds = grounds;
        this.listedOn = listedOn;
        this.listedBy = listedBy;
    }

    void delist(LocalDate on, String reason, String by) {
        this.delistedOn = on;
        this.delistingReason = reason;
        this.delistedBy = by;
    }

    public Long getId() { return id; }
    public Long getEnterpriseId() { return enterpriseId; }
    public Long getCaseId() { return caseId; }
    public String getGrounds() { return grounds; }
    public LocalDate getListedOn() { return listedOn; }
    public String getListedBy() { return listedBy; }
    public LocalDate getDelistedOn() { return delistedOn; }
    public String getDelistingReason() { return delistingReason; }
    public String getDelistedBy() { return delistedBy; }
}
