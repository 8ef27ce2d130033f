package org.hmcflow.supervision.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.supervision.DeadlineItem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 督办令 API: issue an order on a deadline item, read an item's orders, answer, accept or return, withdraw. */
@RestController
@RequestMapping("/api/supervision")
@Tag(name = "Supervision orders 督办令", description = "Orders on deadline items: issue, answer, close, withdraw")
class SupervisionOrderController {

    private final SupervisionOrderService orders;

    SupervisionOrderController(SupervisionOrderService orders) {
        this.orders = orders;
    }

    record IssueRequest(@Size(max = 100) String addressee, @Min(1) @Max(365) Integer workingDays,
                        @NotBlank @Size(max = 2000) String comment) {
    }

    record AnswerRequest(@NotBlank @Size(max = 4000) String answer) {
    }

    record CloseRequest(@NotNull Boolean accept, @Size(max = 2000) String comment, @Min(1) @Max(365) Integer workingDays) {
    }

    record WithdrawRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record OrderView(Long id, Long deadlineItemId, String lifecycle, String caseRef, String stepKey, String stepName,
                     String addressee, DeadlineItem.ResponsibleKind addresseeKind, String comment, Integer workingDays,
                     Instant dueAt, SupervisionOrder.Status status, String issuedBy, Instant issuedAt, String answer,
                     String answeredBy, Instant answeredAt, int returnedCount, String returnComment,
                     String closingComment, String closedBy, Instant closedAt) {
        static OrderView of(SupervisionOrder o) {
            return new OrderView(o.getId(), o.getDeadlineItemId(), o.getItemLifecycle(), o.getItemCaseRef(),
                    o.getItemStepKey(), o.getItemStepName(), o.getAddressee(), o.getAddresseeKind(), o.getComment(),
                    o.getWorkingDays(), o.getDueAt(), o.getStatus(), o.getIssuedBy(), o.getIssuedAt(), o.getAnswer(),
                    o.getAnsweredBy(), o.getAnsweredAt(), o.getReturnedCount(), o.getReturnComment(),
                    o.getClosingComment(), o.getClosedBy(), o.getClosedAt());
        }
    }

    @PostMapping("/items/{itemId}/orders")
    @Operation(summary = "下达督办令 — issue an order on an open deadline item (supervisors, admins)")
    ResponseEntity<OrderView> issue(@PathVariable Long itemId, @Valid @RequestBody IssueRequest body) {
        SupervisionOrder order = orders.issue(CurrentActor.get(), itemId,
                new SupervisionOrderService.IssueRequest(body.addressee(), body.workingDays(), body.comment()));
        return ResponseEntity.created(URI.create("/api/supervision/orders/" + order.getId())).body(OrderView.of(order));
    }

    @GetMapping("/items/{itemId}/orders")
    @Operation(summary = "The orders of a deadline item (supervisors, admins; an addressee sees those addressed to it)")
    List<OrderView> ofItem(@PathVariable Long itemId) {
        return orders.ofItem(CurrentActor.get(), itemId).stream().map(OrderView::of).toList();
    }

    @GetMapping("/orders/{orderId}")
    @Operation(summary = "One order (supervisors, admins, its addressee)")
    OrderView get(@PathVariable Long orderId) {
        return OrderView.of(orders.get(CurrentActor.get(), orderId));
    }

    @PostMapping("/orders/{orderId}/answer")
    @Operation(summary = "回复督办令 — the addressee answers (completes the answer step)")
    OrderView answer(@PathVariable Long orderId, @Valid @RequestBody AnswerRequest body) {
        orders.answer(CurrentActor.get(), orderId, body.answer());
        return OrderView.of(orders.get(CurrentActor.get(), orderId));
    }

    @PostMapping("/orders/{orderId}/close")
    @Operation(summary = "办结或退回 — accept the answer (close) or return it with a comment and a new period (supervisors, admins)")
    OrderView close(@PathVariable Long orderId, @Valid @RequestBody CloseRequest body) {
        orders.review(CurrentActor.get(), orderId, body.accept(), body.comment(), body.workingDays());
        return OrderView.of(orders.get(CurrentActor.get(), orderId));
    }

    @PostMapping("/orders/{orderId}/withdraw")
    @Operation(summary = "撤回督办令 — withdraw an open order (its issuer, admins)")
    OrderView withdraw(@PathVariable Long orderId, @Valid @RequestBody WithdrawRequest body) {
        return OrderView.of(orders.withdraw(CurrentActor.get(), orderId, body.reason()));
    }
}
