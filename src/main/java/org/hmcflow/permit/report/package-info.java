/**
 * 执行报告 — the execution reports a permit requires (排污许可管理条例 Art 22): each report of the schedule gets its row and
 * its process ({@code processes/permit/permit-execution-report.bpmn}) when the permit is issued or renewed, opens after
 * its period, is filed by the holder and reviewed by the bureau, goes on the permit's record, and stops when the permit
 * ends before its period does. {@link ExecutionReportWorkflow} is what each step does.
 *
 * <p>Also the permits' JSON API ({@code /api/permits}): a permit is shown with its reports, so the controller sits
 * here, above the issued permit, and reads the permit through {@code PermitService}.
 *
 * <p>Depends on {@code org.hmcflow.permit.issued} and {@code org.hmcflow.permit.application}; hears
 * {@code PermitIssued}, {@code PermitRenewed} and {@code PermitEnded}. Nothing depends on this package.
 *
 * <h2>Public types</h2>
 * What this package's delegates use:
 * <ul>
 *   <li>{@link ExecutionReportWorkflow} — the steps.
 *   <li>{@link ExecutionReportProcess} — process key, element ids, variable and form field names.
 * </ul>
 */
package org.hmcflow.permit.report;
