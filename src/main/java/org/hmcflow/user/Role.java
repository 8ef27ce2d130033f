package org.hmcflow.user;

/** The roles of HMC-Flow's users; each is also a Camunda group ({@link #group()}). */
public enum Role {
    /** 管理员 — administers users, calendars and the engine. */
    ADMIN,
    /** 审核人员 — bureau or department staff who triage, review and verify. */
    REVIEWER,
    /** 督办人员 — supervisors who track overdue items and supervised (挂牌督办) cases. */
    SUPERVISOR,
    /** 企业 — an enterprise's user, who files reports, plans and evidence for that enterprise only. */
    ENTERPRISE;

    public String group() {
        return "hmc-" + name().toLowerCase();
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
