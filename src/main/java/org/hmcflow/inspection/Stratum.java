package org.hmcflow.inspection;

/**
 * 抽查层级 — the stratum an enterprise is drawn in; each has its own rate ({@code hmc.inspection.draw}). An enterprise
 * that belongs to more than one stratum is drawn in the one with the highest rate (ties: the later constant here).
 */
public enum Stratum {
    /** Every other enterprise in the register. */
    BASE,
    /** 重点排污单位 — key discharger: permit category KEY (重点管理), key-monitored or a key risk source. */
    KEY_DISCHARGER,
    /** 环保警示/不良 — poor credit: yellow or red (环发〔2013〕150号). */
    POOR_CREDIT
}
