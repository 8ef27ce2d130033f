package org.hmcflow.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hmcflow.permit.application.ManagementCategory;

/**
 * 监管名录条目 — what the bureau records about one supervised enterprise for planning inspections: its permit category
 * (排污许可管理类别), whether it is a 重点监控企业 (key-monitored enterprise) and a 重金属重点环境风险源 (key heavy-metal
 * environmental risk source), and its environmental credit colour. Identity and county stay in the enterprise register.
 * Only enterprises with an entry take part in a draw.
 */
@Entity
@Table(name = "supervision_entry")
public class SupervisionEntry {

    @Id
    @Column(name = "enterprise_id")
    private Long enterpriseId;
    @Enumerated(EnumType.STRING)
    @Column(name = "permit_category", nullable = false)
    private ManagementCategory permitCategory;
    @Column(name = "key_monitored", nullable = false)
    private boolean keyMonitored;
    @Column(name = "key_risk_source", nullable = false)
    private boolean keyRiskSource;
    @Enumerated(EnumType.STRING)
    @Column(name = "credit_colour")
    private CreditColour creditColour;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private Long version;

    protected SupervisionEntry() {
    }

    SupervisionEntry(Long enterpriseId) {
        this.enterpriseId = enterpriseId;
    }

    void classify(ManagementCategory permitCategory, boolean keyMonitored, boolean keyRiskSource,
                  CreditColour creditColour, String by, Instant at) {
        this.permitCategory = permitCategory;
        this.keyMonitored = keyMonitored;
        this.keyRiskSource = keyRiskSource;
        this.creditColour = creditColour;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public ManagementCategory getPermitCategory() {
        return permitCategory;
    }

    public boolean isKeyMonitored() {
        return keyMonitored;
    }

    public boolean isKeyRiskSource() {
        return keyRiskSource;
    }

    public CreditColour getCreditColour() {
        return creditColour;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    boolean isNew() {
        return version == null;
    }
}
