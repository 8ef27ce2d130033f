package org.hmcflow.permit.application;

/** Where a permit application (排污许可申请) stands. */
public enum ApplicationState {
    /** 待受理 — filed (or corrected), waiting for the bureau's acceptance decision (Art 9). */
    SUBMITTED,
    /** 待补正 — returned once with the full list of what is missing (Art 9); the enterprise owes the corrections. */
    AWAITING_CORRECTION,
    /** 不予受理 — refused at acceptance, with the reason. */
    NOT_ACCEPTED,
    /** 仅需排污登记 — the site falls under registration (排污登记, Art 24): no permit is issued. */
    REGISTRATION_ONLY,
    /** 技术审查 — accepted and admitted; the statutory decision clock runs. */
    UNDER_REVIEW,
    /** 审查补正 — the reviewer asked for corrections; the statutory clock is stopped until they come. */
    REVIEW_CORRECTION,
    /** 部门会审 — the participating departments give their opinions in parallel. */
    JOINT_REVIEW,
    /** 现场核查 — the bureau inspects the site. */
    SITE_INSPECTION,
    /** 待决定 — ready for the decision. */
    AWAITING_DECISION,
    /** 已核发 — a permit was issued. */
    ISSUED,
    /** 不予许可 — refused in writing with its reasons, by the decision or by an admission rule (Art 12). */
    REFUSED
}
