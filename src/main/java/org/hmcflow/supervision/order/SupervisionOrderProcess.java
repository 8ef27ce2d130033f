package org.hmcflow.supervision.order;

/**
 * The names the {@code supervision-order} process (督办令) shares with the code: process key, element ids, message and
 * variable names, form fields.
 */
public final class SupervisionOrderProcess {

    public static final String KEY = "supervision-order";
    public static final String CASE_TYPE = "supervision-order";

    public static final String START = "StartEvent_OrderIssued";
    public static final String TASK_ANSWER = "Task_AnswerOrder";
    public static final String TASK_REVIEW = "Task_ReviewAnswer";
    public static final String GATEWAY_ACCEPTED = "Gateway_AnswerAccepted";
    public static final String SERVICE_TASK_REMIND = "ServiceTask_RemindAnswer";
    public static final String SERVICE_TASK_ESCALATE = "ServiceTask_EscalateAnswer";
    public static final String TIMER_REMINDER = "BoundaryEvent_AnswerReminder";
    public static final String TIMER_OVERDUE = "BoundaryEvent_AnswerOverdue";
    public static final String END_CLOSED = "EndEvent_OrderClosed";
    public static final String END_WITHDRAWN = "EndEvent_OrderWithdrawn";

    /** Ends the instance: the order was withdrawn (an interrupting event sub-process). */
    public static final String MESSAGE_WITHDRAW = "SupervisionOrderWithdrawn";

    /** The order's id (a plain Long); it is the business key too. */
    public static final String VAR_ORDER_ID = "orderId";
    /** When the answer is due, and when to remind (dates computed by the service, set again on each return). */
    public static final String VAR_DUE = "orderDue";
    public static final String VAR_REMINDER = "orderReminder";
    /** The item's enterprise, when it has one: the order's deadline items carry it. */
    public static final String VAR_ENTERPRISE_ID = "enterpriseId";
    /** Shown on the forms. */
    public static final String VAR_ORDER_SUBJECT = "orderSubject";
    public static final String VAR_ORDER_COMMENT = "orderComment";

    // form fields
    public static final String F_ANSWER = "answer";
    public static final String F_DECISION = "decision";
    public static final String F_REVIEW_COMMENT = "reviewComment";
    public static final String F_WORKING_DAYS = "workingDays";

    public static final String DECISION_ACCEPT = "ACCEPT";
    public static final String DECISION_RETURN = "RETURN";

    private SupervisionOrderProcess() {
    }
}
