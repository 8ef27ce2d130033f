package org.hmcflow.inspection;

import org.hmcflow.department.Department;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;

/**
 * Who may do what with registers, plans and draws: the city bureau (市环境保护局) keeps them — its reviewers and the
 * administrators; every bureau or department user (reviewers, supervisors, admins) reads them and may re-run a draw;
 * enterprise users see only what is public.
 */
final class InspectionAccess {

    private InspectionAccess() {
    }

    static boolean mayManage(Actor actor) {
        return actor.is(Role.ADMIN)
                || (actor.isDepartmentStaff() && Department.ENVIRONMENTAL_PROTECTION_BUREAU.equals(actor.departmentCode()));
    }

    static void requireManage(Actor actor) {
        if (!mayManage(actor)) {
            throw new ForbiddenException("hmc.error.inspection.manage-only");
        }
    }

    static void requireRead(Actor actor) {
        if (!(actor.is(Role.ADMIN) || actor.isDepartmentStaff() || actor.is(Role.SUPERVISOR))) {
            throw new ForbiddenException("hmc.error.bureau-only");
        }
    }
}
