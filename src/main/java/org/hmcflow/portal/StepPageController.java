package org.hmcflow.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.WorkingDayCalendar;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.Bilingual;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.shared.web.StepFiles;
import org.hmcflow.shared.web.StepFiles.FileSection;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.StepForms;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.supervision.SupervisionProperties;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 办理页 — one step's page: the step's form from {@code forms/} (rendered in the browser by the form-js viewer Tasklist
 * uses, submitted to {@code POST /api/tasks/{id}/complete}, checked by the step's own listener), the files it asks
 * for beside the form ({@link StepFiles}), and the case beside both: its due date in working days and its audit trail.
 * A step the user may not work is "not found".
 */
@Controller
class StepPageController {

    private static final int TRAIL_SHOWN = 50;

    private final Workflow workflow;
    private final StepForms forms;
    private final List<StepFiles> files;
    private final AuditTrail audit;
    private final SupervisionProperties supervision;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final ObjectMapper json;

    StepPageController(Workflow workflow, StepForms forms, List<StepFiles> files, AuditTrail audit,
                       SupervisionProperties supervision, WorkingDayCalendar calendar, Clock clock, ObjectMapper json) {
        this.workflow = workflow;
        this.forms = forms;
        this.files = files;
        this.audit = audit;
        this.supervision = supervision;
        this.calendar = calendar;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/tasks/{taskId}")
    String step(@PathVariable String taskId, @org.springframework.web.bind.annotation.RequestParam(required = false) String back,
                Model model, Locale locale) throws JsonProcessingException {
        Actor actor = CurrentActor.get();
        OpenTask step = visibleStep(taskId, actor);
        Optional<StepForms.StepForm> form = forms.of(taskId, actor);
        model.addAttribute("step", StepView.of(step, actor, locale, calendar, clock));
        model.addAttribute("formSchema", form.isPresent()
                ? json.writeValueAsString(Bilingual.form(form.get().schema(), locale)) : null);
        model.addAttribute("formData", form.isPresent() ? json.writeValueAsString(form.get().data()) : "{}");
        model.addAttribute("files", sectionOf(step, actor).orElse(null));
        model.addAttribute("trail", trailOf(step));
        model.addAttribute("back", backTo(back));
        return "step";
    }

    /** The file section alone, for the page to refresh after an upload (htmx). */
    @GetMapping("/tasks/{taskId}/files")
    String files(@PathVariable String taskId, Model model) {
        Actor actor = CurrentActor.get();
        OpenTask step = visibleStep(taskId, actor);
        model.addAttribute("step", StepView.of(step, actor, Locale.ROOT, calendar, clock));
        model.addAttribute("files", sectionOf(step, actor).orElse(null));
        return "files :: section";
    }

    /** Where "back" and a completed step return: the inbox page the user came from (only an inbox path of ours). */
    static String backTo(String back) {
        return back != null && back.matches("/inbox(\\?[\\w=&%.+\\-]*)?") ? back : "/inbox";
    }

    private OpenTask visibleStep(String taskId, Actor actor) {
        return workflow.step(taskId).filter(t -> workflow.mayWork(actor, t))
                .orElseThrow(() -> new NotFoundException("step " + taskId));
    }

    private Optional<FileSection> sectionOf(OpenTask step, Actor actor) {
        return files.stream().map(f -> f.sectionOf(step, actor)).flatMap(Optional::stream).findFirst();
    }

    /** The case's audit trail, newest first; empty for a lifecycle whose steps are not keyed by their case. */
    private List<AuditEvent> trailOf(OpenTask step) {
        if (step.businessKey() == null) {
            return List.of();
        }
        return supervision.auditCaseType(step.processKey())
                .map(type -> audit.trailOf(type, step.businessKey()))
                .map(trail -> {
                    List<AuditEvent> newestFirst = new java.util.ArrayList<>(trail);
                    java.util.Collections.reverse(newestFirst);
                    return newestFirst.stream().limit(TRAIL_SHOWN).toList();
                })
                .orElse(List.of());
    }

    /** The step as its page shows it: names in the page's language, due day and working days left or overdue. */
    record StepView(String id, String key, String name, String processKey, String caseId, String assignee,
                    boolean mine, boolean claimable, String due, Integer workingDaysLeft, Integer workingDaysOverdue) {

        static StepView of(OpenTask t, Actor actor, Locale locale, WorkingDayCalendar calendar, Clock clock) {
            ZoneId zone = clock.getZone();
            String due = null;
            Integer left = null;
            Integer overdue = null;
            if (t.due() != null) {
                due = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale).format(t.due().atZone(zone));
                LocalDate today = LocalDate.now(clock);
                LocalDate dueDay = t.due().atZone(zone).toLocalDate();
                if (t.due().isBefore(clock.instant())) {
                    overdue = Math.max(1, calendar.workingDaysBetween(dueDay, today));
                } else {
                    left = calendar.workingDaysBetween(today, dueDay);
                }
            }
            boolean mine = actor.username().equals(t.assignee());
            return new StepView(t.id(), t.key(), Bilingual.name(t.name() != null ? t.name() : t.key(), locale),
                    t.processKey(), t.businessKey(), t.assignee(), mine,
                    t.assignee() == null && actor.isDepartmentStaff(), due, left, overdue);
        }
    }
}
