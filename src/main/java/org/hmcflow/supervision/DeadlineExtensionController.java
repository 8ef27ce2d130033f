package org.hmcflow.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.hmcflow.shared.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 延期申请 — a deadline item's party asks for more working days; supervisors and admins grant or refuse; the history
 * with its reasons stays readable by the party, supervisors and admins.
 */
@RestController
@RequestMapping("/api/supervision")
@Tag(name = "Supervision 督办", description = "Deadline items of every lifecycle")
class DeadlineExtensionController {

    /** A request: how many working days more (counted from the due day, or from today once it passed), and why. */
    record ExtensionRequest(Integer workingDays, String reason) {
    }

    record Decision(String comment) {
    }

    record ExtensionView(Long id, Long itemId, int workingDays, String reason, String requestedBy, Instant requestedAt,
                         Instant oldDue, Instant requestedDue, DeadlineExtension.Status status, String decidedBy,
                         Instant decidedAt, String decisionComment, Instant newDue) {
        static ExtensionView of(DeadlineExtension e) {
            return new ExtensionView(e.getId(), e.getItemId(), e.getWorkingDays(), e.getReason(), e.getRequestedBy(),
                    e.getRequestedAt(), e.getOldDue(), e.getRequestedDue(), e.getStatus(), e.getDecidedBy(),
                    e.getDecidedAt(), e.getDecisionComment(), e.getNewDue());
        }
    }

    private final DeadlineExtensions extensions;

    DeadlineExtensionController(DeadlineExtensions extensions) {
        this.extensions = extensions;
    }

    @PostMapping("/items/{itemId}/extensions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for more working days on a deadline item, with a reason (the item's responsible party)")
    ExtensionView request(@PathVariable Long itemId, @RequestBody ExtensionRequest body) {
        return ExtensionView.of(extensions.request(CurrentActor.get(), itemId, body.workingDays(), body.reason()));
    }

    @GetMapping("/items/{itemId}/extensions")
    @Operation(summary = "A deadline item's extension requests with reasons and decisions (its party, supervisors, admins)")
    List<ExtensionView> history(@PathVariable Long itemId) {
        return extensions.history(CurrentActor.get(), itemId).stream().map(ExtensionView::of).toList();
    }

    @PostMapping("/extensions/{id}/grant")
    @Operation(summary = "Grant an extension: the step's due date and timers move (supervisors, admins)")
    ExtensionView grant(@PathVariable Long id, @RequestBody(required = false) Decision body) {
        return ExtensionView.of(extensions.grant(CurrentActor.get(), id, body == null ? null : body.comment()));
    }

    @PostMapping("/extensions/{id}/refuse")
    @Operation(summary = "Refuse an extension, with a comment (supervisors, admins)")
    ExtensionView refuse(@PathVariable Long id, @RequestBody(required = false) Decision body) {
        return ExtensionView.of(extensions.refuse(CurrentActor.get(), id, body == null ? null : body.comment()));
    }

    @PostMapping("/extensions/{id}/withdraw")
    @Operation(summary = "Withdraw one's own open extension request")
    ExtensionView withdraw(@PathVariable Long id) {
        return ExtensionView.of(extensions.withdraw(CurrentActor.get(), id));
    }
}
