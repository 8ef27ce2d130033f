package org.hmcflow.permit.issued;

import org.hmcflow.enterprise.Uscc;

/**
 * 排污许可证编号 — USCC (18 characters) + 3-digit site number (生产经营场所顺序码) + {@code P}, e.g.
 * {@code 91130200699229617X001P} (HJ 608-2017 固定污染源编码, ◐ from secondary sources). Generated at issue.
 */
final class PermitNumber {

    private PermitNumber() {
    }

    /**
     * @throws IllegalArgumentException if the USCC is not valid or the site number is not 1–999
     */
    static String of(String uscc, int siteNumber) {
        if (!Uscc.isValid(uscc)) {
            throw new IllegalArgumentException("not a valid USCC: " + uscc);
        }
        if (siteNumber < 1 || siteNumber > 999) {
            throw new IllegalArgumentException("a site number has three digits, 001 to 999: " + siteNumber);
        }
        return uscc + String.format("%03d", siteNumber) + "P";
    }
}
