package org.hmcflow.permit.application;

/** 准入结论 — the outcome of the admission check before technical review. */
public enum Verdict {
    /** 准予进入技术审查 — the application may go on to technical review. */
    ADMIT,
    /** 不予准入 — refused; the written refusal states the grounds (排污许可管理条例 Art 12). */
    REFUSE
}
