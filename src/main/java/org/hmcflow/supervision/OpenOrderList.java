package org.hmcflow.supervision;

import java.time.Instant;
import java.util.List;
import org.hmcflow.user.Actor;

/**
 * The open supervision orders (督办令) an overseer sees on the dashboard, in one statement: supervisors and
 * administrators every open order, a department head those addressed to its department. Implemented by
 * {@code org.hmcflow.supervision.order}, which depends on this package and not the other way round.
 */
public interface OpenOrderList {

    /** One open order as the dashboard lists it. */
    record Entry(Long id, Long itemId, String lifecycle, String caseRef, String step, String addressee,
                 DeadlineItem.ResponsibleKind addresseeKind, String status, Instant dueAt, String issuedBy) {
    }

    /** The actor's open orders, soonest due first, at most {@code max}. */
    List<Entry> openOrders(Actor actor, int max);
}
