package org.hmcflow.permit.afterissue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * 三年内不得再次申请 — an enterprise whose permit was 撤销 (排污许可管理条例 Art 40) or 吊销 (Art 41) may not apply for a
 * permit until {@code barredUntil} (inclusive).
 */
@Entity
@Table(name = "permit_bar")
public class PermitBar {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Column(name = "permit_id", nullable = false)
    private Long permitId;
    @Column(name = "cancellation_id", nullable = false)
    private Long cancellationId;
    @Column(name = "legal_basis", nullable = false)
    private String legalBasis;
    @Column(name = "barred_from", nullable = false)
    private LocalDate barredFrom;
    @Column(name = "barred_until", nullable = false)
    private LocalDate barredUntil;

    protected PermitBar() {
    }

    PermitBar(Long enterpriseId, Long permitId, Long cancellationId, String legalBasis, LocalDate barredFrom,
              LocalDate barredUntil) {
        this.enterpriseId = enterpriseId;
        this.permitId = permitId;
        this.cancellationId = cancellationId;
        this.legalBasis = legalBasis;
        this.barredFrom = barredFrom;
        this.barredUntil = barredUntil;
    }

    public Long getId() { return id; }
    public Long getEnterpriseId() { return enterpriseId; }
    public Long getPermitId() { return permitId; }
    public Long getCancellationId() { return cancellationId; }
    public String getLegalBasis() { return legalBasis; }
    public LocalDate getBarredFrom() { return barredFrom; }
    public LocalDate getBarredUntil() { return barredUntil; }
}
