package org.hmcflow.permit.afterissue;

import org.hmcflow.permit.issued.PermitStatus;

/** How a permit ends before or at its expiry. */
public enum CancellationKind {
    /** 注销 — the permit is closed out on a ground of 行政许可法 Art 70. */
    CANCEL(PermitStatus.CANCELLED),
    /** 撤销 — revoked for fraud in obtaining it (排污许可管理条例 Art 40). */
    REVOKE(PermitStatus.REVOKED),
    /** 吊销 — withdrawn as a penalty (排污许可管理条例 Art 41). */
    WITHDRAW(PermitStatus.WITHDRAWN);

    private final PermitStatus result;

    CancellationKind(PermitStatus result) {
        this.result = result;
    }

    public PermitStatus result() {
        return result;
    }
}
