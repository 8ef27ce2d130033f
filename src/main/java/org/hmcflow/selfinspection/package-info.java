/**
 * 隐患自查 — an enterprise's periodic self-inspection of its environmental-risk hazards: 日常排查 (routine, at least
 * monthly) and 综合排查 (comprehensive, at least yearly), against the checklist in
 * {@code config/checklists/self-inspection.yaml}. Each item answered "non-compliant" becomes a hazard report
 * ({@link org.hmcflow.hazard.HazardService#report}) in the same transaction as the filing; a missing filing is
 * 逾期未自查 (overdue), listed for the bureau.
 *
 * <p>{@link org.hmcflow.selfinspection.SelfInspectionService} is the entry for other capabilities.
 */
package org.hmcflow.selfinspection;
