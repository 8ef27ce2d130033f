package org.hmcflow.calendar;

import java.util.Date;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/**
 * Deadlines for BPMN expressions, as {@link Date}s (what Camunda task due dates, follow-up dates and timers take).
 * The rules and their sources are in {@code config/sla.yaml}; the counting is {@link DeadlineService}'s. Methods are
 * deliberately not overloaded, so JUEL always finds the one meant.
 *
 * <pre>{@code
 * <!-- a user task due when the rule's period ends -->
 * <userTask id="Task_TriageHazard" camunda:dueDate="${deadlines.due('hazard.triage')}"
 *                                  camunda:followUpDate="${deadlines.reminder('hazard.triage')}"/>
 *
 * <!-- a boundary timer that escalates when the deadline passes (interrupting or not) -->
 * <boundaryEvent id="Timer_TriageOverdue" attachedToRef="Task_TriageHazard" cancelActivity="false">
 *   <timerEventDefinition><timeDate>${deadlines.due('hazard.triage')}</timeDate></timerEventDefinition>
 * </boundaryEvent>
 *
 * <!-- a non-interrupting timer that reminds before the deadline -->
 * <timerEventDefinition><timeDate>${deadlines.reminder('hazard.rectify')}</timeDate></timerEventDefinition>
 *
 * <!-- a period the reviewer set in the form (variable rectifyWorkingDays, a Long), stored for later use -->
 * <camunda:inputParameter name="rectifyDue">${deadlines.workingDaysFromNow(rectifyWorkingDays)}</camunda:inputParameter>
 * <userTask id="Task_Rectify" camunda:dueDate="${rectifyDue}"/>
 *
 * <!-- a reminder before a due date already stored in a variable -->
 * <timerEventDefinition><timeDate>${deadlines.reminderBefore(rectifyDue)}</timeDate></timerEventDefinition>
 *
 * <!-- a wait: the 回头看 follow-up starts when the hazard.recheck period after close-out ends -->
 * <intermediateCatchEvent id="Timer_WaitForRecheck">
 *   <timerEventDefinition><timeDate>${deadlines.due('hazard.recheck')}</timeDate></timerEventDefinition>
 * </intermediateCatchEvent>
 * }</pre>
 */
@Component("deadlines")
@WorkflowBean
public class Deadlines {

    private final DeadlineService deadlineService;

    public Deadlines(DeadlineService deadlineService) {
        this.deadlineService = deadlineService;
    }

    /** When the rule's period, started now, ends: {@code camunda:dueDate="${deadlines.due('hazard.triage')}"}. */
    public Date due(String rule) {
        return Date.from(deadlineService.due(rule));
    }

    /**
     * When to remind about the rule's deadline started now, i.e. {@code reminderBefore(due(rule))} with the rule's own
     * reminder lead: {@code <timeDate>${deadlines.reminder('hazard.rectify')}</timeDate>}.
     */
    public Date reminder(String rule) {
        return Date.from(deadlineService.reminderBefore(deadlineService.due(rule), rule));
    }

    /**
     * When to remind about a due date already known (a variable), with the default reminder lead:
     * {@code <timeDate>${deadlines.reminderBefore(rectifyDue)}</timeDate>}.
     */
    public Date reminderBefore(Date due) {
        if (due == null) {
            throw new IllegalArgumentException("reminderBefore needs a due date, got null (is the variable set?)");
        }
        return Date.from(deadlineService.reminderBefore(due.toInstant(), null));
    }

    /**
     * The given number of working days from today, at the due time; JUEL passes form numbers as {@code Long}:
     * {@code camunda:dueDate="${deadlines.workingDaysFromNow(rectifyWorkingDays)}"}.
     *
     * @throws IllegalArgumentException unless a whole number from 1 to 365
     */
    public Date workingDaysFromNow(Number days) {
        if (days == null) {
            throw new IllegalArgumentException("workingDaysFromNow needs a number of working days, got null (is the variable set?)");
        }
        if (days.doubleValue() != Math.rint(days.doubleValue()) || Math.abs(days.doubleValue()) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "A period in working days must be a whole number between 1 and " + DeadlineService.MAX_WORKING_DAYS
                            + ", was " + days);
        }
        return Date.from(deadlineService.dueAfterWorkingDays(days.intValue()));
    }
}
