package org.hmcflow.enforcement;

/** How a case was opened. */
public enum CaseSource {
    /** From an inspection's findings (the {@code ViolationsFound} event). */
    INSPECTION,
    /** Filed by a bureau reviewer. */
    REVIEWER
}
