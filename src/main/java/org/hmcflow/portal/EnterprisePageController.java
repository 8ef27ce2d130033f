package org.hmcflow.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hmcflow.calendar.WorkingDayCalendar;
import org.hmcflow.enforcement.EnforcementService;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.hazard.HazardState;
import org.hmcflow.inspection.InspectionCaseService;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitService;
import org.hmcflow.selfinspection.SelfInspectionService;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 我的企业 — an enterprise user's own page: its registration, permits with their validity and next execution report,
 * open hazards, the inspections and enforcement cases it may see, the self-inspection calendar, and its open steps
 * with due dates in working days. Everything is read through the capabilities' own services, which show an
 * enterprise only its own records; other roles are refused.
 */
@Controller
class EnterprisePageController {

    /** Hazards no longer waiting on anyone: dismissed, closed out (its re-check aside) or archived. */
    static final Set<HazardState> CLOSED_HAZARDS = EnumSet.of(HazardState.DISMISSED, HazardState.CLOSED_OUT,
            HazardState.ARCHIVED);
    static final int SHOWN = 50;

    private final EnterpriseService enterprises;
    private final PermitService permits;
    private final HazardService hazards;
    private final InspectionCaseService inspections;
    private final EnforcementService enforcement;
    private final SelfInspectionService selfInspections;
    private final Workflow workflow;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    EnterprisePageController(EnterpriseService enterprises, PermitService permits, HazardService hazards,
                             InspectionCaseService inspections, EnforcementService enforcement,
                             SelfInspectionService selfInspections, Workflow workflow, WorkingDayCalendar calendar,
                             Clock clock) {
        this.enterprises = enterprises;
        this.permits = permits;
        this.hazards = hazards;
        this.inspections = inspections;
        this.enforcement = enforcement;
        this.selfInspections = selfInspections;
        this.workflow = workflow;
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/enterprise")
    String enterprise(Model model, Locale locale) {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.ENTERPRISE) || actor.enterpriseId() == null) {
            throw new ForbiddenException("hmc.error.enterprises-only-page");
        }
        Enterprise enterprise = enterprises.find(actor.enterpriseId())
                .orElseThrow(() -> new NotFoundException("enterprise " + actor.enterpriseId()));
        LocalDate today = LocalDate.now(clock);
        List<PermitRow> permitRows = permits.list(actor).stream().map(d -> PermitRow.of(d.permit(), today)).toList();
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("address", permitRows.stream().map(PermitRow::address).filter(a -> a != null && !a.isBlank())
                .findFirst().orElse(null));
        model.addAttribute("permits", permitRows);
        model.addAttribute("hazards", hazards.list(actor, new HazardService.Filter(null, null, null, null, null), 0, 200)
                .stream().filter(h -> !CLOSED_HAZARDS.contains(h.getState())).limit(SHOWN).toList());
        model.addAttribute("inspections", inspections.list(actor,
                new InspectionCaseService.Filter(null, null, null, null), 0, SHOWN).getContent());
        model.addAttribute("cases", enforcement.list(actor).stream().limit(SHOWN).toList());
        model.addAttribute("schedule", selfInspections.schedule(actor));
        model.addAttribute("steps", workflow.inbox(actor, null, null, Workflow.InboxOrder.DUE, 0, SHOWN).tasks().stream()
                .map(t -> StepPageController.StepView.of(t, actor, locale, calendar, clock)).toList());
        model.addAttribute("newSelfInspection", "/self-inspections/new");
        return "enterprise";
    }

    /**
     * A permit as the page lists it: number, validity, status, and the next execution report of its schedule whose
     * due day is today or later (null when none is left).
     */
    record PermitRow(Long id, String number, String category, LocalDate validFrom, LocalDate validUntil, String status,
                     String address, String nextReportPeriod, String nextReportKind, LocalDate nextReportDue) {

        static PermitRow of(Permit p, LocalDate today) {
            Permit.ReportDue next = p.getReports().stream().filter(r -> !r.getDueOn().isBefore(today))
                    .min(Comparator.comparing(Permit.ReportDue::getDueOn)).orElse(null);
            return new PermitRow(p.getId(), p.getPermitNumber(),
                    p.getManagementCategory() == null ? null : p.getManagementCategory().name(), p.getValidFrom(),
                    p.getValidUntil(), p.getStatus().name(), p.getHolderAddress(),
                    next == null ? null : next.getPeriod(), next == null ? null : next.getKind().name(),
                    next == null ? null : next.getDueOn());
        }
    }

}
