package org.hmcflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 法定时限台账读数 — where a statutory period stands today: the rule in force, how many of its days are used and how
 * many remain, and, unless it is suspended right now, the day it ends. Computed by
 * {@link DeadlineService#statutoryClock(String, LocalDate, List)}; the suspensions are the caller's ledger.
 *
 * @param rule          the {@code config/sla.yaml} rule, e.g. {@code permit.decision.key}
 * @param limit         the rule's amount of days
 * @param unit          how its days are counted
 * @param startedOn     the day the period started from (itself never counted)
 * @param usedDays      days counted from {@code startedOn} up to and including today, suspended days left out
 * @param remainingDays {@code limit - usedDays}; below zero once the period is overrun
 * @param suspended     a suspension is open: the period does not run and has no end day until it is resumed
 * @param dueDay        the last day of the period (moved to a working day for calendar days, 民法典 Art 203);
 *                      {@code null} while suspended
 * @param due           {@code dueDay} at the due time; {@code null} while suspended
 * @param suspendedDays days the closed and open suspensions kept out of the count so far (in the rule's unit)
 */
public record StatutoryClock(String rule, int limit, DayUnit unit, LocalDate startedOn, int usedDays,
                             int remainingDays, boolean suspended, LocalDate dueDay, Instant due, int suspendedDays) {
}
