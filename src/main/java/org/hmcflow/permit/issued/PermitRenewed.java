package org.hmcflow.permit.issued;

import java.time.LocalDate;

/**
 * Published inside the transaction that approves a renewal (延续), after the permit's validity was extended: the
 * execution reports of the new validity period are scheduled and their processes started in the same transaction.
 *
 * @param oldValidUntil the last valid day before the renewal (reports of periods ended by then are the old period's)
 */
public record PermitRenewed(Long permitId, LocalDate oldValidUntil) {
}
