/**
 * 督办 — supervision: every deadline of every lifecycle in one place ({@link org.hmcflow.supervision.DeadlineItems}).
 * A step joins by having a due date: its items follow the step's {@link org.hmcflow.shared.workflow.StepEvent}s in
 * the engine's transaction. A deadline of a whole case (a statutory clock) is kept by its lifecycle through
 * {@code openCaseDeadline} and {@code closeCaseDeadline}. SLA states ({@link org.hmcflow.supervision.SlaState}) are
 * derived at read time from the boundaries stored with each item and the thresholds of {@code hmc.supervision}.
 */
package org.hmcflow.supervision;
