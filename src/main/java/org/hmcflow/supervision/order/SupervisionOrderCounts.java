package org.hmcflow.supervision.order;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.supervision.OpenOrderCounts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The open orders of a page of deadline items, counted in one statement. */
@Component
class SupervisionOrderCounts implements OpenOrderCounts {

    private static final List<SupervisionOrder.Status> OPEN = Arrays.stream(SupervisionOrder.Status.values())
            .filter(SupervisionOrder.Status::isOpen).toList();

    private final SupervisionOrderRepository orders;

    SupervisionOrderCounts(SupervisionOrderRepository orders) {
        this.orders = orders;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> openOrders(Collection<Long> itemIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!itemIds.isEmpty()) {
            for (Object[] row : orders.countByItem(itemIds, OPEN)) {
                counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
            }
        }
        return counts;
    }
}
