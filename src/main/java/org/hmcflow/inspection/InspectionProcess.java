package org.hmcflow.inspection;

import java.util.List;
import java.util.Map;

/** The names the {@code inspection} process shares with the code: process key, element ids, variables, rules. */
public final class InspectionProcess {

    public static final String KEY = "inspection";
    public static final String CASE_TYPE = "INSPECTION";

    // user tasks
    public static final String TASK_PREPARE = "Task_PrepareInspection";
    public static final String TASK_RECORD_ON_SITE = "Task_RecordOnSiteInspection";
    public static final String TASK_CONFIRM_RECORD = "Task_ConfirmRecord";
    public static final String TASK_ANSWER_DISPUTE = "Task_AnswerDispute";
    public static final String TASK_ENTER_MONITORING = "Task_EnterMonitoringResults";
    public static final String TASK_DECIDE_FINDINGS = "Task_DecideFindings";

    // other elements tests refer to
    public static final String TIMER_REFUSED_TO_SIGN = "BoundaryEvent_ConfirmationDue";
    public static final String SERVICE_REFUSED_TO_SIGN = "ServiceTask_RecordRefusedToSign";
    public static final String END_CLOSED = "EndEvent_InspectionClosed";
    public static final String END_REFERRED = "EndEvent_InspectionReferred";

    // variables set at start
    public static final String VAR_INSPECTION_ID = "inspectionId";
    public static final String VAR_ENTERPRISE_ID = "enterpriseId";
    public static final String VAR_ENTERPRISE_NAME = "enterpriseName";
    public static final String VAR_ENTERPRISE_GROUP = "enterpriseGroup";
    public static final String VAR_INSPECTORS_GROUP = "inspectorsGroup";
    public static final String VAR_MONITORING_GROUP = "monitoringGroup";
    public static final String VAR_CHECKLIST = "checklistCode";

    // variables set on the way
    public static final String VAR_SAMPLING_REQUIRED = "samplingRequired";
    public static final String VAR_DISPUTED = "recordDisputed";
    public static final String VAR_REFERRED = "referred";

    // rows a step offers its form (task-local Json, see FormLists): shown, never typed
    /** The answers recorded on site, shown on the confirmation and findings forms. */
    public static final String VAR_RECORDED_ANSWERS = "recordedAnswers";
    /** The monitoring results, shown on the findings form. */
    public static final String VAR_RECORDED_RESULTS = "recordedResults";
    /** The non-compliant items a violation is chosen from (the findings form's select options). */
    public static final String VAR_NON_COMPLIANT_ITEMS = "nonCompliantItems";

    // form fields
    public static final String F_PREPARATION_NOTE = "preparationNote";
    public static final String F_INSPECTED_ON = "inspectedOn";
    /** Rows: the inspectors sent ({@code inspectorId}, shown name and certificate), each ticked {@code present}. */
    public static final String F_PRESENT_INSPECTORS = "presentInspectorIds";
    /** Rows: every checklist item offered ({@code itemCode}, shown item and basis) with its {@code answer} and {@code note}. */
    public static final String F_CHECKLIST_ANSWERS = "answers";
    public static final String F_RECORD_SUMMARY = "recordSummary";
    public static final String F_WITNESS = "witness";
    public static final String F_CONFIRMATION = "recordConfirmation";
    public static final String F_REPRESENTATIVE = "representative";
    public static final String F_DISPUTE_REASON = "disputeReason";
    public static final String F_DISPUTE_OUTCOME = "disputeOutcome";
    public static final String F_DISPUTE_RESPONSE = "disputeResponse";
    public static final String F_AMENDED_SUMMARY = "amendedSummary";
    public static final String F_REPORT_NO = "monitoringReportNo";
    public static final String F_SAMPLED_ON = "sampledOn";
    /** Rows: {@code pollutant, point, value, unit, limit, limitUnit}. */
    public static final String F_RESULTS = "results";
    public static final String F_HAZARD_FOUND = "hazardFound";
    public static final String F_VIOLATION_FOUND = "violationFound";
    public static final String F_FINDINGS_COMMENT = "findingsComment";
    public static final String F_HAZARD_TITLE = "hazardTitle";
    public static final String F_HAZARD_LOCATION = "hazardLocation";
    /** Rows: {@code itemCode} (a non-compliant item), {@code kind}, {@code description}. */
    public static final String F_VIOLATIONS = "violations";

    // SLA rules (config/sla.yaml)
    public static final String SLA_PREPARE = "inspection.prepare";
    public static final String SLA_ON_SITE = "inspection.on-site";
    public static final String SLA_CONFIRM = "inspection.confirm";
    public static final String SLA_DISPUTE = "inspection.dispute-answer";
    public static final String SLA_MONITORING = "inspection.monitoring";
    public static final String SLA_FINDINGS = "inspection.findings";

    /**
     * Each step's own answers, cleared when the step is created so a form never shows a stale answer. List fields are
     * not among them: they never stay on the instance (see FormLists).
     */
    static final Map<String, List<String>> FIELDS_CLEARED_ON_START = Map.of(
            TASK_CONFIRM_RECORD, List.of(F_CONFIRMATION, F_REPRESENTATIVE, F_DISPUTE_REASON),
            TASK_ANSWER_DISPUTE, List.of(F_DISPUTE_OUTCOME, F_DISPUTE_RESPONSE, F_AMENDED_SUMMARY),
            TASK_DECIDE_FINDINGS, List.of(F_HAZARD_FOUND, F_VIOLATION_FOUND, F_FINDINGS_COMMENT, F_HAZARD_TITLE,
                    F_HAZARD_LOCATION));

    /** The fields a step clears when it is created. */
    public static List<String> fieldsClearedOnStart(String taskKey) {
        return FIELDS_CLEARED_ON_START.getOrDefault(taskKey, List.of());
    }

    private InspectionProcess() {
    }
}
