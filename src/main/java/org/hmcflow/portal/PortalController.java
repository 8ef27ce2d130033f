package org.hmcflow.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.shared.security.ContinueTarget;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page and the home page (首页): who I am, my open steps, recent hazards, where to go next. */
@Controller
class PortalController {

    static final String TASKLIST = "/camunda/app/tasklist/default/";
    static final String COCKPIT = "/camunda/app/cockpit/default/";
    static final String ADMIN = "/camunda/app/admin/default/";
    static final String API_DOCS = "/swagger-ui.html";

    /** The accounts {@code org.hmcflow.demo.DemoData} creates; their descriptions are in the ui bundle. */
    static final List<String> DEMO_ACCOUNTS = List.of("admin", "reviewer", "reviewer2", "supervisor", "enterprise",
            "enterprise2");

    private static final int TASKS_SHOWN = 20;
    private static final int HAZARDS_SHOWN = 10;
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Workflow workflow;
    private final HazardService hazards;
    private final DepartmentService departments;
    private final EnterpriseService enterprises;
    private final Clock clock;
    private final boolean demoEnabled;
    /** The keycloak profile: no password form here, sign-in happens at Keycloak. */
    private final boolean singleSignOn;

    PortalController(Workflow workflow, HazardService hazards, DepartmentService departments,
                     EnterpriseService enterprises, Clock clock,
                     @Value("${hmc.demo.enabled:false}") boolean demoEnabled, Environment environment) {
        this.workflow = workflow;
        this.hazards = hazards;
        this.departments = departments;
        this.enterprises = enterprises;
        this.clock = clock;
        this.demoEnabled = demoEnabled;
        this.singleSignOn = environment.acceptsProfiles(Profiles.of("keycloak"));
    }

    /**
     * The login page; {@code ?continue=<path>} (the portal's script and htmx send a user here when the session ended
     * under a page) is carried by the form to the login, if it is a path of this application ({@link ContinueTarget}).
     */
    @GetMapping("/login")
    String login(Model model, @RequestParam(name = ContinueTarget.PARAMETER, required = false) String continueTo) {
        Optional<String> target = ContinueTarget.of(continueTo);
        if (CurrentActor.find().isPresent()) {
            return "redirect:" + target.orElse("/");
        }
        model.addAttribute("continueTo", target.orElse(null));
        model.addAttribute("singleSignOn", singleSignOn);
        model.addAttribute("demoAccounts", demoEnabled && !singleSignOn ? DEMO_ACCOUNTS : List.of());
        return "login";
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
        Actor actor = CurrentActor.get();
        Instant now = clock.instant();

        List<TaskRow> tasks = workflow.tasksFor(actor, 0, TASKS_SHOWN).stream()
                .map(t -> TaskRow.of(t, now, clock)).toList();
        List<HazardRow> recent = hazards.list(actor, new HazardService.Filter(null, null, null, null, null), 0,
                HAZARDS_SHOWN).stream().map(HazardRow::of).toList();

        model.addAttribute("actor", actor);
        String organisation = organisationOf(actor, locale);
        // An enterprise account is usually named after its enterprise: say it once.
        model.addAttribute("organisation", actor.displayName().equals(organisation) ? null : organisation);
        model.addAttribute("tasks", tasks);
        model.addAttribute("hazards", recent);
        model.addAttribute("links", Links.forRole(actor.role()));
        return "home";
    }

    /** The department's name in the page's language, or the enterprise's registered name. */
    private String organisationOf(Actor actor, Locale locale) {
        if (actor.enterpriseId() != null) {
            return enterprises.find(actor.enterpriseId()).map(Enterprise::getName).orElse(null);
        }
        if (actor.departmentCode() != null) {
            return departments.find(actor.departmentCode())
                    .map(d -> "en".equals(locale.getLanguage()) ? d.getNameEn() : d.getNameZh())
                    .orElse(actor.departmentCode());
        }
        return null;
    }

    /** Which Camunda webapps a role may use; the engine's own authorizations still decide what it sees there. */
    record Links(String tasklist, String cockpit, String admin, String apiDocs) {
        static Links forRole(Role role) {
            boolean operates = role == Role.ADMIN || role == Role.SUPERVISOR;
            return new Links(TASKLIST, operates ? COCKPIT : null, role == Role.ADMIN ? ADMIN : null, API_DOCS);
        }
    }

    /** One open step, as the home page shows it; it opens on the step's own page (TaskPageController). */
    record TaskRow(String id, String name, String processKey, String businessKey, String due, boolean overdue,
                   String url) {
        static TaskRow of(OpenTask t, Instant now, Clock clock) {
            String due = t.due() == null ? null : DUE.format(t.due().atZone(clock.getZone()));
            boolean overdue = t.due() != null && t.due().isBefore(now);
            return new TaskRow(t.id(), t.name() != null ? t.name() : t.key(), t.processKey(), t.businessKey(), due,
                    overdue, "/tasks/" + t.id());
        }
    }

    /** One hazard case, as the home page shows it. */
    record HazardRow(Long id, String reference, String title, String state, String grade, LocalDate rectificationDue,
                     boolean overdue, boolean supervised) {
        static HazardRow of(Hazard h) {
            // The case's own flag, as the API reports it: the deadline rules decide what counts as late.
            return new HazardRow(h.getId(), h.getReference(), h.getTitle(), h.getState().name(),
                    h.getGrade() == null ? null : h.getGrade().name(), h.getRectificationDue(), h.isOverdue(),
                    h.isSupervised());
        }
    }
}
