package org.hmcflow.permit.application;

import java.util.Optional;
import org.hmcflow.user.Actor;

/**
 * What an application needs to know of the permits issued on applications. The issued permit answers
 * ({@code org.hmcflow.permit.issued.PermitService}): the permit is made from an application and reads it, so the
 * application asks through this interface instead of depending on the permit.
 */
public interface IssuedPermits {

    /** The audit case type of everything that happens to an issued permit; the case id is the permit id. */
    String CASE_TYPE = "PERMIT";

    /** A permit as an application names it (重新申请: the permit it replaces). */
    record PermitRef(Long id, Long applicationId, String status, boolean valid) {
    }

    /** The permit issued on the application, as the application's page shows it, if one was issued. */
    Optional<PermitApi.PermitView> ofApplication(Long applicationId);

    /**
     * A permit the actor may see.
     *
     * @throws org.hmcflow.shared.web.NotFoundException no such permit, or another enterprise's
     */
    PermitRef permit(Actor actor, Long permitId);
}
