package org.hmcflow.supervision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hmcflow.department.Department;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.user.Actor;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 督办看板 — the supervisors' page over the deadline items: a filter kept in the URL, the counts by SLA state,
 * lifecycle, department and county as charts with their numbers as tables, the filtered list with paging, sorting and
 * exports, the open supervision orders and the extension requests waiting for a decision. Who sees what is decided as
 * in the API ({@link SupervisionAccess}); the page uses the API's own statements, so it costs a fixed number of them.
 * An htmx request (the filter form, paging, sorting) gets only the results part.
 */
@Controller
@RequestMapping("/supervision")
class SupervisionDashboardController {

    static final int PAGE_SIZE = 20;
    static final int LIST_MAX = 50;
    static final int MAX_OVERDUE_DAYS = 250;
    /**
     * The lifecycles offered in the filter (the processes whose steps carry due dates); one not named here still shows
     * in the charts and the list, by its key until the ui bundle names it.
     */
    static final List<String> LIFECYCLES = List.of("hazard-lifecycle", "permit-application", "permit-renewal",
            "permit-change", "permit-cancellation", "permit-execution-report", "inspection", "enforcement",
            "multi-party-review", "supervision-order");
    /** What a return address back to the dashboard may hold: a query string of the filter, nothing else. */
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9=&%_.+\\-]{0,500}");

    private final DeadlineItemQueries queries;
    private final DeadlineItemRepository items;
    private final DeadlineItems deadlineItems;
    private final DeadlineExtensionRepository extensionRequests;
    private final DeadlineExtensions extensions;
    private final CalendarCoverage coverage;
    private final SupervisionAccess access;
    private final OpenOrderCounts orderCounts;
    private final OpenOrderList orderList;
    private final DepartmentService departments;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;

    SupervisionDashboardController(DeadlineItemQueries queries, DeadlineItemRepository items,
                                   DeadlineItems deadlineItems, DeadlineExtensionRepository extensionRequests,
                                   DeadlineExtensions extensions, CalendarCoverage coverage, SupervisionAccess access,
                                   OpenOrderCounts orderCounts, OpenOrderList orderList, DepartmentService departments,
                                   MessageSource messages, ObjectMapper json, Clock clock) {
        this.queries = queries;
        this.items = items;
        this.deadlineItems = deadlineItems;
        this.extensionRequests = extensionRequests;
        this.extensions = extensions;
        this.coverage = coverage;
        this.access = access;
        this.orderCounts = orderCounts;
        this.orderList = orderList;
        this.departments = departments;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** The filter as the form sent it (text, so a wrong value comes back to its field), and what it means. */
    record Form(String state, String lifecycle, String county, String department, String minWorkingDaysOverdue,
                String sort, int page) {

        /** The query string of this filter (without empty fields), optionally for another page or sort. */
        String query(Integer otherPage, String otherSort) {
            UriComponentsBuilder b = UriComponentsBuilder.newInstance();
            add(b, "state", state);
            add(b, "lifecycle", lifecycle);
            add(b, "county", county);
            add(b, "department", department);
            add(b, "minWorkingDaysOverdue", minWorkingDaysOverdue);
            String s = otherSort != null ? otherSort : sort;
            if (s != null && !"DUE_AT".equals(s)) {
                b.queryParam("sort", s);
            }
            int p = otherPage != null ? otherPage : page;
            if (p > 0) {
                b.queryParam("page", p);
            }
            String q = b.encode().build().getQuery();
            return q == null ? "" : q;
        }

        private static void add(UriComponentsBuilder b, String name, String value) {
            if (value != null && !value.isBlank()) {
                b.queryParam(name, value);
            }
        }
    }

    /** One chart: its id, a ui key for its title, the kind of chart and its rows (a group's counts by state). */
    record Chart(String id, String title, String kind, List<ChartRow> rows, String data) {
    }

    record ChartRow(String key, String label, long onTrack, long dueSoon, long overdue, long seriouslyOverdue,
                    long paused, long total) {
    }

    record Option(String value, String label, boolean selected) {
    }

    /** One item of the list, as the page shows it. */
    record Row(Long id, String lifecycle, String caseRef, String step, String responsible, String due, SlaState state,
               boolean late, long days, boolean provisional, long openOrders) {
    }

    record ExtensionRow(Long id, Long itemId, String lifecycle, String caseRef, String step, String responsible,
                        String county, int workingDays, String reason, String requestedBy, String requestedAt,
                        String oldDue, String requestedDue, boolean mayDecide) {
    }

    record OrderRow(Long id, Long itemId, String lifecycle, String caseRef, String step, String addressee,
                    String status, String due, boolean late, String issuedBy) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    String dashboard(@RequestParam(required = false) String state, @RequestParam(required = false) String lifecycle,
                     @RequestParam(required = false) String county, @RequestParam(required = false) String department,
                     @RequestParam(required = false) String minWorkingDaysOverdue,
                     @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
                     @RequestHeader(name = "HX-Request", required = false) String htmx,
                     @RequestHeader(name = "HX-History-Restore-Request", required = false) String restore,
                     Locale locale, Model model, HttpServletResponse response) {
        Actor actor = CurrentActor.get();
        access.requireOverseer(actor);
        Map<String, String> errors = new LinkedHashMap<>();
        SlaState stateValue = parseEnum(SlaState.class, state);
        DeadlineItemQueries.Sort sortValue = parseEnum(DeadlineItemQueries.Sort.class, sort);
        Integer minOverdue = null;
        if (minWorkingDaysOverdue != null && !minWorkingDaysOverdue.isBlank()) {
            try {
                minOverdue = Integer.valueOf(minWorkingDaysOverdue.strip());
            } catch (NumberFormatException e) {
                minOverdue = -1;
            }
            if (minOverdue < 0 || minOverdue > MAX_OVERDUE_DAYS) {
                errors.put("minWorkingDaysOverdue", messages.getMessage("hmc.validation.range",
                        new Object[] {0, MAX_OVERDUE_DAYS}, locale));
                minOverdue = null;
            }
        }
        int pageValue = parsePage(page);
        Form form = new Form(stateValue == null ? null : stateValue.name(), blankToNull(lifecycle), blankToNull(county),
                blankToNull(department), minWorkingDaysOverdue, sortValue == null ? null : sortValue.name(), pageValue);

        DeadlineItemQueries.Filter filter = access.narrow(actor, new DeadlineItemQueries.Filter(stateValue,
                form.lifecycle(), form.county(), form.department(), null, minOverdue));
        DeadlineItemQueries.Filter countFilter = new DeadlineItemQueries.Filter(null, filter.lifecycle(),
                filter.county(), filter.department(), null, null);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        boolean english = "en".equals(locale.getLanguage());
        Map<String, Department> departmentsByCode = departments.all().stream()
                .collect(Collectors.toMap(Department::getCode, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Labels labels = new Labels(departmentsByCode, english, locale);

        List<Chart> charts = new ArrayList<>();
        charts.add(chart("state", "ui.supervision.chart.state", "pie", DeadlineItemQueries.Dimension.STATE, countFilter,
                now, today, k -> messages.getMessage("ui.supervision.all", null, locale), locale));
        charts.add(chart("lifecycle", "ui.supervision.chart.lifecycle", "bar", DeadlineItemQueries.Dimension.LIFECYCLE,
                countFilter, now, today, labels::lifecycle, locale));
        charts.add(chart("department", "ui.supervision.chart.department", "bar",
                DeadlineItemQueries.Dimension.DEPARTMENT, countFilter, now, today, labels::responsible, locale));
        charts.add(chart("county", "ui.supervision.chart.county", "bar", DeadlineItemQueries.Dimension.COUNTY,
                countFilter, now, today, labels::county, locale));

        DeadlineItemQueries.Sort order = sortValue == null ? DeadlineItemQueries.Sort.DUE_AT : sortValue;
        DeadlineItemQueries.Page found = queries.page(filter, order, pageValue * PAGE_SIZE, PAGE_SIZE, now, today);
        Map<Long, DeadlineItem> byId = items.findAllById(found.ids()).stream()
                .collect(Collectors.toMap(DeadlineItem::getId, Function.identity()));
        Map<Long, Long> openOrders = orderCounts.openOrders(found.ids());
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(clock.getZone());
        // an item closed between the two statements is left out, not an error
        List<Row> rows = found.ids().stream().map(byId::get).filter(i -> i != null && i.isOpen()).map(i -> {
            SlaState s = i.stateAt(now);
            boolean late = s == SlaState.OVERDUE || s == SlaState.SERIOUSLY_OVERDUE;
            long remaining = deadlineItems.remainingWorkingDays(i.getDueAt());
            return new Row(i.getId(), labels.lifecycle(i.getLifecycle()), i.getCaseRef(),
                    i.getStepName() == null ? i.getStepKey() : i.getStepName(), labels.party(i),
                    when.format(i.getDueAt()), s, late, late ? Math.abs(remaining) : Math.max(remaining, 0),
                    coverage.provisional(i), openOrders.getOrDefault(i.getId(), 0L));
        }).toList();
        long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);

        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("query", form.query(null, null));
        model.addAttribute("charts", charts);
        model.addAttribute("rows", rows);
        model.addAttribute("total", found.total());
        model.addAttribute("pageNumber", pageValue + 1);
        model.addAttribute("pages", pages);
        model.addAttribute("previousQuery", pageValue > 0 ? form.query(pageValue - 1, null) : null);
        model.addAttribute("nextQuery", pageValue + 1 < pages ? form.query(pageValue + 1, null) : null);
        model.addAttribute("sortQueries", Arrays.stream(DeadlineItemQueries.Sort.values())
                .collect(Collectors.toMap(Enum::name, s -> form.query(0, s.name()))));
        model.addAttribute("sortOptions", options(Arrays.stream(DeadlineItemQueries.Sort.values()).map(Enum::name)
                .toList(), order.name(), v -> messages.getMessage("ui.supervision.sort." + v, null, locale)));
        model.addAttribute("exportQuery", exportQuery(form));
        model.addAttribute("mayIssueOrders", access.seesEverything(actor));
        model.addAttribute("head", !access.seesEverything(actor));
        model.addAttribute("stateOptions", options(Arrays.stream(SlaState.values()).map(Enum::name).toList(),
                form.state(), v -> messages.getMessage("ui.supervision.state." + v, null, locale)));
        model.addAttribute("lifecycleOptions", options(LIFECYCLES, form.lifecycle(), labels::lifecycle));
        model.addAttribute("countyOptions", options(departmentsByCode.values().stream()
                .filter(d -> d.getKind() == Department.Kind.GOVERNMENT && d.getCounty() != null)
                .map(Department::getCounty).distinct().toList(), form.county(), labels::county));
        List<String> departmentChoices = access.seesEverything(actor) ? List.copyOf(departmentsByCode.keySet())
                : List.of(actor.departmentCode());
        model.addAttribute("departmentOptions", options(departmentChoices, filter.department(), labels::responsible));

        if (htmx != null && restore == null) {
            response.setHeader("Vary", "HX-Request");
            return "supervision/dashboard :: results";
        }
        response.setHeader("Vary", "HX-Request");
        String headDepartment = access.seesEverything(actor) ? null : actor.departmentCode();
        List<ExtensionRow> waiting = new ArrayList<>();
        for (Object[] pair : extensionRequests.findWithItems(DeadlineExtension.Status.REQUESTED, headDepartment,
                PageRequest.of(0, LIST_MAX))) {
            DeadlineExtension e = (DeadlineExtension) pair[0];
            DeadlineItem i = (DeadlineItem) pair[1];
            waiting.add(new ExtensionRow(e.getId(), i.getId(), labels.lifecycle(i.getLifecycle()), i.getCaseRef(),
                    i.getStepName() == null ? i.getStepKey() : i.getStepName(), labels.party(i),
                    labels.county(i.getCounty()), e.getWorkingDays(), e.getReason(), e.getRequestedBy(),
                    when.format(e.getRequestedAt()), when.format(e.getOldDue()), when.format(e.getRequestedDue()),
                    i.isOpen() && access.mayDecideExtension(actor, i, e.getRequestedBy())));
        }
        model.addAttribute("extensions", waiting);
        model.addAttribute("orders", orderList.openOrders(actor, LIST_MAX).stream().map(o -> new OrderRow(o.id(),
                o.itemId(), labels.lifecycle(o.lifecycle()), o.caseRef(), o.step(),
                o.addresseeKind() == DeadlineItem.ResponsibleKind.DEPARTMENT ? labels.responsible(o.addressee())
                        : labels.party(o.addressee(), o.addresseeKind()),
                messages.getMessage("ui.supervision.order.status." + o.status(), null, o.status(), locale),
                when.format(o.dueAt()), o.dueAt().isBefore(now), o.issuedBy())).toList());
        return "supervision/dashboard";
    }

    /** 批准延期 — the step's deadline moves; back to the dashboard with the same filter. */
    @PostMapping("/extensions/{id}/grant")
    String grant(@PathVariable Long id, @RequestParam(required = false) String comment,
                 @RequestParam(required = false) String q, Locale locale, RedirectAttributes redirect) {
        try {
            extensions.grant(CurrentActor.get(), id, comment);
            redirect.addFlashAttribute("notice", messages.getMessage("ui.supervision.extension.granted",
                    new Object[] {id}, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("alert", messages.getMessage(e.getMessage(), e.args(), locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("decisionFor", id);
            redirect.addFlashAttribute("decisionError", message(e, locale));
            redirect.addFlashAttribute("decisionComment", comment);
        }
        return back(q, "extensions");
    }

    /** 不予批准 — needs a comment: without one, back with the error beside the comment field. */
    @PostMapping("/extensions/{id}/refuse")
    String refuse(@PathVariable Long id, @RequestParam(required = false) String comment,
                  @RequestParam(required = false) String q, Locale locale, RedirectAttributes redirect) {
        try {
            extensions.refuse(CurrentActor.get(), id, comment);
            redirect.addFlashAttribute("notice", messages.getMessage("ui.supervision.extension.refused",
                    new Object[] {id}, locale));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("alert", messages.getMessage(e.getMessage(), e.args(), locale));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("decisionFor", id);
            redirect.addFlashAttribute("decisionError", message(e, locale));
            redirect.addFlashAttribute("decisionComment", comment);
        }
        return back(q, "extensions");
    }

    /** The redirect back to the dashboard with the filter it came from (a query string only, never another site). */
    static String back(String query, String anchor) {
        String q = query == null || !QUERY.matcher(query).matches() ? "" : query;
        return "redirect:/supervision" + (q.isEmpty() ? "" : "?" + q) + "#" + anchor;
    }

    private String message(InvalidInputException e, Locale locale) {
        return e.problems().stream().map(p -> messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale))
                .collect(Collectors.joining("；"));
    }

    private Chart chart(String id, String title, String kind, DeadlineItemQueries.Dimension by,
                        DeadlineItemQueries.Filter filter, Instant now, LocalDate today,
                        Function<String, String> label, Locale locale) {
        List<ChartRow> rows = queries.counts(by, filter, now, today).stream()
                .map(c -> new ChartRow(c.key(), label.apply(c.key()), c.onTrack(), c.dueSoon(), c.overdue(),
                        c.seriouslyOverdue(), c.paused(), c.total()))
                .toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", kind);
        List<String> states = Arrays.stream(SlaState.values()).map(Enum::name).toList();
        data.put("states", states);
        data.put("stateLabels", states.stream().map(s -> messages.getMessage("ui.supervision.state." + s, null, locale))
                .toList());
        data.put("labels", rows.stream().map(ChartRow::label).toList());
        data.put("values", rows.stream().map(r -> List.of(r.onTrack(), r.dueSoon(), r.overdue(), r.seriouslyOverdue(),
                r.paused())).toList());
        data.put("empty", messages.getMessage("ui.supervision.chart.empty", null, locale));
        try {
            return new Chart(id, title, kind, rows, json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String exportQuery(Form form) {
        String q = new Form(form.state(), form.lifecycle(), form.county(), form.department(),
                form.minWorkingDaysOverdue() != null && form.minWorkingDaysOverdue().strip().matches("\\d{1,3}")
                        ? form.minWorkingDaysOverdue().strip() : null, form.sort(), 0).query(0, null);
        return q.isEmpty() ? "" : "&" + q;
    }

    private static List<Option> options(List<String> values, String selected, Function<String, String> label) {
        return values.stream().map(v -> new Option(v, label.apply(v), v.equals(selected))).toList();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value.strip())).findFirst()
                .orElse(null);
    }

    private static int parsePage(String page) {
        try {
            int p = page == null ? 0 : Integer.parseInt(page.strip());
            return Math.max(0, Math.min(p, 100_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The names the page shows for lifecycles, departments, counties and parties, in the page's language. */
    private final class Labels {
        private final Map<String, Department> departments;
        private final boolean english;
        private final Locale locale;

        Labels(Map<String, Department> departments, boolean english, Locale locale) {
            this.departments = departments;
            this.english = english;
            this.locale = locale;
        }

        String lifecycle(String key) {
            return key == null || key.isEmpty() ? none()
                    : messages.getMessage("ui.supervision.lifecycle." + key, null, key, locale);
        }

        String county(String county) {
            if (county == null || county.isEmpty()) {
                return none();
            }
            // the county governments' codes name the counties (gov-qingcheng → ui.supervision.county.qingcheng)
            String code = departments.values().stream().filter(d -> county.equals(d.getCounty())).map(Department::getCode)
                    .findFirst().orElse(null);
            return code == null ? county : messages.getMessage("ui.supervision.county." + code.replaceFirst("^gov-", ""),
                    null, county, locale);
        }

        /** A department code (or any other party's name) as the department's name. */
        String responsible(String code) {
            if (code == null || code.isEmpty()) {
                return none();
            }
            Department d = departments.get(code);
            if (d != null) {
                return english ? d.getNameEn() : d.getNameZh();
            }
            if (code.startsWith("enterprise-")) {
                return messages.getMessage("ui.supervision.party.enterprise", new Object[] {code.substring(11)}, code,
                        locale);
            }
            return code;
        }

        String party(DeadlineItem item) {
            return party(item.getResponsible(), item.getResponsibleKind());
        }

        String party(String name, DeadlineItem.ResponsibleKind kind) {
            return switch (kind) {
                case DEPARTMENT, ENTERPRISE -> responsible(name);
                case USER -> messages.getMessage("ui.supervision.party.user", new Object[] {name}, name, locale);
            };
        }

        private String none() {
            return messages.getMessage("ui.none", null, "—", locale);
        }
    }
}
