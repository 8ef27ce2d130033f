package org.hmcflow.enterprise;

/**
 * 企业名称 — how an enterprise's name is compared when a plan's list is matched to the register. The plans write the
 * same name with full-width or half-width brackets and with stray spaces ({@code 兴和（清远）五金电镀制品有限公司},
 * {@code 兴和(清远)五金电镀制品有限公司}, {@code 兴和 （清远） 五金…}); those are made equal and nothing else is: a
 * name with one character more or less ({@code 清远市尤尼电源科技有限公司} and {@code 清远尤尼电源科技有限公司}) is another
 * name, because guessing which enterprise a plan meant is not ours to do.
 */
public final class EnterpriseNames {

    private EnterpriseNames() {
    }

    /**
     * The name as stored in {@code enterprise.normalized_name}: {@code （} and {@code ）} become {@code (} and
     * {@code )}; ASCII spaces and ideographic spaces (U+3000) are removed. V11's SQL does the same for existing rows.
     */
    public static String normalize(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '（' -> out.append('(');
                case '）' -> out.append(')');
                case ' ', '\u3000' -> { }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
