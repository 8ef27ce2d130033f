package org.hmcflow.enforcement;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Refers an {@link EnforcementReferral} published as an event, synchronously in the publisher's transaction. */
@Component
class EnforcementReferralListener {

    private final EnforcementService service;

    EnforcementReferralListener(EnforcementService service) {
        this.service = service;
    }

    @EventListener
    void on(EnforcementReferral referral) {
        service.refer(referral);
    }
}
