package org.hmcflow.selfinspection;

import java.util.Set;

/**
 * One question of the self-inspection checklist (自查清单).
 *
 * @param code  stable identifier, kept by every filed inspection
 * @param kinds the checks that ask it
 * @param zh    the item in Chinese; the title of the hazard raised when it is answered "non-compliant"
 * @param en    the item in English
 * @param basis where the item comes from (may be null)
 */
public record ChecklistItem(String code, Set<SelfInspectionKind> kinds, String zh, String en, String basis) {

    public ChecklistItem {
        kinds = Set.copyOf(kinds);
    }

    public boolean appliesTo(SelfInspectionKind kind) {
        return kinds.contains(kind);
    }
}
