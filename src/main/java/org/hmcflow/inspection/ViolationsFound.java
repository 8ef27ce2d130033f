package org.hmcflow.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Published (a Spring application event, inside the transaction that decides the findings) when an inspection's
 * findings include violations (违法行为). The enforcement lifecycle listens and opens its case from it, so no one retypes
 * the findings; the inspection keeps the case number it gets back through {@link #inspectionId()}.
 *
 * @param inspectionId the inspection whose findings these are
 * @param enterpriseId the inspected enterprise
 * @param decidedBy    user id of the inspector who decided the findings
 * @param decidedAt    when (engine clock)
 * @param violations   at least one
 */
public record ViolationsFound(long inspectionId, long enterpriseId, String decidedBy, Instant decidedAt,
        List<Violation> violations) {

    public ViolationsFound {
        violations = List.copyOf(violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a violation referral needs at least one violation");
        }
    }

    /**
     * One violation found.
     *
     * @param kind                what it is
     * @param pollutant           element symbol of the heavy metal concerned, or null
     * @param point               outlet code or sampling point, or null
     * @param measured            measured concentration (in {@code unit}), or null when not a measurement
     * @param limit               the limit (in {@code limitUnit}), or null
     * @param unit                unit symbol of {@code measured}, or null
     * @param limitUnit           unit symbol of {@code limit}, or null
     * @param ratioToLimit        computed measured/limit (3.20 = 3.2 times), or null
     * @param heavyMetal          the pollutant is a heavy metal (all of {@link org.hmcflow.enterprise.Pollutant} are)
     * @param permitNumber        the permit whose condition is concerned, or null
     * @param description         what the inspector saw, in words
     */
    public record Violation(ViolationKind kind, String pollutant, String point, BigDecimal measured, BigDecimal limit,
            String unit, String limitUnit, BigDecimal ratioToLimit, boolean heavyMetal, String permitNumber,
            String description) {
    }
}
