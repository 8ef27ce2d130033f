package org.hmcflow.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Plans' enterprise names match the register after brackets and spaces are made equal — and after nothing else. */
class EnterpriseNamesTest {

    @Test
    void fullWidthAndHalfWidthBracketsAreEqual() {
        assertThat(EnterpriseNames.normalize("兴和（清远）五金电镀制品有限公司"))
                .isEqualTo(EnterpriseNames.normalize("兴和(清远)五金电镀制品有限公司"))
                .isEqualTo("兴和(清远)五金电镀制品有限公司");
        assertThat(EnterpriseNames.normalize("兴和（清远)五金电镀制品有限公司"))
                .isEqualTo("兴和(清远)五金电镀制品有限公司");
    }

    @Test
    void asciiAndIdeographicSpacesAreRemovedWhereverTheyAre() {
        assertThat(EnterpriseNames.normalize("兴和 （清远） 五金电镀制品有限公司")).isEqualTo("兴和(清远)五金电镀制品有限公司");
        assertThat(EnterpriseNames.normalize("\u3000兴和\u3000(清远)五金电镀制品有限公司  ")).isEqualTo("兴和(清远)五金电镀制品有限公司");
        // 附表5 row 44's industry cell ends in U+3000; names do too when copied from such tables
        assertThat(EnterpriseNames.normalize("清远楚江铜业有限公司\u3000")).isEqualTo("清远楚江铜业有限公司");
    }

    @Test
    void nothingElseIsMadeEqual() {
        // one character more is another enterprise: no fuzzy matching
        assertThat(EnterpriseNames.normalize("清远市尤尼电源科技有限公司"))
                .isNotEqualTo(EnterpriseNames.normalize("清远尤尼电源科技有限公司"));
        assertThat(EnterpriseNames.normalize("广东豪美新材股份有限公司"))
                .isNotEqualTo(EnterpriseNames.normalize("广东豪美新材有限公司"));
        // other brackets, other space characters, Latin letters: kept as written
        assertThat(EnterpriseNames.normalize("兴和【清远】五金")).isEqualTo("兴和【清远】五金");
        assertThat(EnterpriseNames.normalize("兴和\u00A0五金")).isEqualTo("兴和\u00A0五金");
        assertThat(EnterpriseNames.normalize("兴和\t五金")).isEqualTo("兴和\t五金");
        assertThat(EnterpriseNames.normalize("ABC五金")).isNotEqualTo(EnterpriseNames.normalize("abc五金"));
    }

    @Test
    void nullStaysNull() {
        assertThat(EnterpriseNames.normalize(null)).isNull();
    }
}
