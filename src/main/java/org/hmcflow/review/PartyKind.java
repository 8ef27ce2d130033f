package org.hmcflow.review;

/** 审查方类别 — who a party is. */
public enum PartyKind {
    /** 部门 — a department; its users give the opinion themselves. */
    DEPARTMENT,
    /** 专家 — an expert from the register; experts do not log in, the bureau records the signed opinion. */
    EXPERT
}
