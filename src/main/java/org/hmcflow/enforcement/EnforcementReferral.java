package org.hmcflow.enforcement;

import org.hmcflow.inspection.ViolationKind;

/**
 * 移送执法 — the contract by which another lifecycle refers a violation to enforcement: a cleaner-production audit
 * not carried out, production not stopped under a relocation or closure plan, a plan measure not done. Call
 * {@link EnforcementService#refer(EnforcementReferral)} or publish this record as a Spring application event inside
 * your own transaction (a listener refers it synchronously, so the referral and your change commit together).
 *
 * <p>The case opens with the measure the decision table gives {@code violationKind} (for
 * {@link ViolationKind#CLEANER_PRODUCTION_AUDIT_NOT_DONE}: an order to correct under 清洁生产促进法 Art 39, never a
 * production measure), audited as {@code CASE_OPENED} with the source named. Referrals are idempotent per
 * {@code (sourceType, sourceReference)}: a repeated one opens no second case, is audited on the existing case as
 * {@code REFERRAL_REPEATED} and answers that case.
 *
 * @param sourceType      the referring lifecycle; any {@link CaseSource} but {@code REVIEWER}
 * @param sourceReference the referring case's own reference (its id or number), at most 100 characters
 * @param enterpriseId    the enterprise concerned
 * @param violationKind   what the enterprise failed to do
 * @param facts           the facts in words, as the bureau will read them (at most 2000 characters)
 * @param referredBy      user id of whoever referred it, or {@code system} for a timer
 */
public record EnforcementReferral(CaseSource sourceType, String sourceReference, Long enterpriseId,
                                  ViolationKind violationKind, String facts, String referredBy) {

    /**
     * What a referral did.
     *
     * @param caseId        the enforcement case (new or the one opened by the first referral)
     * @param caseReference its number, e.g. ZF-2026-0007
     * @param opened        true when this referral opened it, false for a repeat
     */
    public record Outcome(Long caseId, String caseReference, boolean opened) {
    }
}
