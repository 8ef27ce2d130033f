package org.hmcflow.selfinspection;

/** The two periodic self-inspections of the MEP hazard guide (公告2016年第74号); special checks are not periodic. */
public enum SelfInspectionKind {
    /** 日常排查 — routine check, at least monthly; its period is a month, written {@code YYYY-MM}. */
    ROUTINE,
    /** 综合排查 — comprehensive, site-wide check, at least yearly; its period is a year, written {@code YYYY}. */
    COMPREHENSIVE
}
