package org.hmcflow.supervision.order;

import java.util.List;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/**
 * {@code ${supervisionOrders...}} in {@code supervision-order}: who the answer step is offered to, read from the
 * order's row, so the process holds only the order's id.
 */
@Component("supervisionOrders")
@WorkflowBean
public class SupervisionOrderBeans {

    private final SupervisionOrderService orders;

    SupervisionOrderBeans(SupervisionOrderService orders) {
        this.orders = orders;
    }

    /** The addressee's group (a department's or an enterprise's); none when a user is addressed. */
    public List<String> candidateGroupsOf(Long orderId) {
        return orders.candidateGroupsOf(orderId);
    }

    /** The addressed user; null when a group is addressed. */
    public String assigneeOf(Long orderId) {
        return orders.assigneeOf(orderId);
    }
}
