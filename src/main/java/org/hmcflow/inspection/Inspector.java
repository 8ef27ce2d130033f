package org.hmcflow.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * 执法人员 — an inspector in the register a draw picks from: department, county (none for city-level staff, who may
 * be sent anywhere in the city) and 执法证号 (enforcement certificate number). Only active inspectors are drawn.
 */
@Entity
@Table(name = "inspector")
public class Inspector {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(name = "department_code", nullable = false)
    private String departmentCode;
    private String county;
    @Column(name = "certificate_no", nullable = false, unique = true)
    private String certificateNo;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Inspector() {
    }

    Inspector(String name, String departmentCode, String county, String certificateNo, boolean active, Instant createdAt) {
        update(name, departmentCode, county, certificateNo, active);
        this.createdAt = createdAt;
    }

    void update(String name, String departmentCode, String county, String certificateNo, boolean active) {
        this.name = name;
        this.departmentCode = departmentCode;
        this.county = county;
        this.certificateNo = certificateNo;
        this.active = active;
    }

    /** Whether this inspector may be sent to an enterprise in {@code enterpriseCounty}. */
    boolean covers(String enterpriseCounty) {
        return county == null || county.equals(enterpriseCounty);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public String getCounty() {
        return county;
    }

    public String getCertificateNo() {
        return certificateNo;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
