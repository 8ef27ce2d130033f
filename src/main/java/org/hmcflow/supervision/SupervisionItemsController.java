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
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 督办台账 — the open deadline items of every lifecycle for supervisors and administrators: counts by SLA state and
 * one dimension, and the filtered, sorted, paged list with each item's open supervision orders. Each answer costs a
 * fixed number of statements.
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

    record ItemPage(List<ItemView> items, long total, int page, int size) {
    }

    record CountsView(String key, long onTrack, long dueSoon, long overdue, long seriouslyOverdue, long total) {
    }

    private final DeadlineItemQueries queries;
    private final DeadlineItemRepository items;
    private final DeadlineItems deadlineItems;
    private final CalendarCoverage coverage;
    private final OpenOrderCounts orderCounts;
    private final Clock clock;

    SupervisionItemsController(DeadlineItemQueries queries, DeadlineItemRepository items, DeadlineItems deadlineItems,
                               CalendarCoverage coverage, OpenOrderCounts orderCounts, Clock clock) {
        this.coverage = coverage;
        this.orderCounts = orderCounts;
        this.queries = queries;
        this.items = items;
        this.deadlineItems = deadlineItems;
        this.clock = clock;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Open deadline items, filtered, sorted and paged (supervisors, admins)")
    ItemPage list(@RequestParam(required = false) SlaState state, @RequestParam(required = false) String lifecycle,
                  @RequestParam(required = false) String county, @RequestParam(required = false) String department,
                  @RequestParam(required = false) Long enterpriseId,
                  @RequestParam(required = false) @Min(0) @Max(250) Integer minWorkingDaysOverdue,
                  @RequestParam(defaultValue = "DUE_AT") DeadlineItemQueries.Sort sort,
                  @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        requireSupervisor();
        Instant now = clock.instant();
        DeadlineItemQueries.Page found = queries.page(new DeadlineItemQueries.Filter(state, lifecycle, county, department,
                enterpriseId, minWorkingDaysOverdue), sort, page * size, size, now, LocalDate.now(clock));
        Map<Long, DeadlineItem> byId = items.findAllById(found.ids()).stream()
                .collect(Collectors.toMap(DeadlineItem::getId, Function.identity()));
        Map<Long, Long> openOrders = orderCounts.openOrders(found.ids());
        // an item closed between the two statements is left out, not an error
        List<ItemView> views = found.ids().stream().map(byId::get).filter(i -> i != null && i.isOpen())
                .map(i -> new ItemView(i.getId(), i.getLifecycle(), i.getCaseRef(), i.getStepKey(), i.getStepName(),
                        i.getResponsible(), i.getResponsibleKind(), i.getEnterpriseId(), i.getCounty(), i.getDueAt(),
                        i.stateAt(now), deadlineItems.remainingWorkingDays(i.getDueAt()), coverage.provisional(i),
                        openOrders.getOrDefault(i.getId(), 0L))).toList();
        return new ItemPage(views, found.total(), page, size);
    }

    @GetMapping("/export")
    @Operation(summary = "Every open deadline item matching, as CSV or XLSX with Chinese headers (supervisors, admins)")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "XLSX") ItemExport.Format format,
                                                 @RequestParam(required = false) SlaState state,
                                                 @RequestParam(required = false) String lifecycle,
                                                 @RequestParam(required = false) String county,
                                                 @RequestParam(required = false) String department,
                                                 @RequestParam(required = false) Long enterpriseId,
                                                 @RequestParam(required = false) @Min(0) @Max(250) Integer minWorkingDaysOverdue,
                                                 @RequestParam(defaultValue = "DUE_AT") DeadlineItemQueries.Sort sort) {
        requireSupervisor();
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        DeadlineItemQueries.Filter filter = new DeadlineItemQueries.Filter(state, lifecycle, county, department,
                enterpriseId, minWorkingDaysOverdue);
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
        requireSupervisor();
        return coverage.status();
    }

    @GetMapping("/counts")
    @Operation(summary = "Open deadline items counted by SLA state, grouped by one dimension (supervisors, admins)")
    List<CountsView> counts(@RequestParam(defaultValue = "STATE") DeadlineItemQueries.Dimension by,
                            @RequestParam(required = false) String lifecycle, @RequestParam(required = false) String county,
                            @RequestParam(required = false) String department,
                            @RequestParam(required = false) Long enterpriseId) {
        requireSupervisor();
        return queries.counts(by, new DeadlineItemQueries.Filter(null, lifecycle, county, department, enterpriseId, null),
                        clock.instant(), LocalDate.now(clock)).stream()
                .map(c -> new CountsView(c.key(), c.onTrack(), c.dueSoon(), c.overdue(), c.seriouslyOverdue(), c.total()))
                .toList();
    }

    private static void requireSupervisor() {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.SUPERVISOR) && !actor.is(Role.ADMIN)) {
            throw new ForbiddenException("hmc.error.supervisors-only");
        }
    }
}
