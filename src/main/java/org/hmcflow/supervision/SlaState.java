package org.hmcflow.supervision;

/** SLA 状态 — where an open deadline stands today, derived at read time from its stored boundaries and the clock. */
public enum SlaState {
    /** 正常 — on track: before its due-soon boundary. */
    ON_TRACK,
    /** 临期 — due soon: within the lifecycle's due-soon working days before the due day. */
    DUE_SOON,
    /** 逾期 — overdue: past the due date. */
    OVERDUE,
    /** 严重逾期 — seriously overdue: past the lifecycle's seriously-overdue working days after the due day. */
    SERIOUSLY_OVERDUE,
    /**
     * 暂停计时 — the clock stands still (e.g. a statutory limit while the applicant corrects its materials, 补正): its
     * last due date is kept, but it is neither due nor overdue until the clock runs again.
     */
    PAUSED
}
