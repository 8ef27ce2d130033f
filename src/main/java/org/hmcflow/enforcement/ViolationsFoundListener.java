package org.hmcflow.enforcement;

import org.hmcflow.inspection.ViolationsFound;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens an enforcement case when an inspection finds violations: synchronously, in the inspection's transaction, so
 * the findings and the case are written together or not at all.
 */
@Component
class ViolationsFoundListener {

    private final EnforcementService service;

    ViolationsFoundListener(EnforcementService service) {
        this.service = service;
    }

    @EventListener
    void on(ViolationsFound event) {
        service.openFromInspection(event);
    }
}
