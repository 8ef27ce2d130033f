package org.hmcflow.permit.application;

/**
 * 三年禁止 — the enterprises that may not apply for a permit: after 撤销 (排污许可管理条例 Art 40) or 吊销 (Art 41), for
 * three years. The after-issue package keeps the bars and answers
 * ({@code org.hmcflow.permit.afterissue.PermitLifecycleService}); the application asks through this interface when it
 * is filed, and does not depend on that package.
 */
public interface BarredApplicants {

    /**
     * Refuses a new application by a barred enterprise, naming the article and the last barred day.
     *
     * @throws org.hmcflow.shared.web.ConflictException the enterprise is barred
     */
    void refuseIfBarred(Long enterpriseId);
}
