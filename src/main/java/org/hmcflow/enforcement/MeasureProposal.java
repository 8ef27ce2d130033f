package org.hmcflow.enforcement;

/**
 * What the decision table {@code enforcement-measures} proposes for one violation.
 *
 * @param measure  the measure
 * @param ruleCode the table row's code, e.g. {@code HEAVY_METAL_3X}
 * @param grounds  the legal article and its wording
 */
public record MeasureProposal(Measure measure, String ruleCode, String grounds) {
}
