package org.hmcflow.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** 用户 — a person (or system) that uses HMC-Flow, with one role and, as the role requires, a department or enterprise. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "department_code")
    private String departmentCode;

    @Column(name = "enterprise_id")
    private Long enterpriseId;

    @Column(nullable = false)
    private boolean enabled;

    @Column(nullable = false)
    private boolean demo;

    /** Where reminders, escalations and orders are also sent; none: in-app notifications only. */
    private String email;

    /** 每日汇总: reminders come as one daily digest instead of one message each (escalations stay immediate). */
    @Column(name = "mail_digest", nullable = false)
    private boolean mailDigest;

    /** The language the user chose for the portal (BCP 47 tag, e.g. zh-CN, en); null: the browser decides. */
    private String locale;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String displayName, Role role, String departmentCode,
                   Long enterpriseId, boolean demo) {
        check(role, departmentCode, enterpriseId);
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.departmentCode = departmentCode;
        this.enterpriseId = enterpriseId;
        this.enabled = true;
        this.demo = demo;
    }

    /**
     * Takes what the identity provider now says about this user (name, role, department, enterprise) and answers
     * the fields that changed, name → new value (empty when nothing did).
     */
    public Map<String, Object> adopt(String displayName, Role role, String departmentCode, Long enterpriseId) {
        check(role, departmentCode, enterpriseId);
        Map<String, Object> changes = new TreeMap<>();
        if (!Objects.equals(this.displayName, displayName)) {
            changes.put("displayName", displayName);
        }
        if (this.role != role) {
            changes.put("role", role.name());
        }
        if (!Objects.equals(this.departmentCode, departmentCode)) {
            changes.put("departmentCode", departmentCode);
        }
        if (!Objects.equals(this.enterpriseId, enterpriseId)) {
            changes.put("enterpriseId", enterpriseId);
        }
        this.displayName = displayName;
        this.role = role;
        this.departmentCode = departmentCode;
        this.enterpriseId = enterpriseId;
        return changes;
    }

    public String getEmail() {
        return email;
    }

    /** Sets or clears the address (the identity provider's claim, or an administrator). */
    public void setEmail(String email) {
        this.email = email == null || email.isBlank() ? null : email.strip();
    }

    public boolean isMailDigest() {
        return mailDigest;
    }

    public void setMailDigest(boolean mailDigest) {
        this.mailDigest = mailDigest;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    private static void check(Role role, String departmentCode, Long enterpriseId) {
        if (role == Role.ENTERPRISE && enterpriseId == null) {
            throw new IllegalArgumentException("an enterprise user belongs to an enterprise");
        }
        if (role.isDepartmentStaff() && departmentCode == null) {
            throw new IllegalArgumentException("a reviewer or head belongs to a department");
        }
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isDemo() {
        return demo;
    }
}
