package org.hmcflow.selfinspection;

import java.time.LocalDate;

/**
 * 逾期未自查 — an enterprise that has not filed the self-inspection of a period that is due.
 *
 * @param period      {@code YYYY-MM} (routine) or {@code YYYY} (comprehensive)
 * @param dueBy       the last day on which filing was on time: the period's end plus the grace days
 * @param daysOverdue calendar days since {@code dueBy}
 */
public record OverdueSelfInspection(Long enterpriseId, String enterpriseName, String county, SelfInspectionKind kind,
                                    String period, LocalDate dueBy, long daysOverdue) {
}
