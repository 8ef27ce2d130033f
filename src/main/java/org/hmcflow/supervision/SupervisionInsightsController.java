package org.hmcflow.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.user.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 督办趋势与我的筛选 — for supervisors and administrators (a department head: over its department's items): the
 * deadline items' weekly trends, and each user's saved filters with their live counts. Who may use these is decided
 * by {@link SupervisionAccess}.
 */
@RestController
@Validated
@RequestMapping("/api/supervision")
@Tag(name = "Supervision 督办", description = "Trends and saved filters")
class SupervisionInsightsController {

    /** A filter to save: a name unique among the owner's, and the same conditions as the item list's. */
    record FilterBody(@NotBlank @Size(max = 100) String name, @Size(max = 60) String lifecycle,
                      @Size(max = 60) String county, @Size(max = 100) String department, Long enterpriseId,
                      SlaState state, @Min(0) @Max(250) Integer minWorkingDaysOverdue) {

        DeadlineItemQueries.Filter filter() {
            return new DeadlineItemQueries.Filter(state, blankToNull(lifecycle), blankToNull(county),
                    blankToNull(department), enterpriseId, minWorkingDaysOverdue);
        }
    }

    record FilterView(Long id, String name, String lifecycle, String county, String department, Long enterpriseId,
                      SlaState state, Integer minWorkingDaysOverdue, long openItems) {
        static FilterView of(SavedFilters.Counted c) {
            DeadlineItemQueries.Filter f = c.filter().filter();
            return new FilterView(c.filter().getId(), c.filter().getName(), f.lifecycle(), f.county(), f.department(),
                    f.enterpriseId(), f.state(), f.minWorkingDaysOverdue(), c.openItems());
        }
    }

    private final SupervisionTrends trends;
    private final SavedFilters filters;
    private final SupervisionAccess access;
    private final Clock clock;

    SupervisionInsightsController(SupervisionTrends trends, SavedFilters filters, SupervisionAccess access, Clock clock) {
        this.trends = trends;
        this.access = access;
        this.filters = filters;
        this.clock = clock;
    }

    @GetMapping("/items/trends")
    @Transactional(readOnly = true)
    @Operation(summary = "Deadline items per ISO week: opened, closed on time, closed late, open and overdue at the "
            + "week's end (supervisors, admins; a head: its department's); three statements whatever the number of weeks")
    List<SupervisionTrends.Week> trends(@RequestParam(defaultValue = "12") @Min(1) @Max(104) int weeks,
                                        @RequestParam(required = false) String lifecycle,
                                        @RequestParam(required = false) String county,
                                        @RequestParam(required = false) String department) {
        DeadlineItemQueries.Filter narrowed = access.narrow(CurrentActor.get(),
                new DeadlineItemQueries.Filter(null, lifecycle, county, department, null, null));
        return trends.weekly(weeks, new SupervisionTrends.Filter(lifecycle, county, narrowed.department()), clock.instant(),
                clock.getZone());
    }

    @PostMapping("/filters")
    @Operation(summary = "Save a named filter (supervisors, admins; a head: its department's): 409 when the name is taken or 50 are saved")
    ResponseEntity<FilterView> save(@Valid @RequestBody FilterBody body) {
        Actor actor = requireSupervisor();
        SavedFilter saved = filters.save(actor, body.name(), access.narrow(actor, body.filter()));
        return ResponseEntity.created(URI.create("/api/supervision/filters/" + saved.getId()))
                .body(FilterView.of(filters.one(actor, saved.getId())));
    }

    @GetMapping("/filters")
    @Transactional(readOnly = true)
    @Operation(summary = "My saved filters, each with its live count of matching open items (one statement)")
    List<FilterView> list() {
        return filters.ofOwner(requireSupervisor()).stream().map(FilterView::of).toList();
    }

    @GetMapping("/filters/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "One of my saved filters with its live count (another's: 404)")
    FilterView one(@PathVariable Long id) {
        return FilterView.of(filters.one(requireSupervisor(), id));
    }

    @DeleteMapping("/filters/{id}")
    @Operation(summary = "Delete one of my saved filters (another's: 404); audited")
    ResponseEntity<Void> delete(@PathVariable Long id) {
        filters.delete(requireSupervisor(), id);
        return ResponseEntity.noContent().build();
    }

    /** Supervisors, administrators and department heads; a head's saved filters are narrowed to its department. */
    private Actor requireSupervisor() {
        Actor actor = CurrentActor.get();
        access.requireOverseer(actor);
        return actor;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
