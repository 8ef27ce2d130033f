package org.hmcflow.enterprise;

import java.util.List;
import java.util.stream.Collectors;

/**
 * 重金属污染物 — the heavy metals the plans control: the five key ones (铅 汞 镉 铬 砷) and the others they watch
 * (Qingyuan plan 一(三)1).
 */
public enum Pollutant {
    Pb("铅", true), Hg("汞", true), Cd("镉", true), Cr("铬", true), As("砷", true),
    Tl("铊", false), Sb("锑", false), Ni("镍", false), Cu("铜", false), Zn("锌", false),
    Ag("银", false), V("钒", false), Mn("锰", false), Co("钴", false);

    private final String nameZh;
    private final boolean key;

    Pollutant(String nameZh, boolean key) {
        this.nameZh = nameZh;
        this.key = key;
    }

    public String nameZh() {
        return nameZh;
    }

    /** One of the five key heavy metals (重点防控的重金属污染物). */
    public boolean isKey() {
        return key;
    }

    public static boolean isKnown(String symbol) {
        for (Pollutant p : values()) {
            if (p.name().equals(symbol)) {
                return true;
            }
        }
        return false;
    }

    static String join(List<Pollutant> pollutants) {
        return pollutants.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
