package org.hmcflow.shared.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeLimitTest {

    @ParameterizedTest
    @CsvSource({
            "2020年底前, BY_DATE, 2020-12-31",
            "2018年底前, BY_DATE, 2018-12-31",
            "到2018年底, BY_DATE, 2018-12-31",
            "2019年6月底前, BY_DATE, 2019-06-30",
            "2020年2月底前, BY_DATE, 2020-02-29",
            "2019年6月15日前, BY_DATE, 2019-06-15",
            "2019-06-15, BY_DATE, 2019-06-15",
            "2018年起, PERIODIC_FROM, 2018-01-01",
            "从2018年开始, PERIODIC_FROM, 2018-01-01",
            "' 2020 年底前 ', BY_DATE, 2020-12-31",
    })
    void theFormsThePlansUse(String cell, TimeLimit.Kind kind, LocalDate date) {
        TimeLimit limit = TimeLimit.parse(cell).orElseThrow();
        assertThat(limit.kind()).isEqualTo(kind);
        assertThat(limit.date()).isEqualTo(date);
        assertThat(limit.written()).isEqualTo(cell.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"持续实施", "长期坚持", "长期"})
    void ongoingHasNoDateAndNeverFinishes(String cell) {
        TimeLimit limit = TimeLimit.parse(cell).orElseThrow();
        assertThat(limit.kind()).isEqualTo(TimeLimit.Kind.ONGOING);
        assertThat(limit.date()).isNull();
        assertThat(limit.finishes()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "明年", "尽快", "2019年13月底前", "2019年2月30日前", "1899年底前", "2020年底前后", "2020"})
    void anythingElseIsNotGuessed(String cell) {
        assertThat(TimeLimit.parse(cell)).isEmpty();
    }

    @Test
    void aDatedLimitNeedsItsDate() {
        assertThatThrownBy(() -> new TimeLimit(TimeLimit.Kind.BY_DATE, null, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeLimit(TimeLimit.Kind.ONGOING, LocalDate.of(2020, 1, 1), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
