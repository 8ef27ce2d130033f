package org.hmcflow.permit.report;

import java.util.List;
import java.util.Map;

/**
 * The names the {@code permit-execution-report} process (执行报告, 排污许可管理条例 Art 22) shares with the code: one
 * instance per report of a permit's schedule, started when the permit is issued.
 */
public final class ExecutionReportProcess {

    public static final String KEY = "permit-execution-report";
    public static final String CASE_TYPE = "PERMIT_EXECUTION_REPORT";

    public static final String TIMER_PERIOD_ENDS = "TimerEvent_PeriodEnds";
    public static final String TASK_FILE = "Task_FileExecutionReport";
    public static final String TASK_REVIEW = "Task_ReviewExecutionReport";
    public static final String TIMER_FILE_REMINDER = "BoundaryEvent_FileReportReminder";
    public static final String TIMER_FILE_LATE = "BoundaryEvent_FileReportLate";
    public static final String END_ACCEPTED = "EndEvent_ReportAccepted";
    /** The permit ended before the report's period ended: the instance stops (an event sub-process). */
    public static final String MESSAGE_PERMIT_ENDED = "permit-ended";
    public static final String END_STOPPED = "EndEvent_ReportStopped";

    // variables set at start
    public static final String VAR_REPORT_ID = "reportId";
    public static final String VAR_PERMIT_ID = "permitId";
    public static final String VAR_PERMIT_NUMBER = "permitNumber";
    public static final String VAR_PERIOD = "reportPeriod";
    public static final String VAR_ENTERPRISE_GROUP = "enterpriseGroup";
    public static final String VAR_BUREAU_GROUP = "bureauGroup";
    /** When the period has ended and the report may be filed (start of the day after the period). */
    public static final String VAR_OPENS_AT = "reportOpensAt";
    /** The due day of the report (or of its correction after a return), end of day. */
    public static final String VAR_DUE = "reportDue";
    public static final String VAR_REMINDER_AT = "reportReminderAt";
    /** Due day plus the grace: not filed by then, the report is late and escalated. */
    public static final String VAR_LATE_AT = "reportLateAt";

    // form fields
    /** Rows of {@link #C_POLLUTANT} and {@link #C_ACTUAL_KG} (a form's dynamic list, offered one per permitted pollutant). */
    public static final String F_ACTUAL_EMISSIONS = "actualEmissions";
    public static final String C_POLLUTANT = "pollutant";
    public static final String C_ACTUAL_KG = "actualKg";
    /** Shown to the review (task-local, plain text): the filed emissions. */
    public static final String VAR_REPORTED_EMISSIONS = "reportedEmissions";
    public static final String F_EXCEEDANCES = "exceedances";
    public static final String F_ABNORMAL_OPERATION = "abnormalOperation";
    public static final String F_MONITORING_COMPLETENESS = "monitoringCompleteness";
    public static final String F_REPORT_REVIEW = "reportReview";
    public static final String F_REPORT_REVIEW_COMMENT = "reportReviewComment";
    /** Set by the review: the gateway's condition. */
    public static final String VAR_REPORT_ACCEPTED = "reportAccepted";

    // deadline rules (config/sla.yaml)
    public static final String SLA_REMINDER = "permit.execution-report";
    public static final String SLA_GRACE = "permit.execution-report.grace";
    public static final String SLA_REVIEW = "permit.execution-report.review";
    public static final String SLA_CORRECTION = "permit.execution-report.correction";

    public static final Map<String, List<String>> FIELDS_CLEARED_ON_START = Map.of(
            // the emissions too: an instance filed before they were rows may still hold them as text, which would
            // stand for the submitted rows (see ExecutionReportDelegates.submitted)
            TASK_FILE, List.of(F_ACTUAL_EMISSIONS, F_EXCEEDANCES, F_ABNORMAL_OPERATION, F_MONITORING_COMPLETENESS),
            TASK_REVIEW, List.of(F_REPORT_REVIEW, F_REPORT_REVIEW_COMMENT));

    private ExecutionReportProcess() {
    }
}
