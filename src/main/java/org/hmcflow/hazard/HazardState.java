package org.hmcflow.hazard;

/** Where a hazard case stands. */
public enum HazardState {
    /** 待研判 — reported, waiting for the bureau's triage. */
    REPORTED,
    /** 不予立案 — dismissed at triage (not a hazard, or not the bureau's). */
    DISMISSED,
    /** 待提交整改方案 — major hazard: the enterprise owes its rectification plan. */
    PLAN_REQUIRED,
    /** 方案审批中 — the plan waits for the bureau's approval. */
    PLAN_SUBMITTED,
    /** 整改中 — rectification under way until the deadline. */
    RECTIFYING,
    /** 待核查 — the enterprise reported it fixed; waiting for verification (and expert opinion for a major hazard). */
    VERIFYING,
    /** 待摘牌 — verified; the supervisors decide whether to lift the supervision. */
    AWAITING_SUPERVISION_LIFT,
    /** 已销号 — closed out; the follow-up re-check (回头看) is still due. */
    CLOSED_OUT,
    /** 已归档 — the re-check confirmed the result; the case is archived. */
    ARCHIVED
}
