package org.hmcflow.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

class FormValuesRowsTest {

    @Test
    void readsTasklistJsonAndApiListsAlikeNamingEachProblemByItsRow() {
        String fromTasklist = "[{\"pollutant\":\"Pb\",\"value\":0.8},{\"pollutant\":\"\",\"value\":null},"
                + "{\"pollutant\":\"Xx\",\"value\":\"约0.5\"}]";
        List<Map<String, Object>> fromApi = List.of(Map.of("pollutant", "Pb", "value", 0.8),
                Map.of("pollutant", "", "value", ""), Map.of("pollutant", "Xx", "value", "约0.5"));
        for (Object raw : List.of(fromTasklist, fromApi)) {
            FormValues form = new FormValues(Map.of("results", raw)::get);
            List<FormValues.Row> rows = form.rows("results", true, 10);
            assertThat(rows).extracting(FormValues.Row::index).as("the blank row is skipped").containsExactly(0, 2);
            assertThat(rows.get(0).values().text("pollutant", true, 10)).isEqualTo("Pb");
            assertThat(rows.get(0).values().decimal("value", true, java.math.BigDecimal.ZERO)).isEqualByComparingTo("0.8");
            FormValues third = rows.get(1).values();
            if (!"Pb".equals(third.text("pollutant", true, 10))) {
                third.reject("pollutant", "hmc.validation.pollutant");
            }
            third.decimal("value", true, java.math.BigDecimal.ZERO);
            assertThat(form.problems()).extracting(FieldProblem::field)
                    .containsExactly("results[2].pollutant", "results[2].value");
            assertThat(third.problem("note", "x").field()).isEqualTo("results[2].note");
        }
    }

    @Test
    void aMissingListIsEmptyAndRequiredIsAProblemOfTheField() {
        FormValues form = new FormValues(name -> null);
        assertThat(form.rows("items", false, 5)).isEmpty();
        assertThat(form.problems()).isEmpty();
        assertThat(form.rows("items", true, 5)).isEmpty();
        assertThat(form.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("items", "hmc.validation.required"));
    }

    @Test
    void textThatIsNotAListOfRowsAndTooManyRowsAreRefused() {
        FormValues form = new FormValues(Map.<String, Object>of("a", "Pb | DW001", "b", "[1, 2]",
                "c", "[{\"x\":1},{\"x\":2},{\"x\":3}]")::get);
        assertThat(form.rows("a", false, 5)).isEmpty();
        assertThat(form.rows("b", false, 5)).isEmpty();
        assertThat(form.rows("c", false, 2)).isEmpty();
        assertThat(form.problems()).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "hmc.validation.rows"),
                org.assertj.core.groups.Tuple.tuple("b[0]", "hmc.validation.rows"),
                org.assertj.core.groups.Tuple.tuple("b[1]", "hmc.validation.rows"),
                org.assertj.core.groups.Tuple.tuple("c", "hmc.validation.rows-too-many"));
    }
}
