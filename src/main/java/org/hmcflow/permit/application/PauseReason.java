package org.hmcflow.permit.application;

/**
 * 中止事由 — why the statutory decision clock of an application is stopped. Each reason names its legal source; the
 * ledger keeps the reason with its dates.
 */
public enum PauseReason {
    /**
     * 补正材料 — the reviewer asked for missing or corrected materials; the clock runs again the day after they arrive.
     * Not verified in the 条例; read with 行政许可法 Art 32 (an application counts from complete materials). Opened and
     * closed by the process, never by hand.
     */
    CORRECTION("行政许可法 第三十二条（补正材料期间不计入审查期限，本系统解读）"),
    /** 专家评审 — expert review is not counted in the decision limit (行政许可法 Art 45). */
    EXPERT_REVIEW("行政许可法 第四十五条（专家评审所需时间不计算在期限内）"),
    /** 听证 — a hearing is not counted in the decision limit (行政许可法 Art 45, Arts 46–48). */
    HEARING("行政许可法 第四十五条（听证所需时间不计算在期限内）");

    private final String legalBasis;

    PauseReason(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    /** 依据 — the legal source, as a citation (the same text in every language). */
    public String legalBasis() {
        return legalBasis;
    }
}
