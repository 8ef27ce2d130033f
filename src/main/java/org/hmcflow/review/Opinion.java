package org.hmcflow.review;

/** 审查意见 — one party's opinion. */
public enum Opinion {
    /** 同意 */
    AGREE,
    /** 有条件同意 — agree, with the conditions stated. */
    AGREE_WITH_CONDITIONS,
    /** 不同意 — disagree, with the reasons stated. */
    DISAGREE
}
