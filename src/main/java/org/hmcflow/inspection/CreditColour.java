package org.hmcflow.inspection;

/**
 * 企业环境信用评价等级 — an enterprise's environmental credit rating per 企业环境信用评价办法（试行）(环发〔2013〕150号),
 * shown as a colour. Yellow and red count as poor credit: such enterprises are drawn more often (条例 Art 25).
 */
public enum CreditColour {
    /** 环保诚信企业 — environmentally trustworthy. */
    GREEN,
    /** 环保良好企业 — environmentally good. */
    BLUE,
    /** 环保警示企业 — environmental warning. */
    YELLOW,
    /** 环保不良企业 — environmentally bad. */
    RED;

    /** Yellow or red: the poor-credit stratum of the draw. */
    public boolean poor() {
        return this == YELLOW || this == RED;
    }
}
