package org.hmcflow.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String displayName, Role role, String departmentCode,
                   Long enterpriseId, boolean demo) {
        if (role == Role.ENTERPRISE && enterpriseId == null) {
            throw new IllegalArgumentException("an enterprise user belongs to an enterprise");
        }
        if (role == Role.REVIEWER && departmentCode == null) {
            throw new IllegalArgumentException("a reviewer belongs to a department");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.departmentCode = departmentCode;
        this.enterpriseId = enterpriseId;
        this.enabled = true;
        this.demo = demo;
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
