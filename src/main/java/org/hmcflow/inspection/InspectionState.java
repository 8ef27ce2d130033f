package org.hmcflow.inspection;

/** Where an inspection (监督检查) stands. */
public enum InspectionState {
    /** 检查准备 — the inspectors prepare: checklist, permit limits, open hazards. */
    PREPARING,
    /** 现场检查 — on site: checklist answered, evidence taken. */
    ON_SITE,
    /** 笔录确认 — the enterprise's representative confirms or disputes the record. */
    AWAITING_CONFIRMATION,
    /** 异议复核 — the inspectors answer a dispute. */
    DISPUTE_REVIEW,
    /** 监督性监测 — the monitoring station enters the sampling results. */
    MONITORING,
    /** 认定结果 — the inspectors decide the findings. */
    DECIDING,
    /** 结案公开 — no problem found: closed, the result public. */
    CLOSED,
    /** 移送处理 — a hazard case and/or an enforcement case was opened from the findings. */
    REFERRED
}
