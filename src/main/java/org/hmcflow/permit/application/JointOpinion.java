package org.hmcflow.permit.application;

/** 会审意见 — a participating department's opinion on an application. */
public enum JointOpinion {
    /** 同意 */
    AGREE,
    /** 有条件同意 — agree, with conditions stated in the comment. */
    AGREE_WITH_CONDITIONS,
    /** 不同意 — disagree, with the reasons in the comment. */
    DISAGREE
}
