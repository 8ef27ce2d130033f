package org.hmcflow.monitoring;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * 浓度单位 — the units a concentration is reported in by a monitoring station, with the medium each belongs to. A value
 * converts to another unit of the same medium only; a waste-water outlet (DW###) takes liquid units, a waste-gas
 * outlet (DA###) gas units.
 */
public enum ConcentrationUnit {
    /** 毫克/升 — waste water. */
    MG_PER_L("mg/L", Medium.LIQUID, BigDecimal.ONE),
    /** 微克/升 — waste water, trace metals such as mercury. */
    UG_PER_L("μg/L", Medium.LIQUID, new BigDecimal("0.001")),
    /** 毫克/立方米 — waste gas (标态干烟气). */
    MG_PER_M3("mg/m³", Medium.GAS, BigDecimal.ONE),
    /** 微克/立方米 — waste gas, trace metals. */
    UG_PER_M3("μg/m³", Medium.GAS, new BigDecimal("0.001")),
    /** 毫克/千克 — soil and sludge. */
    MG_PER_KG("mg/kg", Medium.SOLID, BigDecimal.ONE);

    /** What was sampled. */
    public enum Medium {
        LIQUID, GAS, SOLID
    }

    private final String symbol;
    private final Medium medium;
    private final BigDecimal toBase;

    ConcentrationUnit(String symbol, Medium medium, BigDecimal toBase) {
        this.symbol = symbol;
        this.medium = medium;
        this.toBase = toBase;
    }

    public String symbol() {
        return symbol;
    }

    public Medium medium() {
        return medium;
    }

    /** The value in {@code target}'s unit; both must measure the same medium. */
    public BigDecimal convert(BigDecimal value, ConcentrationUnit target) {
        if (target.medium != medium) {
            throw new IllegalArgumentException(symbol + " does not convert to " + target.symbol);
        }
        return value.multiply(toBase).divide(target.toBase);
    }

    /**
     * Reads a unit as people write it: the symbol ({@code mg/L}, {@code μg/m³}), ASCII spellings ({@code ug/L},
     * {@code mg/m3}, any case) or the constant name.
     */
    public static Optional<ConcentrationUnit> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().replace('µ', 'μ').replace("³", "3").toLowerCase(java.util.Locale.ROOT);
        for (ConcentrationUnit unit : values()) {
            String symbol = unit.symbol.replace("³", "3").toLowerCase(java.util.Locale.ROOT);
            if (t.equals(symbol) || t.equals(symbol.replace('μ', 'u')) || t.equalsIgnoreCase(unit.name())) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    /** The medium an outlet code implies: DW### waste water, DA### waste gas; anything else tells nothing. */
    public static Optional<Medium> mediumOfOutlet(String outletCode) {
        if (outletCode == null) {
            return Optional.empty();
        }
        if (outletCode.startsWith("DW")) {
            return Optional.of(Medium.LIQUID);
        }
        if (outletCode.startsWith("DA")) {
            return Optional.of(Medium.GAS);
        }
        return Optional.empty();
    }
}
