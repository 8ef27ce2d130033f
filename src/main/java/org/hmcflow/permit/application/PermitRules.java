package org.hmcflow.permit.application;

import java.util.List;

/**
 * The names the permit rules share with the code: the decision tables' keys, their input and output variables, and the
 * deadline rules of {@code config/sla.yaml} (排污许可管理条例 Arts 9, 12 and 14).
 */
public final class PermitRules {

    // decision tables in processes/permit/
    public static final String DECISION_ADMISSION = "permit-admission";
    public static final String DECISION_CATEGORY = "permit-management-category";

    // permit-admission inputs
    public static final String IN_PROCESS_CODE = "processCode";
    public static final String IN_PROJECT_TYPE = "projectType";
    public static final String IN_KEY_CONTROL_AREA = "inKeyControlArea";
    public static final String IN_EMISSION_CHANGE = "heavyMetalEmissionChange";
    public static final String IN_NET_EMISSION_CHANGE = "netEmissionChange";
    public static final String IN_OUTPUT_INCREASE = "outputIncrease";
    public static final String IN_OFFSET_COVERS_INCREASE = "offsetCoversIncrease";

    // permit-admission outputs
    public static final String OUT_VERDICT = "verdict";
    public static final String OUT_RULE_CODE = "ruleCode";
    public static final String OUT_GROUNDS = "grounds";

    // permit-management-category inputs
    public static final String IN_KEY_DISCHARGER_LIST = "onKeyDischargerList";
    public static final String IN_INDUSTRY = "industry";
    public static final String IN_ANNUAL_EMISSION = "annualHeavyMetalEmission";
    public static final String IN_MIXING_OR_ASSEMBLY_ONLY = "mixingOrAssemblyOnly";

    // permit-management-category outputs
    public static final String OUT_CATEGORY = "category";
    public static final String OUT_CATEGORY_RULE_CODE = "categoryRuleCode";
    public static final String OUT_CATEGORY_GROUNDS = "categoryGrounds";

    // SLA rules (config/sla.yaml)
    /** 受理: one notice of everything missing within 3 days (Art 9). */
    public static final String SLA_ACCEPTANCE = "permit.acceptance";
    /** 简化管理 decision, 20 days from acceptance (Art 12). */
    public static final String SLA_DECISION_SIMPLIFIED = "permit.decision.simplified";
    /** 重点管理 decision, 30 days from acceptance (Art 12). */
    public static final String SLA_DECISION_KEY = "permit.decision.key";
    /** 重点管理 decision with a site inspection, 45 days from acceptance (Art 12). */
    public static final String SLA_DECISION_KEY_SITE_INSPECTION = "permit.decision.key-site-inspection";
    /** 延续: apply at least 60 days before the permit expires (Art 14); counted back from expiry. */
    public static final String SLA_RENEWAL_LEAD = "permit.renewal.lead";
    /** 延续: decision within 20 days of accepting the renewal (Art 14). */
    public static final String SLA_RENEWAL_DECISION = "permit.renewal.decision";
    /** 变更: apply within 30 days of a change of name, address or legal representative (Art 14). */
    public static final String SLA_CHANGE_FILING = "permit.change.filing";

    /** Every deadline rule of the permit lifecycle; a test checks that each resolves in {@code config/sla.yaml}. */
    public static final List<String> SLA_RULES = List.of(SLA_ACCEPTANCE, SLA_DECISION_SIMPLIFIED, SLA_DECISION_KEY,
            SLA_DECISION_KEY_SITE_INSPECTION, SLA_RENEWAL_LEAD, SLA_RENEWAL_DECISION, SLA_CHANGE_FILING);

    private PermitRules() {
    }
}
