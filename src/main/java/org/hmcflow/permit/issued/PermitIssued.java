package org.hmcflow.permit.issued;

/**
 * Published inside the transaction that issues a permit (核发), so its execution reports are scheduled and its record
 * starts in the same transaction. The listeners run in the order of the constants below: the record and the execution
 * reports first, then the permit it replaces (a re-application's) ends, then its renewal watch starts, so the permit's
 * trail reads in the order things happened to it.
 */
public record PermitIssued(Long permitId) {

    /** The permit's record starts and its execution reports are scheduled. */
    public static final int RECORD_AND_REPORTS = 1;
    /** The permit a re-application replaces is cancelled. */
    public static final int REPLACED_PERMIT = 2;
    /** The new permit goes under renewal watch. */
    public static final int RENEWAL_WATCH = 3;
}
