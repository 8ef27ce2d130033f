package org.hmcflow.supervision.order;

import java.util.Arrays;
import java.util.List;
import org.hmcflow.supervision.OpenOrderList;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The open orders of the supervision dashboard: one statement, narrowed as {@link SupervisionOrderService#maySee}. */
@Component
class SupervisionOrderList implements OpenOrderList {

    private static final List<SupervisionOrder.Status> OPEN = Arrays.stream(SupervisionOrder.Status.values())
            .filter(SupervisionOrder.Status::isOpen).toList();

    private final SupervisionOrderRepository orders;

    SupervisionOrderList(SupervisionOrderRepository orders) {
        this.orders = orders;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> openOrders(Actor actor, int max) {
        List<SupervisionOrder> found;
        if (SupervisionOrderService.isSupervisor(actor)) {
            found = orders.findByStatusInOrderByDueAtAscIdAsc(OPEN, PageRequest.of(0, max));
        } else if (actor.is(Role.HEAD) && actor.departmentCode() != null) {
            // a head sees the orders addressed to its department (its group), as the order API lets it
            found = orders.findByAddresseeAndStatusInOrderByDueAtAscIdAsc(actor.departmentCode(), OPEN,
                    PageRequest.of(0, max));
        } else {
            found = List.of();
        }
        return found.stream().map(o -> new Entry(o.getId(), o.getDeadlineItemId(), o.getItemLifecycle(),
                o.getItemCaseRef(), o.getItemStepName() == null ? o.getItemStepKey() : o.getItemStepName(),
                o.getAddressee(), o.getAddresseeKind(), o.getStatus().name(), o.getDueAt(), o.getIssuedBy())).toList();
    }
}
