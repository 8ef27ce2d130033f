package org.hmcflow.hazard;

/** 隐患等级 — the grade set at triage (企业突发环境事件隐患排查和治理工作指南（试行）). */
public enum HazardGrade {
    /** 一般隐患 — a general hazard: fixed at once or by a deadline. */
    GENERAL,
    /** 重大隐患 — a major hazard: complex, not quickly fixed; needs a written plan, expert assessment and 挂牌督办. */
    MAJOR
}
