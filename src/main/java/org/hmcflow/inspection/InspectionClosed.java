package org.hmcflow.inspection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Published (a Spring application event, in the engine's transaction) whenever an inspection's process ends, on
 * every path: closed with no problem, a hazard, violations, both — and {@code CANCELLED} when an instance is deleted
 * before the findings. Every inspection publishes it; {@link #origin()} and {@link #originRef()} are null for a
 * plan's or an ad hoc inspection, so a listener for its own lifecycle filters on {@code origin}.
 *
 * <p>How a lifecycle waits for its inspection (started through
 * {@link InspectionCaseService#startForCase(org.hmcflow.user.Actor, InspectionCaseService.ForCase)} with its own
 * type and case id): model an intermediate message catch event named {@link #MESSAGE} and listen synchronously,
 * so the message is delivered in the inspection's transaction:
 * <pre>{@code
 * @EventListener
 * void on(InspectionClosed e) {
 *     if ("RELOCATION".equals(e.origin())) {
 *         workflow.runningInstance(RelocationProcess.KEY, e.originRef())
 *                 .ifPresent(pi -> workflow.correlate(InspectionClosed.MESSAGE, pi, e.variables()));
 *     }
 * }
 * }</pre>
 * ({@code Workflow.correlate} refuses a message no one waits for; check the case's state first if it may not wait.)
 *
 * @param inspectionId the inspection
 * @param enterpriseId the inspected enterprise
 * @param origin       the lifecycle type it was started for, e.g. {@code RELOCATION}; null when none
 * @param originRef    that lifecycle's case id or reference; null when none
 * @param checklist    the checklist it used, e.g. {@code PURPOSE_PRODUCTION_STOPPED}
 * @param result       NO_PROBLEM, HAZARD, VIOLATION, HAZARD_AND_VIOLATION or CANCELLED
 * @param closedAt     when (engine clock)
 */
public record InspectionClosed(long inspectionId, long enterpriseId, String origin, String originRef,
                               String checklist, String result, Instant closedAt) {

    /** The message name a waiting lifecycle's catch event uses by convention. */
    public static final String MESSAGE = "InspectionClosed";
    /** {@link #result()} of an inspection whose process was deleted before the findings. */
    public static final String CANCELLED = "CANCELLED";

    /** Whether nothing was found: the purpose (e.g. production stopped) is confirmed. */
    public boolean noProblem() {
        return "NO_PROBLEM".equals(result);
    }

    /** Plain process variables for the waiting instance: {@code inspectionId}, {@code inspectionResult}. */
    public Map<String, Object> variables() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("inspectionId", inspectionId);
        vars.put("inspectionResult", result);
        return vars;
    }
}
