package org.hmcflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.hmcflow.enterprise.Pollutant;
import org.hmcflow.monitoring.MeasurementRules.Entry;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

class MeasurementRulesTest {

    private static Entry lead(String value, String unit) {
        return new Entry("Pb", "DW001", value == null ? null : new BigDecimal(value), unit, new BigDecimal("0.5"), "mg/L");
    }

    @Test
    void leadAtThreePointTwoTimesTheStandardIsComputedNotTyped() {
        Measurement m = MeasurementRules.check("results", List.of(lead("1.6", "mg/L"))).get(0);
        assertThat(m.pollutant()).isEqualTo(Pollutant.Pb);
        assertThat(m.ratioToLimit()).isEqualByComparingTo("3.20");
        assertThat(m.exceeds()).isTrue();
    }

    @Test
    void microgramsAreConvertedBeforeComparing() {
        Measurement m = MeasurementRules.check("results", List.of(lead("400", "ug/L"))).get(0);
        assertThat(m.unit()).isEqualTo(ConcentrationUnit.UG_PER_L);
        assertThat(m.ratioToLimit()).isEqualByComparingTo("0.80");
        assertThat(m.exceeds()).isFalse();
    }

    @Test
    void aValueEqualToTheLimitComplies() {
        Measurement m = MeasurementRules.check("results", List.of(lead("0.5", "mg/L"))).get(0);
        assertThat(m.exceeds()).isFalse();
        assertThat(m.ratioToLimit()).isEqualByComparingTo("1.00");
    }

    @Test
    void unitsAreReadAsPeopleWriteThem() {
        assertThat(ConcentrationUnit.parse("mg/m3")).contains(ConcentrationUnit.MG_PER_M3);
        assertThat(ConcentrationUnit.parse("MG/M³")).contains(ConcentrationUnit.MG_PER_M3);
        assertThat(ConcentrationUnit.parse("µg/L")).contains(ConcentrationUnit.UG_PER_L);
        assertThat(ConcentrationUnit.parse("UG_PER_M3")).contains(ConcentrationUnit.UG_PER_M3);
        assertThat(ConcentrationUnit.parse("ppm")).isEmpty();
    }

    @Test
    void aGasUnitAtAWasteWaterOutletIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> MeasurementRules.check("results", List.of(lead("1.6", "mg/m³"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("results[0].unit", "hmc.validation.unit-for-outlet")));
    }

    @Test
    void everyProblemOfEveryEntryIsNamedAtOnce() {
        List<Entry> entries = List.of(
                lead("-0.1", "mg/L"),
                new Entry("Xx", "", new BigDecimal("1"), "ppm", BigDecimal.ZERO, "mg/L"),
                new Entry("Cd", "boundary-1", new BigDecimal("1"), "mg/kg", new BigDecimal("0.1"), "mg/L"));
        assertThatThrownBy(() -> MeasurementRules.check("results", entries))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("results[0].value", "results[1].pollutant", "results[1].point",
                                "results[1].limit", "results[1].unit", "results[2].unit"));
    }

    @Test
    void noResultsAtAllIsRefused() {
        assertThatThrownBy(() -> MeasurementRules.check("results", List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("results"));
    }

    @Test
    void unitsOfDifferentMediaDoNotConvert() {
        assertThatThrownBy(() -> ConcentrationUnit.MG_PER_L.convert(BigDecimal.ONE, ConcentrationUnit.MG_PER_M3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
