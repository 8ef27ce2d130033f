/**
 * 许可证后续管理 — the permit after issue: its renewal watch (延续, {@code processes/permit/permit-renewal.bpmn}, started
 * when the permit is issued: reminders, renewal application and decision, or the lapse at expiry), changes of name,
 * address or legal representative (变更, {@code permit-change.bpmn}), and its ending (注销/撤销/吊销,
 * {@code permit-cancellation.bpmn}) with the three-year bar on applying again (Arts 40, 41). A permit issued on a
 * re-application ends the permit it replaces. {@link PermitLifecycleService} is the entry for the web layer and other
 * capabilities; {@link PermitLifecycleWorkflow} is what each step does. Settings: {@code hmc.permit.lifecycle}.
 *
 * <p>Depends on {@code org.hmcflow.permit.issued} and {@code org.hmcflow.permit.application}; hears
 * {@code PermitIssued}, publishes {@code PermitRenewed} and {@code PermitEnded}, and answers the application's
 * {@code BarredApplicants}. Nothing depends on this package.
 *
 * <h2>Public types</h2>
 * What this package's delegates and other capabilities use:
 * <ul>
 *   <li>{@link PermitLifecycleService} — renewal, change and cancellation steps, a permit's lifecycle, the bar.
 *   <li>{@link PermitLifecycleWorkflow} — the steps, for the delegates.
 *   <li>{@link PermitLifecycleProcess} — process keys, element ids, variable and form field names.
 *   <li>{@link PermitRenewal}, {@link PermitChange}, {@link PermitCancellation}, {@link PermitBar},
 *       {@link CancellationGround}, {@link CancellationKind} — the types in the service's public signatures.
 * </ul>
 */
package org.hmcflow.permit.afterissue;
