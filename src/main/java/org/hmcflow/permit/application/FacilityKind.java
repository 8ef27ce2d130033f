package org.hmcflow.permit.application;

/** Which kind of facility an application lists (排污许可管理条例 Art 7). */
public enum FacilityKind {
    /** 主要生产设施 — main production facility. */
    PRODUCTION,
    /** 污染防治设施 — pollution-control facility. */
    CONTROL
}
