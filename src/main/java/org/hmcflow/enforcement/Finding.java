package org.hmcflow.enforcement;

import java.math.BigDecimal;
import org.hmcflow.inspection.ViolationKind;

/**
 * One violation as the case receives it, from an inspection's event or a reviewer's filing (already validated).
 *
 * @param ratioToLimit computed measured/limit (3.20 = 3.2 times), null when not a measurement
 */
public record Finding(ViolationKind kind, String pollutant, String point, BigDecimal measured, BigDecimal limit,
                      String unit, String limitUnit, BigDecimal ratioToLimit, boolean heavyMetal, String permitNumber,
                      String description) {
}
