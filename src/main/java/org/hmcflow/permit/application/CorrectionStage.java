package org.hmcflow.permit.application;

/** When a correction notice (补正通知) was sent. */
public enum CorrectionStage {
    /** At acceptance: one notice listing everything missing (Art 9); the decision clock has not started. */
    ACCEPTANCE,
    /** During technical review: the statutory decision clock stops until the corrections arrive. */
    REVIEW
}
