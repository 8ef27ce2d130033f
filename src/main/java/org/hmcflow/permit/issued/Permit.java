package org.hmcflow.permit.issued;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hmcflow.permit.application.ManagementCategory;
import org.hmcflow.permit.application.ReportKind;

/**
 * 排污许可证 — a permit issued on an application: its number (USCC + 3-digit site number + {@code P}, HJ 608-2017),
 * five years' validity (排污许可管理条例 Art 14) and the execution reports it requires (Art 22).
 */
@Entity
@Table(name = "permit")
public class Permit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id", nullable = false, unique = true)
    private Long applicationId;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Column(name = "permit_number", nullable = false, unique = true)
    private String permitNumber;
    @Column(name = "site_number", nullable = false)
    private int siteNumber;
    @Enumerated(EnumType.STRING)
    @Column(name = "management_category", nullable = false)
    private ManagementCategory managementCategory;
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;
    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;
    @Column(name = "issued_by", nullable = false)
    private String issuedBy;
    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "permit_report_due", joinColumns = @JoinColumn(name = "permit_id"))
    @OrderColumn(name = "line_no")
    private List<ReportDue> reports = new ArrayList<>();
    /** 许可证状态 — VALID until it lapses or is cancelled, revoked or withdrawn (see {@link PermitStatus}). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PermitStatus status = PermitStatus.VALID;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "status_on")
    private LocalDate statusOn;
    /** The holder's name, address and legal representative after an approved change (变更); null: as applied. */
    @Column(name = "unit_name")
    private String unitName;
    @Column(name = "holder_address")
    private String holderAddress;
    @Column(name = "legal_representative")
    private String legalRepresentative;

    protected Permit() {
    }

    Permit(Long applicationId, Long enterpriseId, String permitNumber, int siteNumber, ManagementCategory category,
           LocalDate validFrom, LocalDate validUntil, String issuedBy, Instant issuedAt, List<ReportDue> reports) {
        this.applicationId = applicationId;
        this.enterpriseId = enterpriseId;
        this.permitNumber = permitNumber;
        this.siteNumber = siteNumber;
        this.managementCategory = category;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
        this.reports.addAll(reports);
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public String getPermitNumber() {
        return permitNumber;
    }

    public int getSiteNumber() {
        return siteNumber;
    }

    public ManagementCategory getManagementCategory() {
        return managementCategory;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public List<ReportDue> getReports() {
        return List.copyOf(reports);
    }

    public PermitStatus getStatus() {
        return status == null ? PermitStatus.VALID : status;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public LocalDate getStatusOn() {
        return statusOn;
    }

    /** The name after an approved change, or null while the application's name holds. */
    public String getUnitName() {
        return unitName;
    }

    public String getHolderAddress() {
        return holderAddress;
    }

    public String getLegalRepresentative() {
        return legalRepresentative;
    }

    /** 延续 — the permit now runs until {@code newValidUntil} (the new period starts the day after the old expiry). */
    public void extendUntil(LocalDate newValidUntil) {
        if (!newValidUntil.isAfter(validUntil)) {
            throw new IllegalArgumentException("renewal must extend the permit beyond " + validUntil);
        }
        this.validUntil = newValidUntil;
    }

    /**
     * 延续 — the execution reports of the new validity period join the schedule; lines already in it (same kind and
     * period) are kept as they are. Returns the lines added.
     */
    public List<ReportDue> addReports(List<ReportDue> lines) {
        List<ReportDue> added = new ArrayList<>();
        for (ReportDue line : lines) {
            boolean present = reports.stream()
                    .anyMatch(r -> r.getKind() == line.getKind() && r.getPeriod().equals(line.getPeriod()));
            if (!present) {
                reports.add(line);
                added.add(line);
            }
        }
        return added;
    }

    /** Ends or lapses the permit: its new status, why (a ground code) and since when. */
    public void endAs(PermitStatus newStatus, String reason, LocalDate on) {
        this.status = newStatus;
        this.statusReason = reason;
        this.statusOn = on;
    }

    /** 变更 — the holder's name, address and legal representative after an approved change. */
    public void holder(String unitName, String address, String legalRepresentative) {
        this.unitName = unitName;
        this.holderAddress = address;
        this.legalRepresentative = legalRepresentative;
    }

    /** 执行报告期次 — one execution report the permit requires: its period and the day it is due. */
    @Embeddable
    public static class ReportDue {
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        private ReportKind kind;
        @Column(nullable = false)
        private String period;
        @Column(name = "period_start", nullable = false)
        private LocalDate periodStart;
        @Column(name = "period_end", nullable = false)
        private LocalDate periodEnd;
        @Column(name = "due_on", nullable = false)
        private LocalDate dueOn;

        protected ReportDue() {
        }

        ReportDue(ReportKind kind, String period, LocalDate periodStart, LocalDate periodEnd, LocalDate dueOn) {
            this.kind = kind;
            this.period = period;
            this.periodStart = periodStart;
            this.periodEnd = periodEnd;
            this.dueOn = dueOn;
        }

        public ReportKind getKind() {
            return kind;
        }

        public String getPeriod() {
            return period;
        }

        public LocalDate getPeriodStart() {
            return periodStart;
        }

        public LocalDate getPeriodEnd() {
            return periodEnd;
        }

        public LocalDate getDueOn() {
            return dueOn;
        }
    }
}
