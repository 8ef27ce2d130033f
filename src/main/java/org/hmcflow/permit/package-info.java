/**
 * 排污许可 — pollutant-discharge permits (排污许可管理条例, State Council Decree 736). This first slice holds the rules
 * checked before the technical review of an application: the admission check ({@code processes/permit/permit-admission.dmn},
 * Qingyuan plan 二(一)1 and 二(二)1) and the management category
 * ({@code processes/permit/permit-management-category.dmn}, 固定污染源排污许可分类管理名录（2019年版）), both evaluated by the
 * engine through {@link org.hmcflow.shared.workflow.Workflow#evaluateDecision}.
 *
 * <p>{@link org.hmcflow.permit.PermitAdmission} is the entry for other capabilities; the deadline rules of the permit
 * lifecycle are named in {@link org.hmcflow.permit.PermitRules} and set in {@code config/sla.yaml}.
 */
package org.hmcflow.permit;
