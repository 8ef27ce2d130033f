package org.hmcflow.permit.application;

import java.util.Arrays;
import java.util.List;

/**
 * 许可事项 — what on a permit may change. A change of name, address or legal representative is filed as a change (变更,
 * 排污许可管理条例 Art 14, within 30 days); the others need a new application (重新申请, Art 15).
 */
public enum PermitItem {
    UNIT_NAME(false),
    ADDRESS(false),
    LEGAL_REPRESENTATIVE(false),
    /** 新建、改建、扩建排放污染物的项目 */
    PROJECT_EXPANSION(true),
    /** 生产经营场所 */
    SITE(true),
    OUTLET_LOCATION(true),
    DISCHARGE_MODE(true),
    DISCHARGE_DESTINATION(true),
    /** 新增污染物排放口 */
    MORE_OUTLETS(true),
    POLLUTANT_TYPES(true),
    QUANTITIES(true),
    CONCENTRATIONS(true);

    /** The article that makes this item a re-application. */
    public static final String REAPPLICATION_BASIS = "排污许可管理条例 Art 15";

    private final boolean reapplication;

    PermitItem(boolean reapplication) {
        this.reapplication = reapplication;
    }

    /** Whether a change of this item needs a new application (Art 15) instead of a change (Art 14). */
    public boolean needsReapplication() {
        return reapplication;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
