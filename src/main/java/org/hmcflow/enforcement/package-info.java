/**
 * 执法 — enforcement cases: an order to correct (责令改正), the production measures of 环境保护部令第30号 (限制生产 Art 5,
 * 停产整治 Art 6) proposed by the decision table {@code processes/enforcement/enforcement-measures.dmn} and decided with
 * the bureau head's approval, the enterprise's rectification plan made public, re-inspection with monitoring, and
 * the escalations of 环境保护法 Arts 59–60 (one extension, 按日连续处罚, closure proposed to the government), with a case
 * transfer to the police (案件移送) tracked until it is answered. A closed case leaves its violations on the
 * enterprise's credit record and, when the bureau decides it, on the public blacklist ({@code org.hmcflow.credit}).
 *
 * <p>Other lifecycles refer violations through {@link org.hmcflow.enforcement.EnforcementReferral} (a call to
 * {@link org.hmcflow.enforcement.EnforcementService#refer} or the record published as an event), one case per source.
 */
package org.hmcflow.enforcement;
