package org.hmcflow.permit.application;

/** The documents an application lists (排污许可管理条例 Arts 7 and 8). */
public enum DocumentKind {
    /** 环境影响评价文件审批意见或备案材料 — EIA approval or filing (Art 7). */
    EIA_APPROVAL,
    /** 自行监测方案 — the self-monitoring plan (Art 7). */
    SELF_MONITORING_PLAN,
    /** 信息公开情况说明 — proof of prior disclosure, required for 重点管理 (Art 8). */
    DISCLOSURE_STATEMENT,
    /** 削减替代说明 — statement on offsets for new or expanded projects emitting key pollutants (Art 8). */
    OFFSET_STATEMENT,
    /** 商业秘密说明 — trade-secret statement (Art 7). */
    TRADE_SECRET_STATEMENT,
    /** 承诺书 — the applicant's signed commitment that the contents are true (Art 7). */
    COMMITMENT,
    /** Anything else the applicant lists. */
    OTHER
}
