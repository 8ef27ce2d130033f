/**
 * 排污许可证 — the issued permit: 核发, the last step of {@code permit-application} ({@link PermitIssuance}, service task
 * {@code ${issuePermit}}), the permit with its number (USCC + site number + {@code P}), five years' validity (Art 14),
 * status and holder, the execution-report schedule written on it at issue ({@link ExecutionReportSchedule}, Art 22),
 * the printable certificate ({@code templates/permit/certificate.html}) and the permit's record (许可证记录, with the
 * inspection findings against it). {@link PermitService} is the entry for the web layer and other capabilities.
 *
 * <p>Depends on {@code org.hmcflow.permit.application} only: a permit is made from an application and states its
 * contents. It answers the application's questions about permits ({@code IssuedPermits}). The events the packages above
 * exchange live here, below everyone who publishes or hears them (see {@link org.hmcflow.permit}).
 *
 * <h2>Public types</h2>
 * What the packages above, this package's delegate and other capabilities use:
 * <ul>
 *   <li>{@link PermitService} — read a permit, its record and trail, the limits in force (inspection).
 *   <li>{@link PermitIssuance} — the issue step, for its delegate.
 *   <li>{@link Permit}, {@link PermitStatus}, {@link PermitHolder} — the permit as after-issue changes it and the
 *       reports read it.
 *   <li>{@link PermitRepository} — read by the packages above.
 *   <li>{@link PermitRecords}, {@link PermitRecordEntry} — the reports write their filings onto the permit's record.
 *   <li>{@link ExecutionReportSchedule} — a renewal extends the schedule (reports).
 *   <li>{@link PermitIssued}, {@link PermitRenewed}, {@link PermitEnded} — the events.
 * </ul>
 */
package org.hmcflow.permit.issued;
