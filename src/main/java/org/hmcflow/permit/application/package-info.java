/**
 * 排污许可申领 — the permit application (排污许可管理条例, State Council Decree 736), the bottom of the permit packages
 * (see {@link org.hmcflow.permit}): it depends on no other of them.
 *
 * <p>The application is the process {@code processes/permit/permit-application.bpmn}: filing of the Art 7 contents,
 * acceptance (Art 9: one notice of everything missing, or deemed accepted on the day received), the admission check,
 * technical review, joint review by the participating departments, site inspection and the decision within the limit
 * of the category (Art 12). The joint review is the reusable multi-party review ({@code org.hmcflow.review}, process
 * {@code multi-party-review}) called with the review the technical review opened; this package depends on it, never
 * the other way round. Its last step, 核发, belongs to {@code org.hmcflow.permit.issued}.
 * {@link PermitApplicationService} is the entry for the web layer and other packages; {@link PermitApplicationWorkflow}
 * is what each step does; the statutory decision clock is a ledger of pauses ({@link ClockPause}) that the process's
 * decision timers follow. A re-application (重新申请, Art 15) is filed here too, naming the permit it replaces.
 *
 * <p>The admission check ({@code processes/permit/permit-admission.dmn}, Qingyuan plan 二(一)1 and 二(二)1) and the
 * management category ({@code processes/permit/permit-management-category.dmn}, 固定污染源排污许可分类管理名录（2019年版）)
 * are decision tables evaluated by the engine through {@code PermitAdmission}. The deadline rules are named in
 * {@link PermitRules} and {@link PermitApplicationProcess} and set in {@code config/sla.yaml}; the settings of every
 * permit package are {@link PermitProperties} ({@code hmc.permit}).
 *
 * <h2>Public types</h2>
 * What the packages above, this package's delegates, the engine and other capabilities use:
 * <ul>
 *   <li>{@link PermitApplicationService} — file, re-apply, read, act on an application (web layer, after-issue, the
 *       start form's listener).
 *   <li>{@link PermitApplicationWorkflow} — the steps, for the delegates (its {@code Variables} also for the execution
 *       report's review).
 *   <li>{@link PermitApplicationProcess} — process key, element ids, variable and form field names.
 *   <li>{@link PermitApplication}, {@link ApplicationContents} — the application and its contents, which a permit
 *       states.
 *   <li>{@link PermitApplicationRepository} — read by the packages above for the application a permit was issued on.
 *   <li>{@link IssuedPermits}, {@link BarredApplicants} — what the application asks of the packages above, which
 *       implement them.
 *   <li>{@link PermitApi} — the request and response records other permit controllers answer with, and the permit
 *       view the issued permit fills in.
 *   <li>{@link PermitProperties}, {@link PermitRules} — settings and deadline rule names of all the permit packages.
 *   <li>{@link ManagementCategory}, {@link ReportKind}, {@link PermitItem} — values of the permit that every package
 *       above uses (the category also inspection).
 *   <li>{@link ApplicationState}, {@link ProjectType}, {@link Verdict}, {@link DocumentKind}, {@link FacilityKind},
 *       {@link ClockPause}, {@link PauseReason}, {@link CorrectionNotice}, {@link CorrectionStage},
 *       {@link JointReview}, {@link JointOpinion} — the types in the public signatures of the application and its
 *       service.
 * </ul>
 */
package org.hmcflow.permit.application;
