package org.hmcflow.permit.issued;

/** 许可证状态 — where a permit stands after issue. */
public enum PermitStatus {
    /** 有效 — within its validity and not ended. */
    VALID,
    /** 失效 — lapsed at the end of its last valid day without a renewal (排污许可管理条例 Art 14). */
    EXPIRED,
    /** 注销 — cancelled on a ground of 行政许可法 Art 70 (expiry without renewal, entity terminated, force majeure…). */
    CANCELLED,
    /** 撤销 — revoked: obtained by fraud (排污许可管理条例 Art 40). */
    REVOKED,
    /** 吊销 — withdrawn: forged, altered, transferred (排污许可管理条例 Art 41). */
    WITHDRAWN;

    public boolean isValid() {
        return this == VALID;
    }
}
