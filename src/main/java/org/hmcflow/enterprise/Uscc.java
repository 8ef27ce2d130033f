package org.hmcflow.enterprise;

/**
 * 统一社会信用代码 (USCC) — the 18-character unified social credit code of GB 32100-2015.
 *
 * <p>Positions 1–17 are drawn from {@link #CHARSET} (no I, O, Z, S, V); position 18 is a check character computed
 * with the weights below, modulo 31.
 */
public final class Uscc {

    /** The code's alphabet; a character's value is its index. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    /** Whether {@code code} is a well-formed USCC with the right check character (upper case, no spaces). */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("a USCC body has 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not a USCC character");
            }
            sum += value * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** Completes a 17-character body with its check character. */
    public static String withCheckCharacter(String first17) {
        return first17 + checkCharacter(first17);
    }
}
