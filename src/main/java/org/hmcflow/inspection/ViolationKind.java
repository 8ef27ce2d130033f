package org.hmcflow.inspection;

/**
 * 违法情形 — the kinds of violation an inspection can find; the enforcement lifecycle's DMN table maps them (with the
 * exceedance multiple and whether the pollutant is a heavy metal) to the measures of 环境保护部令第30号 Arts 5–6.
 */
public enum ViolationKind {
    /** 超过污染物排放标准 — a measured concentration above its standard or permit limit. */
    EXCEEDS_STANDARD,
    /** 超过重点污染物日最高允许排放总量控制指标 — above the daily total quota. */
    EXCEEDS_DAILY_TOTAL_QUOTA,
    /** 超过重点污染物排放总量年度控制指标 — above the annual total quota. */
    EXCEEDS_ANNUAL_TOTAL_QUOTA,
    /** 通过暗管、渗井、渗坑、灌注等逃避监管的方式排放 — secret or evasive discharge. */
    EVASIVE_DISCHARGE,
    /** 篡改、伪造监测数据 — falsified or tampered monitoring data. */
    FALSIFIED_MONITORING_DATA,
    /** 不正常运行防治污染设施 — pollution-control facilities not run normally. */
    FACILITY_NOT_RUNNING,
    /** 违反排污许可证规定 — a breach of a permit condition (recorded on the permit's record). */
    PERMIT_CONDITION_BREACH,
    /** 无证排污 — discharging without a permit or after it expired. */
    DISCHARGE_WITHOUT_PERMIT,
    /**
     * 不实施强制性清洁生产审核 — a mandatory cleaner-production audit not carried out, falsified, or its result not
     * reported (清洁生产促进法 Art 27 paras 2 and 4, penalty Art 39). Referred by the cleaner-production lifecycle; the
     * law provides an order to correct and, when refused, a fine — never 限制生产 or 停产整治.
     */
    CLEANER_PRODUCTION_AUDIT_NOT_DONE,
    /**
     * 未按规定开展土壤污染状况调查、风险评估、风险管控、修复或效果评估 — a soil-pollution survey, risk assessment, risk
     * control, remediation or effect assessment of a site not carried out as required (土壤污染防治法 Arts 59, 67 and
     * 35–36, penalty Art 94). Referred by a relocation or closure plan; the law provides an order to correct, fines and
     * performance by another at the liable party's cost — never 限制生产 or 停产整治.
     */
    SOIL_RISK_DUTY_NOT_DONE,
    /**
     * 拆除设施未采取土壤污染防治措施 — facilities, equipment or buildings demolished without the soil-protection measures,
     * or a key soil-supervision unit without its soil-protection work plan (土壤污染防治法 Art 22, penalty Art 86).
     * Referred by a relocation or closure plan; an order to correct and a fine, 停产整治 when the order is refused.
     */
    DEMOLITION_WITHOUT_SOIL_PROTECTION,
    /** 其他 — anything else, described in words. */
    OTHER
}
