/**
 * 工作日历与办理时限 — the working-day calendar and the deadline (SLA) rules.
 *
 * <p>{@link org.hmcflow.calendar.WorkingDayCalendar} knows which days are worked (weekends, official holidays and
 * make-up workdays from {@code config/calendar/}); {@link org.hmcflow.calendar.DeadlineService} turns a named rule
 * from {@code config/sla.yaml} into an instant; {@link org.hmcflow.calendar.Deadlines} is the same for BPMN
 * expressions. Every "now" comes from the injected {@link java.time.Clock}, which follows the engine clock.
 */
package org.hmcflow.calendar;
