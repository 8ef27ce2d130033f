/**
 * 排污许可 — pollutant-discharge permits (排污许可管理条例, State Council Decree 736).
 *
 * <p>The application (申领) is the process {@code processes/permit/permit-application.bpmn}: filing of the Art 7
 * contents, acceptance (Art 9: one notice of everything missing, or deemed accepted on the day received), the admission
 * check, technical review, joint review by the participating departments, site inspection and the decision within the
 * limit of the category (Art 12), and the permit with its number, validity (Art 14) and execution-report schedule
 * (Art 22). {@link org.hmcflow.permit.PermitApplicationService} is the entry for the web layer and other capabilities;
 * {@link org.hmcflow.permit.PermitApplicationWorkflow} is what each step does; the statutory decision clock is a ledger
 * of pauses ({@link org.hmcflow.permit.ClockPause}) that the process's decision timers follow.
 *
 * <p>The admission check ({@code processes/permit/permit-admission.dmn}, Qingyuan plan 二(一)1 and 二(二)1) and the
 * management category ({@code processes/permit/permit-management-category.dmn}, 固定污染源排污许可分类管理名录（2019年版）)
 * are decision tables evaluated by the engine through {@link org.hmcflow.permit.PermitAdmission}. The deadline rules are
 * named in {@link org.hmcflow.permit.PermitRules} and {@link org.hmcflow.permit.PermitApplicationProcess} and set in
 * {@code config/sla.yaml}.
 */
package org.hmcflow.permit;
