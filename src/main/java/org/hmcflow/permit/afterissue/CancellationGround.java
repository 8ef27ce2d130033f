package org.hmcflow.permit.afterissue;

/**
 * The grounds on which a permit ends, each with its kind, its legal article, whether an enterprise may ask for it and
 * whether the enterprise is barred from applying again (three years: 排污许可管理条例 Arts 40, 41). Penalty ranges are
 * settings ({@code hmc.permit.lifecycle.penalties}).
 */
public enum CancellationGround {
    /** 有效期届满未延续 — set by the renewal process at expiry, not requested. */
    EXPIRY_WITHOUT_RENEWAL(CancellationKind.CANCEL, "行政许可法 Art 70(一)", false, false),
    /** 法人或者其他组织依法终止 */
    ENTITY_TERMINATED(CancellationKind.CANCEL, "行政许可法 Art 70(二)", true, false),
    /** 行政许可依法被撤销、撤回，或者许可证件依法被吊销 */
    REVOKED_OR_WITHDRAWN(CancellationKind.CANCEL, "行政许可法 Art 70(四)", false, false),
    /** 因不可抗力导致行政许可事项无法实施 */
    FORCE_MAJEURE(CancellationKind.CANCEL, "行政许可法 Art 70(五)", true, false),
    /** 法律、法规规定的应当注销行政许可的其他情形 (e.g. the discharger stopped discharging for good) */
    OTHER_BY_LAW(CancellationKind.CANCEL, "行政许可法 Art 70(六)", true, false),
    /**
     * 由新许可证取代 — an Art 15 change (排污许可管理条例) needed a new application; the old permit is cancelled when the
     * new one is issued (set by the issue, not requested).
     */
    REPLACED_BY_NEW_PERMIT(CancellationKind.CANCEL, "行政许可法 Art 70(六); 排污许可管理条例 Art 15", false, false),
    /** 以欺骗、贿赂等不正当手段取得排污许可证 */
    FRAUD(CancellationKind.REVOKE, "排污许可管理条例 Art 40", false, true),
    /** 伪造、变造、转让排污许可证 */
    FORGED_OR_TRANSFERRED(CancellationKind.WITHDRAW, "排污许可管理条例 Art 41", false, true);

    private final CancellationKind kind;
    private final String legalBasis;
    private final boolean enterpriseMayRequest;
    private final boolean bars;

    CancellationGround(CancellationKind kind, String legalBasis, boolean enterpriseMayRequest, boolean bars) {
        this.kind = kind;
        this.legalBasis = legalBasis;
        this.enterpriseMayRequest = enterpriseMayRequest;
        this.bars = bars;
    }

    public CancellationKind kind() {
        return kind;
    }

    public String legalBasis() {
        return legalBasis;
    }

    public boolean enterpriseMayRequest() {
        return enterpriseMayRequest;
    }

    /** Whether the enterprise may not apply for a permit for the bar period after this ground. */
    public boolean bars() {
        return bars;
    }

    /** Whether a person (an enterprise or a reviewer) may start a proceeding on this ground; the others are automatic. */
    public boolean requestable() {
        return this != EXPIRY_WITHOUT_RENEWAL && this != REVOKED_OR_WITHDRAWN && this != REPLACED_BY_NEW_PERMIT;
    }
}
