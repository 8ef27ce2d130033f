package org.hmcflow.supervision;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hmc.supervision} in {@code config/sla.yaml}: working days before the due day from which a deadline is due
 * soon, and after it from which it is seriously overdue; per lifecycle (process key) where a lifecycle differs; and
 * the audit case type of each lifecycle whose business key is the id its own audit trail is kept under, so that a
 * step reassigned by a supervisor shows in that case's history (a lifecycle without one is audited as a
 * {@code DEADLINE_ITEM}). Checked at start-up.
 */
@ConfigurationProperties("hmc.supervision")
public record SupervisionProperties(Integer dueSoonWorkingDays, Integer seriouslyOverdueWorkingDays,
                                    Map<String, Thresholds> lifecycles, Integer maxExtensionWorkingDays,
                                    Map<String, String> auditCaseTypes) {

    /** The two thresholds of one lifecycle; a missing one falls back to the default. */
    public record Thresholds(Integer dueSoonWorkingDays, Integer seriouslyOverdueWorkingDays) {
    }

    public SupervisionProperties {
        dueSoonWorkingDays = dueSoonWorkingDays == null ? 2 : dueSoonWorkingDays;
        seriouslyOverdueWorkingDays = seriouslyOverdueWorkingDays == null ? 5 : seriouslyOverdueWorkingDays;
        lifecycles = lifecycles == null ? Map.of() : Map.copyOf(lifecycles);
        auditCaseTypes = auditCaseTypes == null ? Map.of() : Map.copyOf(auditCaseTypes);
        // 延期申请: the most working days one extension may ask for
        maxExtensionWorkingDays = maxExtensionWorkingDays == null ? 60 : maxExtensionWorkingDays;
        if (maxExtensionWorkingDays < 1 || maxExtensionWorkingDays > 250) {
            throw new IllegalArgumentException("hmc.supervision.max-extension-working-days must be 1..250, was "
                    + maxExtensionWorkingDays);
        }
        check("hmc.supervision", dueSoonWorkingDays, seriouslyOverdueWorkingDays);
        lifecycles.forEach((name, t) -> check("hmc.supervision.lifecycles." + name, t.dueSoonWorkingDays(),
                t.seriouslyOverdueWorkingDays()));
    }

    private static void check(String where, Integer dueSoon, Integer serious) {
        if ((dueSoon != null && (dueSoon < 0 || dueSoon > 60)) || (serious != null && (serious < 1 || serious > 250))) {
            throw new IllegalArgumentException(where + ": due-soon-working-days must be 0..60 and "
                    + "seriously-overdue-working-days 1..250, were " + dueSoon + " and " + serious);
        }
    }

    int dueSoon(String lifecycle) {
        Thresholds t = lifecycles.get(lifecycle);
        return t == null || t.dueSoonWorkingDays() == null ? dueSoonWorkingDays : t.dueSoonWorkingDays();
    }

    int seriouslyOverdue(String lifecycle) {
        Thresholds t = lifecycles.get(lifecycle);
        return t == null || t.seriouslyOverdueWorkingDays() == null ? seriouslyOverdueWorkingDays
                : t.seriouslyOverdueWorkingDays();
    }

    /** The audit trail a lifecycle's case is kept under, if its business key is that trail's case id. */
    public java.util.Optional<String> auditCaseType(String lifecycle) {
        return java.util.Optional.ofNullable(auditCaseTypes.get(lifecycle));
    }
}
