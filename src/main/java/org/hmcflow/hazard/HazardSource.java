package org.hmcflow.hazard;

/** Where a hazard report comes from. */
public enum HazardSource {
    /** 企业自查 — the enterprise's own self-inspection. */
    SELF_INSPECTION,
    /** 执法检查 — a bureau inspector's inspection. */
    BUREAU_INSPECTION,
    /** 群众举报 — a public complaint (12369 hotline, letters, web), entered by bureau staff. */
    PUBLIC_COMPLAINT
}
