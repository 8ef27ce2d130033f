package org.hmcflow.enforcement;

/** How a case was opened: the first two by this module itself, the others by a referral ({@link EnforcementReferral}). */
public enum CaseSource {
    /** From an inspection's findings (the {@code ViolationsFound} event, or a referral naming the inspection). */
    INSPECTION,
    /** Filed by a bureau reviewer. */
    REVIEWER,
    /** 清洁生产审核 — referred by the cleaner-production lifecycle (e.g. a mandatory audit not carried out). */
    CLEANER_PRODUCTION_AUDIT,
    /** 搬迁/关闭方案 — referred by a relocation or closure plan (e.g. production not stopped by the plan's date). */
    RELOCATION_PLAN,
    /** 整治方案措施 — referred by a measure of a remediation or action plan not carried out. */
    PLAN_MEASURE;

    /** Whether other modules may refer a case with this source (a reviewer files through the API instead). */
    public boolean referable() {
        return this != REVIEWER;
    }
}
