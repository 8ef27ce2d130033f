package org.hmcflow.review;

import java.util.Collection;

/** 审查结论 — what the parties said together; the caller's process reads it as {@code reviewOutcome}. */
public enum ReviewOutcome {
    /** 一致同意 — every party agrees without conditions. */
    ALL_AGREE,
    /** 有条件同意 — no party disagrees, at least one states conditions. */
    AGREE_WITH_CONDITIONS,
    /** 存在不同意见 — at least one party disagrees. */
    DISAGREEMENT;

    /** The outcome of these opinions (all given). */
    public static ReviewOutcome of(Collection<Opinion> opinions) {
        if (opinions.contains(Opinion.DISAGREE)) {
            return DISAGREEMENT;
        }
        return opinions.contains(Opinion.AGREE_WITH_CONDITIONS) ? AGREE_WITH_CONDITIONS : ALL_AGREE;
    }
}
