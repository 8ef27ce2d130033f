package org.hmcflow.permit.application;

/**
 * 建设性质 — what an application is for, as the admission rules of the Qingyuan plan 二(一)1 tell projects apart.
 * Sent to the decision table by name.
 */
public enum ProjectType {
    /** 新建 — a new plant or line. */
    NEW,
    /** 扩建 — an existing plant adds capacity. */
    EXPANSION,
    /** 改建 — an existing plant rebuilds facilities; in the key control area read with the technical upgrades. */
    REBUILD,
    /** 技术改造 — an existing plant upgrades its technology, possibly raising output. */
    TECH_UPGRADE,
    /** 现有 — an existing discharger applying for its permit with no construction project. */
    EXISTING
}
