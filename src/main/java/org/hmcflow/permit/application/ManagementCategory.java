package org.hmcflow.permit.application;

import java.util.Optional;

/**
 * 排污许可管理类别 — how closely a discharger is managed (排污许可管理条例 Art 2 and Art 24; 固定污染源排污许可分类管理名录
 * （2019年版）Art 2). The category sets the statutory time for the permit decision.
 */
public enum ManagementCategory {
    /** 重点管理 — key management: a permit, decided within 30 days, 45 with a site inspection (条例 Art 12). */
    KEY,
    /** 简化管理 — simplified management: a permit, decided within 20 days (条例 Art 12). */
    SIMPLIFIED,
    /** 排污登记 — registration only: no permit, the discharger fills in the registration form (条例 Art 24). */
    REGISTRATION;

    /**
     * The {@code config/sla.yaml} rule for deciding a permit application of this category.
     *
     * @param siteInspection whether the bureau inspects the site (only a 重点管理 decision takes longer for it)
     * @return empty for {@link #REGISTRATION}, which has no permit decision
     */
    public Optional<String> decisionSlaRule(boolean siteInspection) {
        return switch (this) {
            case KEY -> Optional.of(siteInspection ? PermitRules.SLA_DECISION_KEY_SITE_INSPECTION : PermitRules.SLA_DECISION_KEY);
            case SIMPLIFIED -> Optional.of(PermitRules.SLA_DECISION_SIMPLIFIED);
            case REGISTRATION -> Optional.empty();
        };
    }
}
