/**
 * 多方审查 — a review by several parties, once: departments (their users give the opinion) and experts from the
 * register (专家库; experts do not log in, the bureau records each expert's signed opinion with its scan). Each party
 * has its own due date from an SLA rule the caller names, reminders and escalation through the shared deadline
 * delegates, and an opinion: 同意 agree, 有条件同意 agree with conditions, 不同意 disagree. The review closes with
 * one outcome once every party has answered.
 *
 * <p>A lifecycle opens a review of its case with {@link ReviewService#open} and calls the process
 * {@code processes/review/multi-party-review.bpmn} (key {@code multi-party-review}) with a call activity: in
 * {@code reviewId} (also the business key), out {@code reviewOutcome}. What happens to a party is told to the case's
 * owner as a {@link ReviewChanged} event, so the review depends on no lifecycle; lifecycles (permit, cleaner
 * production, relocation, plans) depend on it. Depends on: audit, calendar, department, enterprise, escalation,
 * user, shared.
 *
 * <h2>Public types</h2>
 * <ul>
 *   <li>{@link ReviewService} — open, read, give an opinion through the API, opinion documents (callers, web layer).
 *   <li>{@link ExpertRegisterService} — the expert register and declared conflicts.
 *   <li>{@link ReviewWorkflow} — the steps, for this package's delegates.
 *   <li>{@link MultiPartyReviewProcess} — process key, element ids, variable and form field names.
 *   <li>{@link MultiPartyReviewBeans} — {@code ${multiPartyReview...}} in the process.
 *   <li>{@link ReviewChanged} — the event a reviewed case's owner listens to.
 *   <li>{@link Review}, {@link ReviewParty}, {@link OpinionDocument}, {@link Expert}, {@link ExpertConflict},
 *       {@link ReviewOutcome}, {@link Opinion}, {@link PartyKind} — the types in the public signatures.
 * </ul>
 */
package org.hmcflow.review;
