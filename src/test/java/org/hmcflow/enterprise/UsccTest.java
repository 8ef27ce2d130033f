package org.hmcflow.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91440300708461136T", "91330100799655058B", "91130200699229617X"})
    void realCodesPass(String code) {
        assertThat(Uscc.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91440300708461136A", "9144030070846113", "91440300708461136TT", "91440300708461136t",
            "9144030070846113IT", "91440300708461O36T", "", " 91440300708461136T"})
    void malformedOrWrongCheckCharacterFails(String code) {
        assertThat(Uscc.isValid(code)).isFalse();
    }

    @Test
    void nullFailsAndTheCheckCharacterIsComputed() {
        assertThat(Uscc.isValid(null)).isFalse();
        assertThat(Uscc.checkCharacter("91440300708461136")).isEqualTo('T');
        assertThat(Uscc.withCheckCharacter("91330100799655058")).isEqualTo("91330100799655058B");
        assertThatThrownBy(() -> Uscc.checkCharacter("9144030070846113I")).hasMessageContaining("'I'");
    }
}
