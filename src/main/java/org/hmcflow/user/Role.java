package org.hmcflow.user;

/** The roles of HMC-Flow's users; each is also a Camunda group ({@link #group()}). */
public enum Role {
    /** 管理员 — administers users, calendars and the engine. */
    ADMIN,
    /** 审核人员 — bureau or department staff who triage, review and verify. */
    REVIEWER,
    /**
     * 科室负责人 — the head of a department: works its tasks like a reviewer, and also oversees its deadline items and
     * decides its requests for more time (延期).
     */
    HEAD,
    /** 督办人员 — supervisors who track overdue items and supervised (挂牌督办) cases. */
    SUPERVISOR,
    /** 企业 — an enterprise's user, who files reports, plans and evidence for that enterprise only. */
    ENTERPRISE;

    public String group() {
        return "hmc-" + name().toLowerCase();
    }

    /** Staff of a department, who work the department's tasks: reviewers and heads. */
    public boolean isDepartmentStaff() {
        return this == REVIEWER || this == HEAD;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
