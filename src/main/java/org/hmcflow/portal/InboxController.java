package org.hmcflow.portal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hmcflow.calendar.WorkingDayCalendar;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.shared.workflow.Workflow.InboxOrder;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 待办箱 — the steps a user may work: those offered to its department or enterprise, and those it holds. Filters by
 * lifecycle with live counts, a search in the step's name and case id, sorting and paging — all in the URL, so opening
 * a step and coming back (the step page's back link and its completion return here) keeps them. htmx swaps only the
 * list when a filter changes; without script the form reloads the page.
 */
@Controller
class InboxController {

    static final int PAGE_SIZE = 20;

    private final Workflow workflow;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    InboxController(Workflow workflow, WorkingDayCalendar calendar, Clock clock) {
        this.workflow = workflow;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(required = false) String process, @RequestParam(required = false) String q,
                 @RequestParam(defaultValue = "DUE") String sort, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(required = false) String done,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale,
                 jakarta.servlet.http.HttpServletResponse response) {
        Actor actor = CurrentActor.get();
        List<String> keys = workflow.processKeys();
        String processKey = process != null && keys.contains(process) ? process : null;
        InboxOrder order = parse(sort);
        int pageNo = Math.max(0, page);
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && search.length() > 100) {
            search = search.substring(0, 100);
        }
        Workflow.InboxPage inbox = workflow.inbox(actor, processKey, search, order, pageNo * PAGE_SIZE, PAGE_SIZE);
        Map<String, Long> counts = workflow.inboxCounts(actor, keys);
        String here = UriComponentsBuilder.fromPath("/inbox").queryParamIfPresent("process", java.util.Optional.ofNullable(processKey))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(search))
                .queryParam("sort", order.name()).queryParam("page", pageNo).build().encode().toUriString();

        model.addAttribute("rows", inbox.tasks().stream()
                .map(t -> StepPageController.StepView.of(t, actor, locale, calendar, clock)).toList());
        model.addAttribute("total", inbox.total());
        model.addAttribute("counts", counts);
        model.addAttribute("allCount", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("process", processKey);
        model.addAttribute("q", search);
        model.addAttribute("sort", order.name());
        model.addAttribute("page", pageNo);
        model.addAttribute("pages", (inbox.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("here", here);
        model.addAttribute("done", done);
        model.addAttribute("htmx", htmx != null);
        if (htmx != null) {
            // the address bar shows the same canonical URL that steps link back to
            response.setHeader("HX-Push-Url", here);
            return "inbox :: results";
        }
        return "inbox";
    }

    private static InboxOrder parse(String sort) {
        try {
            return InboxOrder.valueOf(sort);
        } catch (IllegalArgumentException e) {
            return InboxOrder.DUE;
        }
    }
}
