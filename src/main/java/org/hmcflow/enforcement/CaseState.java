package org.hmcflow.enforcement;

/** Where an enforcement case stands. */
public enum CaseState {
    /** 待决定 — opened; the bureau decides the measure from the proposal. */
    PROPOSED,
    /** 待审批 — 限制生产/停产整治 decided, awaiting the bureau head's approval. */
    AWAITING_APPROVAL,
    /** 待提交整改方案 — decision served and published; the enterprise files its plan. */
    PLAN_DUE,
    /** 整改中 — rectification (or the correction period of an order to correct) runs. */
    RECTIFYING,
    /** 待复查 — completion reported or the period ended; re-inspection with monitoring. */
    REINSPECTION_DUE,
    /** 复查未通过 — still exceeding; the bureau chooses extension, daily fines or closure. */
    REINSPECTION_FAILED,
    /** 延期待批 — extension asked, awaiting approval. */
    EXTENSION_REQUESTED,
    /** 报请关闭 — closure proposed to the government. */
    CLOSURE_PROPOSED,
    /** 待结案 — corrected / lifted or closure approved; the bureau closes the file. */
    CLOSING,
    /** 已结案 — closed. */
    CLOSED
}
