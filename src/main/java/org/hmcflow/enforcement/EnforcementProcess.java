package org.hmcflow.enforcement;

import java.util.List;
import java.util.Map;

/** The names the {@code enforcement} process shares with the code: process key, element ids, variables, fields. */
public final class EnforcementProcess {

    public static final String KEY = "enforcement";
    public static final String CASE_TYPE = "ENFORCEMENT";
    public static final String DECISION_MEASURES = "enforcement-measures";
    public static final String MESSAGE_POLICE_TRANSFER = "EnforcementPoliceTransferSent";

    // user tasks
    public static final String TASK_DECIDE_MEASURE = "Task_DecideMeasure";
    public static final String TASK_APPROVE_MEASURE = "Task_ApproveMeasure";
    public static final String TASK_SUBMIT_PLAN = "Task_SubmitRectificationPlan";
    public static final String TASK_RECTIFY = "Task_Rectify";
    public static final String TASK_REINSPECT = "Task_Reinspect";
    public static final String TASK_CHOOSE_ESCALATION = "Task_ChooseEscalation";
    public static final String TASK_APPROVE_EXTENSION = "Task_ApproveExtension";
    public static final String TASK_APPROVE_CLOSURE = "Task_ApproveClosure";
    public static final String TASK_CLOSE_CASE = "Task_CloseCase";
    public static final String TASK_RECORD_POLICE_ANSWER = "Task_RecordPoliceAnswer";

    // other elements tests refer to
    public static final String TIMER_RECTIFICATION_PERIOD_ENDS = "BoundaryEvent_RectificationPeriodEnds";
    public static final String END_CASE_CLOSED = "EndEvent_CaseClosed";

    // DMN inputs and outputs
    public static final String IN_KIND = "violationKind";
    public static final String IN_HEAVY_METAL = "heavyMetal";
    public static final String IN_RATIO = "ratioToLimit";
    public static final String IN_LIMITED_STILL_EXCEEDS = "limitedStillExceeds";
    public static final String OUT_MEASURE = "measure";
    public static final String OUT_RULE_CODE = "ruleCode";
    public static final String OUT_GROUNDS = "grounds";

    // variables set at start and on the way
    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_REFERENCE = "caseReference";
    public static final String VAR_ENTERPRISE_ID = "enterpriseId";
    public static final String VAR_ENTERPRISE_NAME = "enterpriseName";
    public static final String VAR_ENTERPRISE_GROUP = "enterpriseGroup";
    public static final String VAR_BUREAU_GROUP = "bureauGroup";
    public static final String VAR_GOVERNMENT_GROUP = "governmentGroup";
    public static final String VAR_PROPOSED_MEASURE = "proposedMeasure";
    public static final String VAR_PROPOSED_GROUNDS = "proposedGrounds";
    public static final String VAR_RECTIFICATION_DUE = "rectificationDue";
    public static final String VAR_MEASURE_APPROVED = "measureApproved";
    public static final String VAR_REINSPECTION_PASSED = "reinspectionPassed";
    public static final String VAR_EXTENSION_APPROVED = "extensionApproved";
    public static final String VAR_CLOSURE_APPROVED = "closureApproved";
    public static final String VAR_POLICE_TRANSFER_ID = "policeTransferId";
    public static final String VAR_TRANSFER_ID = "transferId";

    // form fields
    public static final String F_MEASURE = "measure";
    public static final String F_MEASURE_REASON = "measureReason";
    public static final String F_ORDER_TEXT = "orderText";
    public static final String F_RECTIFICATION_MONTHS = "rectificationMonths";
    public static final String F_APPROVAL = "approval";
    public static final String F_APPROVAL_COMMENT = "approvalComment";
    public static final String F_PLAN_TEXT = "planText";
    public static final String F_COMPLETION_REPORT = "completionReport";
    public static final String F_RESULTS_JSON = "resultsJson";
    public static final String F_POLLUTANT = "pollutant";
    public static final String F_POINT = "point";
    public static final String F_MEASURED_VALUE = "measuredValue";
    public static final String F_UNIT = "unit";
    public static final String F_LIMIT_VALUE = "limitValue";
    public static final String F_LIMIT_UNIT = "limitUnit";
    public static final String F_REINSPECTION_COMMENT = "reinspectionComment";
    public static final String F_ESCALATION = "escalation";
    public static final String F_ESCALATION_REASON = "escalationReason";
    public static final String F_EXTENSION_MONTHS = "extensionMonths";
    public static final String F_DAILY_FINE_BASE_AMOUNT = "dailyFineBaseAmount";
    public static final String F_DAILY_FINE_BASE_ARTICLE = "dailyFineBaseArticle";
    public static final String F_BLACKLIST = "blacklist";
    public static final String F_BLACKLIST_GROUNDS = "blacklistGrounds";
    public static final String F_CLOSING_COMMENT = "closingComment";
    public static final String F_POLICE_ANSWER = "policeAnswer";
    public static final String F_POLICE_ANSWER_NOTE = "policeAnswerNote";

    // SLA rules (config/sla.yaml)
    public static final String SLA_CORRECTION = "enforcement.correction";
    public static final String SLA_PLAN = "enforcement.plan";
    public static final String SLA_DAILY_FINE_RECHECK = "enforcement.daily-fine-recheck";

    /** 按日连续处罚 — its article code on the penalty entries (环境保护法 Art 59). */
    public static final String ARTICLE_DAILY_FINE = "EPL-59";

    /** The answers each step owns, cleared when it starts again, so a stale answer is never reused. */
    public static final Map<String, List<String>> FIELDS_CLEARED_ON_START = Map.of(
            TASK_DECIDE_MEASURE, List.of(F_MEASURE_REASON),
            TASK_APPROVE_MEASURE, List.of(F_APPROVAL, F_APPROVAL_COMMENT),
            TASK_RECTIFY, List.of(F_COMPLETION_REPORT),
            TASK_REINSPECT, List.of(F_RESULTS_JSON, F_POLLUTANT, F_POINT, F_MEASURED_VALUE, F_UNIT, F_LIMIT_VALUE,
                    F_LIMIT_UNIT, F_REINSPECTION_COMMENT),
            TASK_CHOOSE_ESCALATION, List.of(F_ESCALATION, F_ESCALATION_REASON, F_EXTENSION_MONTHS,
                    F_DAILY_FINE_BASE_AMOUNT, F_DAILY_FINE_BASE_ARTICLE),
            TASK_APPROVE_EXTENSION, List.of(F_APPROVAL, F_APPROVAL_COMMENT),
            TASK_APPROVE_CLOSURE, List.of(F_APPROVAL, F_APPROVAL_COMMENT),
            TASK_RECORD_POLICE_ANSWER, List.of(F_POLICE_ANSWER, F_POLICE_ANSWER_NOTE));

    private EnforcementProcess() {
    }
}
