package org.hmcflow.supervision;

import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.stereotype.Component;

/**
 * Who sees and acts on deadline items: supervisors and administrators everything; a department head (科室负责人) the
 * items its department is responsible for, and no other; everyone else nothing (403). An item outside a head's
 * department is answered as if it did not exist (404), so its existence is not disclosed.
 */
@Component
public class SupervisionAccess {

    /** Whether the actor oversees every item (supervisors, administrators). */
    public boolean seesEverything(Actor actor) {
        return actor.is(Role.SUPERVISOR) || actor.is(Role.ADMIN);
    }

    /** Refuses anyone who is neither a supervisor, an administrator nor a department head. */
    public void requireOverseer(Actor actor) {
        if (!seesEverything(actor) && !actor.is(Role.HEAD)) {
            throw new ForbiddenException("hmc.error.supervisors-only");
        }
    }

    /** Refuses anyone but supervisors and administrators (acts across departments). */
    public void requireSupervisor(Actor actor) {
        if (!seesEverything(actor)) {
            throw new ForbiddenException("hmc.error.supervisors-only");
        }
    }

    /**
     * The filter narrowed to what the actor may see: a head's to its own department (asking for another one is
     * refused), anyone else's unchanged.
     */
    DeadlineItemQueries.Filter narrow(Actor actor, DeadlineItemQueries.Filter filter) {
        requireOverseer(actor);
        if (seesEverything(actor)) {
            return filter;
        }
        if (filter.department() != null && !filter.department().equals(actor.departmentCode())) {
            throw new ForbiddenException("hmc.error.head-own-department");
        }
        return new DeadlineItemQueries.Filter(filter.state(), filter.lifecycle(), filter.county(),
                actor.departmentCode(), filter.enterpriseId(), filter.minWorkingDaysOverdue());
    }

    /** Whether the actor may see this item: an overseer of everything, or the head of the item's department. */
    public boolean maySee(Actor actor, DeadlineItem item) {
        return seesEverything(actor) || (actor.is(Role.HEAD) && isOwnDepartment(actor, item));
    }

    /** The item, if the actor may see it; 403 for non-overseers, 404 for a head's look outside its department. */
    DeadlineItem visible(Actor actor, DeadlineItem item, Object id) {
        requireOverseer(actor);
        if (item == null || !maySee(actor, item)) {
            throw new NotFoundException("deadline item " + id);
        }
        return item;
    }

    /**
     * Whether the actor may decide a request for more time on this item: supervisors and administrators on any, a
     * head on its department's — never on its own request.
     */
    public boolean mayDecideExtension(Actor actor, DeadlineItem item, String requestedBy) {
        if (actor.username().equals(requestedBy)) {
            return false;
        }
        return maySee(actor, item);
    }

    private static boolean isOwnDepartment(Actor actor, DeadlineItem item) {
        return item.getResponsibleKind() == DeadlineItem.ResponsibleKind.DEPARTMENT
                && item.getResponsible().equals(actor.departmentCode());
    }
}
