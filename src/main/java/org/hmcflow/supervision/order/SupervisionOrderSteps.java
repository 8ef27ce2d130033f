package org.hmcflow.supervision.order;

import static org.hmcflow.supervision.order.SupervisionOrderProcess.VAR_ORDER_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.shared.workflow.TasklistErrors;
import org.hmcflow.shared.workflow.WorkflowActors;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/** The completion listeners of the two steps of {@code supervision-order}: a bad value keeps the step open. */
final class SupervisionOrderSteps {

    private SupervisionOrderSteps() {
    }

    private static Long orderId(DelegateTask task) {
        return ((Number) task.getVariable(VAR_ORDER_ID)).longValue();
    }

    /** {@code ${supervisionOrderAnswered}}: the addressee's answer, checked and recorded. */
    @Component("supervisionOrderAnswered")
    @WorkflowBean
    static class Answered implements TaskListener {

        private final SupervisionOrderService orders;
        private final WorkflowActors actors;
        private final TasklistErrors errors;

        Answered(SupervisionOrderService orders, WorkflowActors actors, TasklistErrors errors) {
            this.orders = orders;
            this.actors = actors;
            this.errors = errors;
        }

        @Override
        public void notify(DelegateTask task) {
            errors.explain(() -> orders.recordAnswer(orderId(task), new FormValues(task::getVariable), actors.current()));
        }
    }

    /** {@code ${supervisionOrderReviewed}}: accepted, or returned with a new deadline that the answer step takes up. */
    @Component("supervisionOrderReviewed")
    @WorkflowBean
    static class Reviewed implements TaskListener {

        private final SupervisionOrderService orders;
        private final WorkflowActors actors;
        private final TasklistErrors errors;

        Reviewed(SupervisionOrderService orders, WorkflowActors actors, TasklistErrors errors) {
            this.orders = orders;
            this.actors = actors;
            this.errors = errors;
        }

        @Override
        public void notify(DelegateTask task) {
            errors.explain(() -> orders.recordReview(orderId(task), new FormValues(task::getVariable), actors.current())
                    .forEach(task.getExecution()::setVariable));
        }
    }
}
