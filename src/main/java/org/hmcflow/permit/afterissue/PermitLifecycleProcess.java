package org.hmcflow.permit.afterissue;

import java.util.List;
import org.hmcflow.permit.application.PermitRules;
import org.hmcflow.permit.issued.PermitService;

/**
 * The names the after-issue processes share with the code: {@code permit-renewal} (延续, business key = permit id),
 * {@code permit-change} (变更, business key = change id) and {@code permit-cancellation} (注销/撤销/吊销, business key =
 * cancellation id).
 */
public final class PermitLifecycleProcess {

    /** Audit case type of everything that happens to an issued permit; the case id is the permit id. */
    public static final String CASE_TYPE = PermitService.CASE_TYPE;

    // --- permit-renewal --------------------------------------------------------------------------------------------
    public static final String RENEWAL_KEY = "permit-renewal";
    public static final String TASK_FILE_RENEWAL = "Task_FileRenewal";
    public static final String TASK_ACCEPT_RENEWAL = "Task_AcceptRenewal";
    public static final String TASK_DECIDE_RENEWAL = "Task_DecideRenewal";
    public static final String TIMER_NEXT_REMINDER = "Timer_NextRenewalReminder";
    public static final String TIMER_PERMIT_EXPIRED = "BoundaryEvent_PermitExpired";
    public static final String TIMER_AWAIT_EXPIRY = "Timer_AwaitExpiry";
    public static final String TIMER_RENEWAL_ACCEPTANCE_LAPSED = "BoundaryEvent_RenewalAcceptanceLapsed";
    public static final String END_LAPSED = "EndEvent_PermitLapsed";
    public static final String END_WATCH_ENDED = "EndEvent_WatchEnded";
    /** Ends a permit's running renewal watch when the permit is cancelled, revoked or withdrawn. */
    public static final String MESSAGE_PERMIT_ENDED = "permit-ended";
    /**
     * The case deadline the renewal reminders are about; each reminder's {@code deadline} input is this name with the
     * period and the lead, e.g. {@code permit.renewal.filing.2026-12-31.30d}, so each is its own notification.
     */
    public static final String DEADLINE_RENEWAL_FILING = "permit.renewal.filing";

    public static final String VAR_PERMIT_ID = "permitId";
    public static final String VAR_PERMIT_NUMBER = "permitNumber";
    public static final String VAR_ENTERPRISE_GROUP = "enterpriseGroup";
    public static final String VAR_BUREAU_GROUP = "bureauGroup";
    public static final String VAR_VALID_UNTIL = "validUntil";
    /** The end of the last valid day: the permit lapses then. */
    public static final String VAR_EXPIRES_AT = "expiresAt";
    /** The end of the last day to file in time (Art 14: 60 days before expiry). */
    public static final String VAR_FILING_DUE = "filingDue";
    public static final String VAR_REMINDERS_LEFT = "remindersLeft";
    public static final String VAR_NEXT_REMINDER_AT = "nextReminderAt";
    public static final String VAR_REMINDER_INDEX = "reminderIndex";
    public static final String VAR_REMINDER_LEAD_DAYS = "reminderLeadDays";
    public static final String VAR_REMINDER_RECIPIENTS = "reminderRecipients";
    public static final String VAR_REMINDER_ESCALATES = "reminderEscalates";
    public static final String VAR_RENEWAL_ID = "renewalId";
    public static final String VAR_RENEWAL_LATE = "renewalLate";
    public static final String VAR_RENEWAL_DECISION_DUE = "renewalDecisionDue";
    public static final String VAR_RENEWAL_DECISION_REMINDER = "renewalDecisionReminderAt";
    public static final String VAR_RENEWED = "renewed";

    public static final String F_CONTENTS_UNCHANGED = "contentsUnchanged";
    /** The changed items, rows of one {@link #C_CHANGED_ITEM} each (a form's dynamic list). */
    public static final String F_CHANGED_ITEMS = "changedItems";
    /** A changed item's code, a {@link org.hmcflow.permit.application.PermitItem}. */
    public static final String C_CHANGED_ITEM = "item";
    public static final String F_RENEWAL_STATEMENT = "renewalStatement";
    public static final String F_RENEWAL_ACCEPTANCE = "renewalAcceptance";
    public static final String F_RENEWAL_ACCEPTANCE_COMMENT = "renewalAcceptanceComment";
    public static final String F_RENEWAL_DECISION = "renewalDecision";
    public static final String F_RENEWAL_DECISION_COMMENT = "renewalDecisionComment";

    // --- permit-change ---------------------------------------------------------------------------------------------
    public static final String CHANGE_KEY = "permit-change";
    public static final String TASK_REVIEW_CHANGE = "Task_ReviewChange";
    public static final String VAR_CHANGE_ID = "changeId";
    public static final String VAR_CHANGE_LATE = "changeLate";
    public static final String VAR_CHANGE_SUMMARY = "changeSummary";
    public static final String F_CHANGE_DECISION = "changeDecision";
    public static final String F_CHANGE_DECISION_COMMENT = "changeDecisionComment";

    // --- permit-cancellation ---------------------------------------------------------------------------------------
    public static final String CANCELLATION_KEY = "permit-cancellation";
    public static final String TASK_APPROVE_CANCELLATION = "Task_ApproveCancellation";
    public static final String VAR_CANCELLATION_ID = "cancellationId";
    public static final String VAR_APPROVER_GROUP = "approverGroup";
    public static final String VAR_CANCELLATION_KIND = "cancellationKind";
    public static final String VAR_CANCELLATION_GROUND = "cancellationGround";
    public static final String VAR_LEGAL_BASIS = "legalBasis";
    public static final String VAR_PENALTY_YUAN = "penaltyYuan";
    public static final String F_CANCELLATION_DECISION = "cancellationDecision";
    public static final String F_CANCELLATION_COMMENT = "cancellationComment";

    // --- deadline rules (config/sla.yaml) --------------------------------------------------------------------------
    public static final String SLA_RENEWAL_LEAD = PermitRules.SLA_RENEWAL_LEAD;
    public static final String SLA_RENEWAL_ACCEPTANCE = PermitRules.SLA_ACCEPTANCE;
    public static final String SLA_RENEWAL_DECISION = PermitRules.SLA_RENEWAL_DECISION;
    public static final String SLA_CHANGE_FILING = PermitRules.SLA_CHANGE_FILING;
    public static final String SLA_CHANGE_REVIEW = "permit.change.review";
    public static final String SLA_CANCELLATION_APPROVAL = "permit.cancellation.approval";
    public static final List<String> SLA_RULES = List.of(SLA_RENEWAL_LEAD, SLA_RENEWAL_ACCEPTANCE, SLA_RENEWAL_DECISION,
            SLA_CHANGE_FILING, SLA_CHANGE_REVIEW, SLA_CANCELLATION_APPROVAL);

    private PermitLifecycleProcess() {
    }
}
