package org.hmcflow.permit;

/**
 * Published inside the transaction that issues a permit (核发), so its execution reports are scheduled and its record
 * starts in the same transaction.
 */
record PermitIssued(Long permitId) {
}
