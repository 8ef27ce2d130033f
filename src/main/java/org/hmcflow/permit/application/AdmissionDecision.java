package org.hmcflow.permit.application;

/**
 * 准入审查结论 — the outcome of the checks made before technical review: the admission verdict with its rule and
 * grounds, and the management category with its own.
 *
 * @param verdict          admit to technical review, or refuse
 * @param ruleCode         the stable code of the admission rule that decided, e.g. {@code KEY_AREA_NEW_EXPANSION}
 * @param grounds          依据 — the reasons in Chinese, citing the plan section, for the written decision
 * @param category         重点/简化/登记; {@code null} when the industry is not one the category table covers, and an
 *                         officer classifies it from the 固定污染源排污许可分类管理名录
 * @param categoryRuleCode the stable code of the category rule that decided, e.g. {@code KEY_DISCHARGER_LIST}
 * @param categoryGrounds  依据 of the category, in Chinese
 */
record AdmissionDecision(
        Verdict verdict,
        String ruleCode,
        String grounds,
        ManagementCategory category,
        String categoryRuleCode,
        String categoryGrounds) {

    public boolean admitted() {
        return verdict == Verdict.ADMIT;
    }
}
