package org.hmcflow.enterprise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 企业联系人 — a contact person of an enterprise (name, phone, e-mail). Reminders, escalations and orders addressed to
 * the enterprise's group also go to the contacts' e-mail addresses.
 */
@Entity
@Table(name = "enterprise_contact")
public class EnterpriseContact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Column(nullable = false)
    private String name;
    private String phone;
    private String email;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected EnterpriseContact() {
    }

    EnterpriseContact(Long enterpriseId, String name, String phone, String email, Instant now) {
        this.enterpriseId = enterpriseId;
        this.createdAt = now;
        set(name, phone, email, now);
    }

    void set(String name, String phone, String email, Instant now) {
        this.name = name.strip();
        this.phone = blankToNull(phone);
        this.email = blankToNull(email);
        this.updatedAt = now;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() {
        return id;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public String getName() {
        return name;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
