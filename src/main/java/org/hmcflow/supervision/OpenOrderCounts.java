package org.hmcflow.supervision;

import java.util.Collection;
import java.util.Map;

/**
 * How many open supervision orders (督办令) each listed item has, in one statement for the whole page. Implemented by
 * {@code org.hmcflow.supervision.order}, which depends on this package and not the other way round.
 */
public interface OpenOrderCounts {

    /** Item id → open orders; items without any are absent. */
    Map<Long, Long> openOrders(Collection<Long> itemIds);
}
