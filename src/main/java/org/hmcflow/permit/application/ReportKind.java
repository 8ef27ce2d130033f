package org.hmcflow.permit.application;

/** 执行报告频次 — how often a permit holder reports on its permit (排污许可管理条例 Art 22). */
public enum ReportKind {
    /** 年度执行报告 */
    ANNUAL,
    /** 季度执行报告 */
    QUARTERLY,
    /** 月度执行报告 */
    MONTHLY
}
