package org.hmcflow.enforcement;

/**
 * 执法措施 — what the bureau orders, in rising severity; a case's measure is the most severe over its violations.
 */
public enum Measure {
    /** 责令改正 / 限期改正 — order to correct within a period (行政处罚法 Art 28, 环境保护法 Art 59/60). */
    ORDER_TO_CORRECT,
    /** 限制生产 — limit production (环境保护部令第30号 Art 5). */
    LIMIT_PRODUCTION,
    /** 停产整治 — stop production for rectification (环境保护部令第30号 Art 6). */
    SUSPEND_FOR_RECTIFICATION;

    public boolean isProductionMeasure() {
        return this != ORDER_TO_CORRECT;
    }

    public static Measure mostSevere(Iterable<Measure> measures) {
        Measure worst = ORDER_TO_CORRECT;
        for (Measure m : measures) {
            if (m.ordinal() > worst.ordinal()) {
                worst = m;
            }
        }
        return worst;
    }
}
