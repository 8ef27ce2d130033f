package org.hmcflow.inspection;

/** 现场检查笔录 — what became of the on-site record once the enterprise saw it. */
public enum RecordStatus {
    /** Not yet shown to the enterprise. */
    PENDING,
    /** 确认 — the representative confirmed it. */
    CONFIRMED,
    /** 有异议 — disputed; the enterprise's statement and the inspectors' answer are both kept. */
    DISPUTED,
    /** 拒绝签字 — the enterprise did nothing by its due date; noted with the witness, the inspection goes on. */
    REFUSED_TO_SIGN
}
