/**
 * 监督检查 — inspections of supervised enterprises, first slice: 双随机、一公开 (random selection of the inspected
 * enterprises and of the inspectors, results made public; 国办发〔2015〕58号).
 *
 * <ul>
 *   <li>Registers: the 监管名录 (supervision register: permit category, 重点监控企业 key-monitored flag, 重金属重点环境风险源
 *       key risk source flag, 环境信用 credit colour; identity and county come from the enterprise register), the
 *       执法人员名录 (inspector register) and declared conflicts of interest (利害关系).</li>
 *   <li>Plans: a periodic plan per year and county (Qingyuan plan 二(四)1: key risk sources checked regularly;
 *       二(五)2: at least one full-indicator 监督性监测 a year for every key-monitored enterprise from 2018) or a special
 *       campaign (专项执法检查, Zhuzhou plan 五(五)) with its scope and period.</li>
 *   <li>The draw ({@link org.hmcflow.inspection.RandomDraw}): deterministic from a stored seed and a stored snapshot
 *       of the registers, so anyone can run it again; stratified rates are settings ({@code hmc.inspection.draw}).</li>
 *   <li>Publication: the drawn list is public ({@code /api/public/inspections}) once the plan's publish-after date
 *       has passed.</li>
 * </ul>
 *
 * <p>{@link org.hmcflow.inspection.InspectionService} and {@link org.hmcflow.inspection.InspectionRegisterService}
 * are the entries for other capabilities.
 */
package org.hmcflow.inspection;
