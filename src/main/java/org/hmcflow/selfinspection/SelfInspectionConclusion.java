package org.hmcflow.selfinspection;

/**
 * 结论 — how one checklist item was answered: 符合, 不符合 (becomes a hazard report) or 不适用 (the item does not
 * concern this site, e.g. a tailings pond where there is none). The API's older shape says only {@code compliant}
 * true/false; not applicable counts as compliant there.
 */
public enum SelfInspectionConclusion {
    COMPLIANT,
    NON_COMPLIANT,
    NOT_APPLICABLE;

    boolean compliant() {
        return this != NON_COMPLIANT;
    }
}
