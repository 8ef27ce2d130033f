package org.hmcflow.hazard;

/** The names the {@code hazard-lifecycle} process shares with the code: process key, element ids, variables. */
public final class HazardProcess {

    public static final String KEY = "hazard-lifecycle";
    public static final String CASE_TYPE = "HAZARD";

    // user tasks
    public static final String TASK_TRIAGE = "Task_TriageHazard";
    public static final String TASK_SUBMIT_PLAN = "Task_SubmitRectificationPlan";
    public static final String TASK_APPROVE_PLAN = "Task_ApproveRectificationPlan";
    public static final String TASK_RECTIFY = "Task_Rectify";
    public static final String TASK_EXPERT_OPINION = "Task_RecordExpertOpinion";
    public static final String TASK_VERIFY = "Task_VerifyRectification";
    public static final String TASK_LIFT_SUPERVISION = "Task_LiftSupervision";
    public static final String TASK_RECHECK = "Task_FollowUpRecheck";

    // other elements tests refer to
    public static final String END_DISMISSED = "EndEvent_ReportDismissed";
    public static final String END_CLOSED = "EndEvent_HazardClosed";
    public static final String TIMER_WAIT_FOR_RECHECK = "TimerEvent_WaitForRecheck";

    // variables set at start
    public static final String VAR_HAZARD_ID = "hazardId";
    public static final String VAR_REFERENCE = "hazardReference";
    public static final String VAR_TITLE = "hazardTitle";
    public static final String VAR_ENTERPRISE_ID = "enterpriseId";
    public static final String VAR_ENTERPRISE_GROUP = "enterpriseGroup";
    public static final String VAR_BUREAU_GROUP = "bureauGroup";
    public static final String VAR_SOURCE = "source";

    // variables set on the way
    public static final String VAR_GRADE = "grade";
    public static final String VAR_RESPONSIBLE_GROUP = "responsibleGroup";
    public static final String VAR_RECTIFICATION_DUE = "rectificationDue";
    public static final String VAR_ROUND = "roundNo";
    public static final String VAR_RECHECK_AT = "recheckAt";

    // form fields (task variables) read by the completion listener
    public static final String F_TRIAGE_DECISION = "triageDecision";
    public static final String F_RECTIFICATION_DAYS = "rectificationWorkingDays";
    public static final String F_TRIAGE_COMMENT = "triageComment";
    public static final String F_PLAN_TARGETS = "planTargets";
    public static final String F_PLAN_MEASURES = "planMeasures";
    public static final String F_PLAN_FUNDS = "planFunds";
    public static final String F_PLAN_RESPONSIBLE = "planResponsiblePerson";
    public static final String F_PLAN_INTERIM = "planInterimMeasures";
    public static final String F_PLAN_DECISION = "planDecision";
    public static final String F_REVIEW_COMMENT = "reviewComment";
    public static final String F_RECTIFICATION_SUMMARY = "rectificationSummary";
    /** The experts, rows of {@link #C_EXPERT_NAME} and {@link #C_EXPERT_ORGANISATION} (a form's dynamic list). */
    public static final String F_EXPERTS = "experts";
    public static final String C_EXPERT_NAME = "name";
    public static final String C_EXPERT_ORGANISATION = "organisation";
    public static final String F_EXPERT_OPINION = "expertOpinion";
    public static final String F_VERIFICATION_RESULT = "verificationResult";
    public static final String F_VERIFICATION_COMMENT = "verificationComment";
    public static final String F_NEXT_DAYS = "nextRectificationWorkingDays";
    public static final String F_SUPERVISION_DECISION = "supervisionDecision";
    public static final String F_SUPERVISION_COMMENT = "supervisionComment";
    public static final String F_RECHECK_RESULT = "recheckResult";
    public static final String F_RECHECK_COMMENT = "recheckComment";

    // SLA rules (config/sla.yaml)
    public static final String SLA_RECTIFY = "hazard.rectify";
    public static final String SLA_RECHECK = "hazard.recheck";

    /**
     * The decision and comment fields each step owns. They are cleared when the step starts again (next round,
     * returned plan), so a form never carries the last round's answer forward and a missing answer is named as
     * missing instead of silently reusing the old one. The plan's own fields stay, so a returned plan is edited,
     * not retyped.
     */
    public static final java.util.Map<String, java.util.List<String>> FIELDS_CLEARED_ON_START = java.util.Map.of(
            TASK_APPROVE_PLAN, java.util.List.of(F_PLAN_DECISION, F_REVIEW_COMMENT),
            TASK_RECTIFY, java.util.List.of(F_RECTIFICATION_SUMMARY),
            TASK_EXPERT_OPINION, java.util.List.of(F_EXPERT_OPINION),
            TASK_VERIFY, java.util.List.of(F_VERIFICATION_RESULT, F_VERIFICATION_COMMENT, F_NEXT_DAYS),
            TASK_LIFT_SUPERVISION, java.util.List.of(F_SUPERVISION_DECISION, F_SUPERVISION_COMMENT, F_NEXT_DAYS),
            TASK_RECHECK, java.util.List.of(F_RECHECK_RESULT, F_RECHECK_COMMENT, F_NEXT_DAYS));

    private HazardProcess() {
    }
}
