package org.hmcflow.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hmcflow.shared.security.CurrentActor;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 督办台账 — the open deadline items of every lifecycle for supervisors and administrators (a department head: its
 * department's): counts by SLA state and one dimension, the filtered, sorted, paged list with each item's open
 * supervision orders, one item, and a step's reassignment (改派). Each answer costs a fixed number of statements.
 */
@RestController
@Validated
@RequestMapping("/api/supervision/items")
@Tag(name = "Supervision 督办", description = "Deadline items of every lifecycle")
class SupervisionItemsController {

    /** One open item as a supervisor sees it, its state and remaining working days computed now. */
    record ItemView(Long id, String lifecycle, String caseRef, String stepKey, String stepName, String responsible,
                    DeadlineItem.ResponsibleKind responsibleKind, Long enterpriseId, String county, Instant dueAt,
                    SlaState state, long remainingWorkingDays, boolean provisional, long openOrders) {
    }

    /** One item with its history: when it opened and how it ended. */
    record ItemDetail(ItemView item, Instant openedAt, Instant closedAt, DeadlineItem.CloseReason closeReason,
                      String taskId, String processInstanceId) {
    }

    record ItemPage(List<ItemView> items, long total, int page, int size) {
    }

    record CountsView(String key, long onTrack, long dueSoon, long overdue, long seriouslyOverdue, long paused,
                      long total) {
    }

    private final DeadlineItemQueries queries;
    private final DeadlineItemRepository items;
    private final DeadlineItems deadlineItems;
    private final CalendarCoverage coverage;
    private final SupervisionAccess access;
    private final StepReassignment reassignment;
    private final OpenOrderCounts orderCounts;
    private final Clock clock;

    SupervisionItemsController(DeadlineItemQueries queries, DeadlineItemRepository items, DeadlineItems deadlineItems,
                               CalendarCoverage coverage, SupervisionAccess access, StepReassignment reassignment,
                               OpenOrderCounts orderCounts, Clock clock) {
        this.coverage = coverage;
        this.access = access;
        this.reassignment = reassignment;
        this.orderCounts = orderCounts;
        this.queries = queries;
        this.items = items;
        this.deadlineItems = deadlineItems;
        this.clock = clock;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Open deadline items, filtered, sorted and paged (supervisors, admins; a head: its department's)")
    ItemPage list(@RequestParam(required = false) SlaState state, @RequestParam(required = false) String lifecycle,
                  @RequestParam(required = false) String county, @RequestParam(required = false) String department,
                  @RequestParam(required = false) Long enterpriseId,
                  @RequestParam(required = false) @Min(0) @Max(250) Integer minWorkingDaysOverdue,
                  @RequestParam(defaultValue = "DUE_AT") DeadlineItemQueries.Sort sort,
                  @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        DeadlineItemQueries.Filter filter = access.narrow(CurrentActor.get(), new DeadlineItemQueries.Filter(state,
                lifecycle, county, department, enterpriseId, minWorkingDaysOverdue));
        Instant now = clock.instant();
        DeadlineItemQueries.Page found = queries.page(filter, sort, page * size, size, now, LocalDate.now(clock));
        Map<Long, DeadlineItem> byId = items.findAllById(found.ids()).stream()
                .collect(Collectors.toMap(DeadlineItem::getId, Function.identity()));
        Map<Long, Long> openOrders = orderCounts.openOrders(found.ids());
        // an item closed between the two statements is left out, not an error
        List<ItemView> views = found.ids().stream().map(byId::get).filter(i -> i != null && i.isOpen())
                .map(i -> view(i, now, openOrders.getOrDefault(i.getId(), 0L))).toList();
        return new ItemPage(views, found.total(), page, size);
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "One deadline item, open or closed (supervisors, admins; a head: its department's)")
    ItemDetail item(@PathVariable Long id) {
        DeadlineItem item = access.visible(CurrentActor.get(), items.findById(id).orElse(null), id);
        return new ItemDetail(view(item, clock.instant(), orderCounts.openOrders(List.of(item.getId()))
                .getOrDefault(item.getId(), 0L)), item.getOpenedAt(), item.getClosedAt(), item.getCloseReason(),
                item.getTaskId(), item.getProcessInstanceId());
    }

    @PostMapping("/{id}/reassign")
    @Operation(summary = "Hand the item's step to a user of its groups or to another department, with a reason (supervisors, admins; a head: to a user of its department)")
    StepReassignment.Result reassign(@PathVariable Long id, @RequestBody StepReassignment.Request request) {
        return reassignment.reassign(CurrentActor.get(), id, request);
    }

    private ItemView view(DeadlineItem i, Instant now, long openOrders) {
        return new ItemView(i.getId(), i.getLifecycle(), i.getCaseRef(), i.getStepKey(), i.getStepName(),
                i.getResponsible(), i.getResponsibleKind(), i.getEnterpriseId(), i.getCounty(), i.getDueAt(),
                i.stateAt(now), i.isOpen() ? deadlineItems.remainingWorkingDays(i.getDueAt()) : 0,
                i.isOpen() && coverage.provisional(i), openOrders);
    }

    @GetMapping("/export")
    @Operation(summary = "Every open deadline item matching, as CSV or XLSX with Chinese headers (supervisors, admins; a head: its department's)")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "XLSX") ItemExport.Format format,
                                                 @RequestParam(required = false) SlaState state,
                                                 @RequestParam(required = false) String lifecycle,
                                                 @RequestParam(required = false) String county,
                                                 @RequestParam(required = false) String department,
                                                 @RequestParam(required = false) Long enterpriseId,
                                                 @RequestParam(required = false) @Min(0) @Max(250) Integer minWorkingDaysOverdue,
                                                 @RequestParam(defaultValue = "DUE_AT") DeadlineItemQueries.Sort sort) {
        DeadlineItemQueries.Filter filter = access.narrow(CurrentActor.get(), new DeadlineItemQueries.Filter(state,
                lifecycle, county, department, enterpriseId, minWorkingDaysOverdue));
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        ItemExport export = new ItemExport(clock.getZone(), row -> deadlineItems.remainingWorkingDays(row.dueAt()),
                row -> coverage.provisional(row.dueSoonFrom(), row.seriouslyOverdueFrom()));
        String name = "督办事项-" + today + "." + format.extension;
        StreamingResponseBody body = out -> export.write(format, each -> queries.forEach(filter, sort, now, today, each), out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping("/calendar-coverage")
    @Operation(summary = "Whether next year's holiday schedule is needed, and how many open deadlines are provisional (supervisors, admins)")
    CalendarCoverage.Status calendarCoverage() {
        access.requireSupervisor(CurrentActor.get());
        return coverage.status();
    }

    @GetMapping("/counts")
    @Operation(summary = "Open deadline items counted by SLA state, grouped by one dimension (supervisors, admins; a head: its department's)")
    List<CountsView> counts(@RequestParam(defaultValue = "STATE") DeadlineItemQueries.Dimension by,
                            @RequestParam(required = false) String lifecycle, @RequestParam(required = false) String county,
                            @RequestParam(required = false) String department,
                            @RequestParam(required = false) Long enterpriseId) {
        DeadlineItemQueries.Filter filter = access.narrow(CurrentActor.get(),
                new DeadlineItemQueries.Filter(null, lifecycle, county, department, enterpriseId, null));
        return queries.counts(by, filter, clock.instant(), LocalDate.now(clock)).stream()
                .map(c -> new CountsView(c.key(), c.onTrack(), c.dueSoon(), c.overdue(), c.seriouslyOverdue(), c.paused(),
                        c.total()))
                .toList();
    }
}
