package org.hmcflow.shared.importing;

import java.util.Locale;
import java.util.Optional;

/**
 * What a data file says of an item whose deadline lay before the import's "as of" date: done, not done, or not known
 * (the plans' tables say nothing of it; a later assessment may). Recorded as written; never reminded or escalated.
 */
public enum HistoricalStatus {
    /** 已完成 */
    DONE,
    /** 未完成 */
    NOT_DONE,
    /** 不详 — the file does not say */
    UNKNOWN;

    /**
     * Reads a status cell: the constant's name in any case, or 已完成 / 未完成 / 不详; an empty cell is {@link #UNKNOWN}.
     * Anything else is empty (the import names the cell).
     */
    public static Optional<HistoricalStatus> parse(String cell) {
        String s = cell == null ? "" : cell.strip();
        return switch (s.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')) {
            case "", "UNKNOWN", "不详" -> Optional.of(UNKNOWN);
            case "DONE", "已完成" -> Optional.of(DONE);
            case "NOT_DONE", "未完成" -> Optional.of(NOT_DONE);
            default -> Optional.empty();
        };
    }
}
