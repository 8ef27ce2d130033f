package org.hmcflow.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.hmcflow.enterprise.Pollutant;

/**
 * 监测结果 — one pollutant sampled at one point (an outlet DA###/DW### or the plant boundary), with the applicable limit
 * (排放限值) of the standard or the permit. Built only through {@link MeasurementRules}, which refuses negative values,
 * unknown units and units of the wrong medium.
 *
 * @param pollutant the heavy metal measured
 * @param point     outlet code or sampling point label
 * @param value     the measured concentration, in {@code unit}
 * @param unit      the unit the station reported
 * @param limit     the limit, in {@code limitUnit}; positive
 * @param limitUnit the unit of the limit, same medium as {@code unit}
 */
public record Measurement(Pollutant pollutant, String point, BigDecimal value, ConcentrationUnit unit, BigDecimal limit,
        ConcentrationUnit limitUnit) {

    /** 超标倍数 as the ratio measured/limit, two decimals, half up: 3.2 means 3.2 times the limit. */
    public BigDecimal ratioToLimit() {
        return unit.convert(value, limitUnit).divide(limit, 2, RoundingMode.HALF_UP);
    }

    /** The value is above the limit (equal to the limit complies). */
    public boolean exceeds() {
        return unit.convert(value, limitUnit).compareTo(limit) > 0;
    }
}
