package org.hmcflow.inspection;

/** The kind of an inspection plan. */
public enum PlanType {
    /**
     * 日常监督检查计划 — the periodic plan of one county for one year. Every key risk source and key-monitored enterprise
     * not yet inspected under a periodic plan that year is included without lot.
     */
    PERIODIC,
    /**
     * 专项执法检查 — a special enforcement campaign (e.g. against secret or leaking discharge, faked monitoring, idle
     * treatment facilities at heavy-metal enterprises; Zhuzhou plan 五(五)), city-wide or for one county; every
     * enterprise in scope is drawn by lot.
     */
    CAMPAIGN
}
