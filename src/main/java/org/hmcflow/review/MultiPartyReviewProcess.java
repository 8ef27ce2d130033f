package org.hmcflow.review;

/**
 * The names the {@code multi-party-review} process (多方审查) shares with the code and its callers: process key,
 * element ids, the input and output variables of the call activity, and the form fields of a party's opinion.
 */
public final class MultiPartyReviewProcess {

    public static final String KEY = "multi-party-review";
    public static final String CASE_TYPE = "MULTI_PARTY_REVIEW";

    public static final String SUBPROCESS_PARTY = "SubProcess_Party";
    public static final String TASK_GIVE_OPINION = "Task_GiveOpinion";
    public static final String SERVICE_TASK_REMIND = "ServiceTask_RemindParty";
    public static final String SERVICE_TASK_ESCALATE = "ServiceTask_EscalateParty";
    public static final String SERVICE_TASK_CLOSE = "ServiceTask_CloseReview";
    public static final String END_CLOSED = "EndEvent_ReviewClosed";

    /** In: the review the caller opened (a plain Long); it is the instance's business key too. */
    public static final String VAR_REVIEW_ID = "reviewId";
    /** The element variable: one party id per instance of the party sub-process. */
    public static final String VAR_PARTY_ID = "partyId";
    /** Out: the {@link ReviewOutcome} name. */
    public static final String VAR_OUTCOME = "reviewOutcome";

    // shown on the opinion form, set task-local by the create listener
    public static final String VAR_PARTY_NAME = "partyName";
    public static final String VAR_PARTY_KIND = "partyKind";
    public static final String VAR_SUBJECT = "reviewSubject";

    // form fields
    public static final String F_OPINION = "opinion";
    public static final String F_OPINION_TEXT = "opinionText";
    public static final String F_SIGNED_BY = "signedBy";
    public static final String F_SIGNED_ON = "signedOn";
    /** The problem named when an expert's signed opinion has no document uploaded beside the form. */
    public static final String F_DOCUMENTS = "documents";

    private MultiPartyReviewProcess() {
    }
}
