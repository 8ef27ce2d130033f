package org.hmcflow.permit.application;

import java.util.List;
import java.util.Map;

/**
 * The names the {@code permit-application} process (排污许可申领) shares with the code: process key, element ids,
 * variables, form fields and deadline rules.
 */
public final class PermitApplicationProcess {

    public static final String KEY = "permit-application";
    public static final String CASE_TYPE = "PERMIT_APPLICATION";

    // user tasks
    public static final String TASK_ACCEPT = "Task_AcceptApplication";
    public static final String TASK_SUBMIT_CORRECTIONS = "Task_SubmitCorrections";
    public static final String TASK_TECHNICAL_REVIEW = "Task_TechnicalReview";
    public static final String TASK_SUBMIT_REVIEW_CORRECTIONS = "Task_SubmitReviewCorrections";
    public static final String TASK_INSPECT_SITE = "Task_InspectSite";
    public static final String TASK_DECIDE = "Task_DecideApplication";
    /** The steps the enterprise does: resubmitting corrections, at acceptance or during review. */
    public static final List<String> CORRECTION_TASKS = List.of(TASK_SUBMIT_CORRECTIONS, TASK_SUBMIT_REVIEW_CORRECTIONS);

    // other elements code and tests refer to
    /** 部门会审 — calls {@code multi-party-review} with the review the technical review opened. */
    public static final String CALL_JOINT_REVIEW = "CallActivity_JointReview";
    public static final String TIMER_ACCEPTANCE_LAPSED = "BoundaryEvent_AcceptanceLapsed";
    public static final String SUBPROCESS_REVIEW = "SubProcess_StatutoryReview";
    /** The statutory decision timers on the review: they follow the clock ledger (moved, held while it is stopped). */
    public static final String TIMER_STATUTORY_REMINDER = "BoundaryEvent_StatutoryReminder";
    public static final String TIMER_STATUTORY_OVERDUE = "BoundaryEvent_StatutoryOverdue";
    public static final List<String> STATUTORY_TIMERS = List.of(TIMER_STATUTORY_REMINDER, TIMER_STATUTORY_OVERDUE);
    public static final String END_NOT_ACCEPTED = "EndEvent_NotAccepted";
    public static final String END_REFUSED_BY_ADMISSION = "EndEvent_RefusedByAdmission";
    public static final String END_REGISTRATION_ONLY = "EndEvent_RegistrationOnly";
    public static final String END_ISSUED = "EndEvent_PermitIssued";
    public static final String END_REFUSED = "EndEvent_ApplicationRefused";
    /** The case deadline the statutory timers notify about ({@code deadline} input of the escalation delegates). */
    public static final String DEADLINE_DECISION = "permit.decision";

    // variables set at start
    public static final String VAR_APPLICATION_ID = "applicationId";
    public static final String VAR_REFERENCE = "applicationReference";
    public static final String VAR_UNIT_NAME = "unitName";
    public static final String VAR_ENTERPRISE_ID = "enterpriseId";
    public static final String VAR_ENTERPRISE_GROUP = "enterpriseGroup";
    public static final String VAR_BUREAU_GROUP = "bureauGroup";
    public static final String VAR_RECEIVED_ON = "receivedOn";

    // variables set on the way
    public static final String VAR_ADMISSION_VERDICT = "admissionVerdict";
    public static final String VAR_ADMISSION_RULE_CODE = "admissionRuleCode";
    public static final String VAR_ADMISSION_GROUNDS = "admissionGrounds";
    public static final String VAR_PROPOSED_CATEGORY = "proposedCategory";
    public static final String VAR_CATEGORY_GROUNDS = "categoryGrounds";
    /** KEY, SIMPLIFIED, REGISTRATION, or "" when the category table has no row for the industry. */
    public static final String VAR_MANAGEMENT_CATEGORY = "managementCategory";
    public static final String VAR_SITE_INSPECTION = "siteInspectionRequired";
    public static final String VAR_JOINT_REVIEW_NEEDED = "jointReviewNeeded";
    public static final String VAR_DECISION_DUE = "decisionDue";
    public static final String VAR_DECISION_REMINDER = "decisionReminderAt";
    public static final String VAR_CORRECTION_ITEMS = "correctionItems";
    /** The files uploaded for the open correction notice, one per line (shown by the correction form). */
    public static final String VAR_CORRECTION_DOCUMENTS = "correctionDocuments";
    /** The multi-party review the technical review opened (in: {@code reviewId} of the called process). */
    public static final String VAR_JOINT_REVIEW_ID = "jointReviewId";
    /** The joint review's outcome (out: {@code reviewOutcome} of the called process). */
    public static final String VAR_JOINT_REVIEW_OUTCOME = "jointReviewOutcome";
    /** The departments the technical review may name for the joint review ({@code valuesKey}, task-local). */
    public static final String VAR_DEPARTMENT_OPTIONS = "departmentOptions";

    // form fields (task variables) read by the completion listener
    public static final String F_ACCEPTANCE_DECISION = "acceptanceDecision";
    /** What is missing, rows of one {@link #C_MISSING_ITEM} each (a form's dynamic list). */
    public static final String F_MISSING_ITEMS = "missingItems";
    public static final String C_MISSING_ITEM = "item";
    /** At most this many items in one correction notice. */
    public static final int MAX_MISSING_ITEMS = 50;
    public static final String F_NOT_ACCEPTED_REASON = "notAcceptedReason";
    public static final String F_ACCEPTANCE_COMMENT = "acceptanceComment";
    public static final String F_CORRECTION_STATEMENT = "correctionStatement";
    public static final String F_REVIEW_OUTCOME = "reviewOutcome";
    public static final String F_CATEGORY = VAR_MANAGEMENT_CATEGORY;
    public static final String F_SITE_INSPECTION = VAR_SITE_INSPECTION;
    /** Rows of {@link #C_DEPARTMENT}: the departments that review jointly. */
    public static final String F_JOINT_DEPARTMENTS = "jointDepartments";
    public static final String C_DEPARTMENT = "department";
    /** Rows of {@link #C_ITEM}: what the review asks to be corrected. */
    public static final String F_REVIEW_CORRECTION_ITEMS = "reviewCorrectionItems";
    public static final String C_ITEM = "item";
    public static final String F_REVIEW_COMMENT = "reviewComment";
    public static final String F_INSPECTION_DATE = "inspectionDate";
    public static final String F_INSPECTION_RESULT = "inspectionResult";
    public static final String F_INSPECTION_FINDINGS = "inspectionFindings";
    public static final String F_DECISION = "decision";
    public static final String F_DECISION_COMMENT = "decisionComment";

    // deadline rules of the steps (config/sla.yaml); the statutory ones are in PermitRules
    public static final String SLA_CORRECTION = "permit.correction";
    public static final String SLA_TECHNICAL_REVIEW = "permit.technical-review";
    public static final String SLA_JOINT_REVIEW = "permit.joint-review";
    public static final String SLA_SITE_INSPECTION = "permit.site-inspection";
    public static final List<String> SLA_STEP_RULES = List.of(SLA_CORRECTION, SLA_TECHNICAL_REVIEW, SLA_JOINT_REVIEW,
            SLA_SITE_INSPECTION);

    /**
     * The decision and comment fields each step owns, cleared when the step starts again (a second acceptance after
     * corrections, a second technical review), so an answer is never carried forward from the last round.
     */
    public static final Map<String, List<String>> FIELDS_CLEARED_ON_START = Map.of(
            TASK_ACCEPT, List.of(F_ACCEPTANCE_DECISION, F_MISSING_ITEMS, F_NOT_ACCEPTED_REASON, F_ACCEPTANCE_COMMENT),
            TASK_SUBMIT_CORRECTIONS, List.of(F_CORRECTION_STATEMENT, VAR_CORRECTION_DOCUMENTS),
            TASK_TECHNICAL_REVIEW, List.of(F_REVIEW_OUTCOME, F_JOINT_DEPARTMENTS, F_REVIEW_CORRECTION_ITEMS, F_REVIEW_COMMENT),
            TASK_SUBMIT_REVIEW_CORRECTIONS, List.of(F_CORRECTION_STATEMENT, VAR_CORRECTION_DOCUMENTS));

    private PermitApplicationProcess() {
    }
}
