package org.hmcflow.supervision.order;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.supervision.DeadlineItem;
import org.hmcflow.supervision.DeadlineItems;
import org.hmcflow.supervision.SupervisionAccess;
import org.hmcflow.user.Actor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 下达督办令 — the dashboard's page to issue an order on one open item: addressee (the item's party by default),
 * working days (the rule's by default) and a comment, posted here and handed to {@link SupervisionOrderService#issue},
 * whose checks answer beside the fields. Lives beside the order service (this package depends on
 * {@code org.hmcflow.supervision}, not the other way round); supervisors and administrators only, as issuing is.
 */
@Controller
@RequestMapping("/supervision/items/{itemId}/order")
class SupervisionOrderPageController {

    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9=&%_.+\\-]{0,500}");

    private final SupervisionOrderService orders;
    private final DeadlineItems items;
    private final SupervisionAccess access;
    private final DepartmentService departments;
    private final MessageSource messages;
    private final Clock clock;

    SupervisionOrderPageController(SupervisionOrderService orders, DeadlineItems items, SupervisionAccess access,
                                   DepartmentService departments, MessageSource messages, Clock clock) {
        this.orders = orders;
        this.items = items;
        this.access = access;
        this.departments = departments;
        this.messages = messages;
        this.clock = clock;
    }

    /** The item the order is about, as the form's heading shows it. */
    record ItemSummary(Long id, String lifecycle, String caseRef, String step, String responsible, String due) {
    }

    @GetMapping
    String form(@PathVariable Long itemId, @RequestParam(required = false) String q, Locale locale, Model model) {
        DeadlineItem item = openItem(CurrentActor.get(), itemId);
        return page(model, item, locale, q, item.getResponsible(), "", "", Map.of());
    }

    @PostMapping
    String issue(@PathVariable Long itemId, @RequestParam(required = false) String addressee,
                 @RequestParam(required = false) String workingDays, @RequestParam(required = false) String comment,
                 @RequestParam(required = false) String q, Locale locale, Model model, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        DeadlineItem item = openItem(actor, itemId);
        Integer days = null;
        if (workingDays != null && !workingDays.isBlank()) {
            try {
                days = Integer.valueOf(workingDays.strip());
            } catch (NumberFormatException e) {
                days = -1; // out of range: the service names the field, with its range
            }
        }
        try {
            SupervisionOrder order = orders.issue(actor, itemId,
                    new SupervisionOrderService.IssueRequest(addressee, days, comment));
            redirect.addFlashAttribute("notice", messages.getMessage("ui.supervision.order.issued",
                    new Object[] {order.getId()}, locale));
            String back = q == null || !QUERY.matcher(q).matches() ? "" : q;
            return "redirect:/supervision" + (back.isEmpty() ? "" : "?" + back) + "#orders";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.merge(p.field(),
                    messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale), (a, b) -> a + "；" + b));
            return page(model, item, locale, q, addressee, workingDays, comment, errors);
        }
    }

    private DeadlineItem openItem(Actor actor, Long itemId) {
        access.requireSupervisor(actor);
        DeadlineItem item = items.find(itemId).orElseThrow(() -> new NotFoundException("deadline item " + itemId));
        if (!item.isOpen()) {
            throw new ConflictException("hmc.error.order.item-closed");
        }
        return item;
    }

    private String page(Model model, DeadlineItem item, Locale locale, String q, String addressee, String workingDays,
                        String comment, Map<String, String> errors) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(clock.getZone());
        boolean english = "en".equals(locale.getLanguage());
        String responsible = departments.find(item.getResponsible())
                .map(d -> english ? d.getNameEn() : d.getNameZh()).orElse(item.getResponsible());
        model.addAttribute("item", new ItemSummary(item.getId(),
                messages.getMessage("ui.supervision.lifecycle." + item.getLifecycle(), null, item.getLifecycle(), locale),
                item.getCaseRef(), item.getStepName() == null ? item.getStepKey() : item.getStepName(), responsible,
                when.format(item.getDueAt())));
        model.addAttribute("addressee", addressee);
        model.addAttribute("defaultAddressee", item.getResponsible());
        model.addAttribute("workingDays", workingDays);
        model.addAttribute("comment", comment);
        model.addAttribute("errors", errors);
        model.addAttribute("q", q == null || !QUERY.matcher(q).matches() ? "" : q);
        return "supervision/order";
    }
}
