package org.hmcflow.permit.application;

import static org.hmcflow.permit.application.PermitApplicationProcess.*;

import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.calendar.StatutoryClock;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.review.ReviewService;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 排污许可申领 — the permit application's one entry for the web layer and for other capabilities. */
@Service
public class PermitApplicationService {

    /** Filters of the list; null means any. An enterprise user always sees its own applications only. */
    public record Filter(ApplicationState state, Long enterpriseId) {
    }

    /** Everything about one application an allowed reader may see. */
    public record Details(PermitApplication application, Optional<StatutoryClock> clock, List<ClockPause> pauses,
                          List<CorrectionNotice> corrections, List<JointReview> jointReviews,
                          Optional<PermitApi.PermitView> permit,
                          List<OpenTask> openTasks) {
    }

    /** The states in which the statutory clock runs and may be stopped for expert review or a hearing. */
    private static final Set<ApplicationState> UNDER_STATUTORY_CLOCK = EnumSet.of(ApplicationState.UNDER_REVIEW,
            ApplicationState.JOINT_REVIEW, ApplicationState.SITE_INSPECTION, ApplicationState.AWAITING_DECISION);

    private final PermitApplicationRepository applications;
    private final CorrectionNoticeRepository notices;
    private final ClockPauseRepository pauses;
    private final ReviewService reviews;
    private final IssuedPermits permits;
    private final PermitApplicationWorkflow steps;
    private final StatutoryLedger ledger;
    private final EnterpriseService enterprises;
    private final Workflow workflow;
    private final DeadlineService deadlines;
    private final PermitProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final BarredApplicants bars;

    PermitApplicationService(PermitApplicationRepository applications, CorrectionNoticeRepository notices,
                             ClockPauseRepository pauses, ReviewService reviews, IssuedPermits permits,
                             PermitApplicationWorkflow steps, StatutoryLedger ledger, EnterpriseService enterprises,
                             Workflow workflow, DeadlineService deadlines, PermitProperties properties, AuditTrail audit,
                             Clock clock, BarredApplicants bars) {
        this.applications = applications;
        this.notices = notices;
        this.pauses = pauses;
        this.reviews = reviews;
        this.permits = permits;
        this.steps = steps;
        this.ledger = ledger;
        this.enterprises = enterprises;
        this.workflow = workflow;
        this.deadlines = deadlines;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.bars = bars;
    }

    /**
     * Files an application for the actor's enterprise and starts its process; the application, its audit row and the
     * process start together. Received today: the acceptance limit (Art 9) runs from today.
     *
     * @throws ForbiddenException    the actor is not an enterprise user
     * @throws InvalidInputException the contents break a rule; every bad field is named and nothing is stored
     */
    @Transactional
    public PermitApplication file(Actor actor, ApplicationContents contents) {
        return file(actor, contents, null);
    }

    /** The states in which an application is finished: no permit will come of it, or it came. */
    private static final Set<ApplicationState> FINISHED = EnumSet.of(ApplicationState.NOT_ACCEPTED,
            ApplicationState.REGISTRATION_ONLY, ApplicationState.ISSUED, ApplicationState.REFUSED);

    /**
     * 重新申请 — the starting point of a re-application for the holder's permit: the contents of the application the
     * permit was issued on, as they stand, so the enterprise edits only what changed (nothing is retyped).
     */
    @Transactional(readOnly = true)
    public ApplicationContents reapplicationDraft(Actor actor, Long permitId) {
        ownEnterprise(actor);
        IssuedPermits.PermitRef permit = permits.permit(actor, permitId);
        return applications.findById(permit.applicationId()).orElseThrow().toContents();
    }

    /**
     * 重新申请 — a change of an Art 15 item (排污许可管理条例: outlets, pollutants, quantities, concentrations, site,
     * discharge mode or destination, expansion) needs a new permit, not a change (变更). The holder files a new
     * application with its edited contents (start from {@link #reapplicationDraft}), naming the Art 15 items that
     * changed; it is filed, checked and processed like any application and names the permit it replaces. When its
     * permit is issued the old one is cancelled (注销, ground {@code REPLACED_BY_NEW_PERMIT}).
     * The permit must be valid and have no other re-application under way.
     *
     * @throws InvalidInputException bad items or contents (contents under {@code application.}); nothing stored
     */
    @Transactional
    public PermitApplication reapply(Actor actor, Long permitId, ApplicationContents contents, List<String> changedItems,
                                     String reason) {
        Enterprise enterprise = ownEnterprise(actor);
        IssuedPermits.PermitRef permit = permits.permit(actor, permitId);
        List<FieldProblem> problems = new ArrayList<>();
        List<String> items = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String code : changedItems == null ? List.<String>of() : changedItems) {
            try {
                PermitItem item = PermitItem.valueOf(code == null ? "" : code.strip());
                if (item.needsReapplication() && !items.contains(item.name())) {
                    items.add(item.name());
                }
            } catch (IllegalArgumentException e) {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(new FieldProblem("changedItems", "hmc.validation.one-of", String.join(", ", PermitItem.names())));
        } else if (items.isEmpty()) {
            problems.add(new FieldProblem("changedItems", "hmc.validation.reapplication-not-needed",
                    String.join(", ", java.util.Arrays.stream(PermitItem.values()).filter(PermitItem::needsReapplication)
                            .map(Enum::name).toList()), PermitItem.REAPPLICATION_BASIS));
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 2000) {
            problems.add(new FieldProblem("reason", "hmc.validation.too-long", 2000));
        }
        if (contents == null) {
            problems.add(new FieldProblem("application", "hmc.validation.required"));
        } else {
            ApplicationRules.check(contents, enterprise.getUscc()).forEach(p ->
                    problems.add(new FieldProblem("application." + p.field(), p.messageKey(), p.args())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!permit.valid()) {
            throw new ConflictException("hmc.error.permit-not-valid", permit.status());
        }
        if (applications.findByReplacesPermitIdOrderByIdAsc(permitId).stream()
                .anyMatch(a -> !FINISHED.contains(a.getState()))) {
            throw new ConflictException("hmc.error.permit-reapplication-open");
        }
        PermitApplication application = file(actor, contents, permitId);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("applicationId", application.getId());
        changes.put("reference", application.getReference());
        changes.put("changedItems", items);
        changes.put("legalBasis", PermitItem.REAPPLICATION_BASIS);
        audit.record(IssuedPermits.CASE_TYPE, permitId, "REAPPLICATION_FILED", actor, why, changes);
        return application;
    }

    private PermitApplication file(Actor actor, ApplicationContents contents, Long replacesPermitId) {
        Enterprise enterprise = ownEnterprise(actor);
        check(contents, enterprise, replacesPermitId == null ? "" : "application.");
        PermitApplication application = record(actor, enterprise, contents, replacesPermitId, "API");
        application.started(workflow.start(KEY, application.getId(), startVariables(application, enterprise), actor));
        return application;
    }

    /**
     * 在 Tasklist 填报 — the enterprise files its application with the start form of {@code permit-application} in
     * Camunda Tasklist (form {@code permit-application-filing}); called while that process instance starts. The form's
     * values are read and checked like the API's (every problem named by the form's field and row, nothing stored),
     * then the application and its audit row are stored as a filing through the API would store them.
     *
     * @param formValues        what the form sent, by field key
     * @param processInstanceId the instance being started for it
     * @return the variables the instance runs with (ids and plain values; the form's values are not kept in it)
     * @throws ForbiddenException    the actor is not an enterprise user
     * @throws InvalidInputException the form's values break a rule
     * @throws ConflictException     the enterprise is barred from applying (撤销/吊销 within three years)
     */
    @Transactional
    public Map<String, Object> fileFromStartForm(Actor actor, Function<String, Object> formValues,
                                                 String processInstanceId) {
        Enterprise enterprise = ownEnterprise(actor);
        ApplicationForm.Reading form = ApplicationForm.read(formValues);
        List<FieldProblem> problems = new ArrayList<>(form.problems());
        Set<String> named = new HashSet<>(problems.stream().map(FieldProblem::field).toList());
        for (FieldProblem p : ApplicationRules.check(form.contents(), enterprise.getUscc())) {
            FieldProblem inForm = form.inFormTerms(p);
            if (named.add(inForm.field())) { // a cell that is no number is not also "required"
                problems.add(inForm);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PermitApplication application = record(actor, enterprise, form.contents(), null, "TASKLIST");
        application.started(processInstanceId);
        return startVariables(application, enterprise);
    }

    /** Stores a checked application and its FILED audit row; received today, so the acceptance limit runs from today. */
    private PermitApplication record(Actor actor, Enterprise enterprise, ApplicationContents contents,
                                     Long replacesPermitId, String channel) {
        // 撤销 (Art 40) / 吊销 (Art 41): no new application for three years — refused when filing, with the article
        bars.refuseIfBarred(enterprise.getId());
        PermitApplication application = applications.save(new PermitApplication(enterprise.getId(),
                enterprise.getIndustry(), enterprise.isKeyControlArea(), contents, today(),
                deadlines.due(PermitRules.SLA_ACCEPTANCE), actor.username(), clock.instant()));
        if (replacesPermitId != null) {
            application.replaces(replacesPermitId);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("state", application.getState().name());
        if (replacesPermitId != null) {
            changes.put("replacesPermitId", replacesPermitId);
        }
        changes.put("enterpriseId", enterprise.getId());
        changes.put("uscc", application.getUscc());
        changes.put("siteAddress", application.getSiteAddress());
        changes.put("projectType", application.getProjectType().name());
        changes.put("outlets", application.getOutlets().stream().map(ApplicationContents.Outlet::code).toList());
        changes.put("receivedOn", application.getReceivedOn().toString());
        changes.put("acceptanceDue", application.getAcceptanceDue().toString());
        changes.put("channel", channel);
        audit.record(CASE_TYPE, application.getId(), "FILED", actor, null, changes);
        return application;
    }

    /** The variables {@code permit-application} starts with: ids and plain values only. */
    private Map<String, Object> startVariables(PermitApplication application, Enterprise enterprise) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(VAR_APPLICATION_ID, application.getId());
        variables.put(VAR_REFERENCE, application.getReference());
        variables.put(VAR_UNIT_NAME, application.getUnitName());
        variables.put(VAR_ENTERPRISE_ID, enterprise.getId());
        variables.put(VAR_ENTERPRISE_GROUP, enterprise.candidateGroup());
        variables.put(VAR_BUREAU_GROUP, properties.bureauGroup());
        variables.put(VAR_RECEIVED_ON, application.getReceivedOn().toString());
        return variables;
    }

    /**
     * 补正 — the enterprise resubmits its corrected application at the open correction step (at acceptance or during
     * review): the corrected contents replace the filed ones and the step is done with the enterprise's statement.
     * Contents and step are written together or not at all. A problem in the contents is named under
     * {@code application.} (as the request nests them), one in the statement as {@code correctionStatement}.
     */
    @Transactional
    public void resubmit(Actor actor, Long id, ApplicationContents contents, String statement) {
        Enterprise enterprise = ownEnterprise(actor);
        PermitApplication application = visible(actor, id);
        OpenTask task = openTask(application, CORRECTION_TASKS).orElseThrow(() -> notAtStep(application));
        if (!workflow.mayWork(actor, task)) {
            throw new ForbiddenException("hmc.error.not-your-task");
        }
        check(contents, enterprise, "application.");
        application.contents(contents);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("outlets", application.getOutlets().stream().map(ApplicationContents.Outlet::code).toList());
        changes.put("documents", application.getDocuments().size());
        changes.put("facilities", application.getFacilities().size());
        audit.record(CASE_TYPE, id, "CONTENTS_CORRECTED", actor, null, changes);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(F_CORRECTION_STATEMENT, statement);
        workflow.complete(task.id(), values, actor);
    }

    /** An application the actor may see; another enterprise's application is "not found", not "forbidden". */
    @Transactional(readOnly = true)
    public PermitApplication visible(Actor actor, Long id) {
        PermitApplication application = applications.findById(id)
                .orElseThrow(() -> new NotFoundException("permit application " + id));
        if (actor.is(Role.ENTERPRISE) && !application.getEnterpriseId().equals(actor.enterpriseId())) {
            throw new NotFoundException("permit application " + id);
        }
        return application;
    }

    /** The application with its ledger (and today's reading of the clock), notices, joint reviews, permit and steps. */
    @Transactional(readOnly = true)
    public Details details(Actor actor, Long id) {
        PermitApplication application = visible(actor, id);
        application.getOutlets(); // loads the lines while the session is open
        application.getFacilities();
        application.getDocuments();
        Optional<PermitApi.PermitView> permit = permits.ofApplication(id);
        return new Details(application, ledger.reading(application), pauses.findByApplicationIdOrderByIdAsc(id),
                notices.findByApplicationIdOrderByIdAsc(id), steps.jointReviews(id), permit,
                application.getProcessInstanceId() == null ? List.of() : workflow.openTasks(application.getProcessInstanceId()));
    }

    /** The statutory clock of an application as it stands today, if it has started. */
    @Transactional(readOnly = true)
    public Optional<StatutoryClock> clockOf(PermitApplication application) {
        return ledger.reading(application);
    }

    @Transactional(readOnly = true)
    public Page<PermitApplication> list(Actor actor, Filter filter, int page, int size) {
        Long enterpriseId = actor.is(Role.ENTERPRISE) ? actor.enterpriseId() : filter.enterpriseId();
        Specification<PermitApplication> spec = (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (enterpriseId != null) {
                p.add(cb.equal(root.get("enterpriseId"), enterpriseId));
            }
            if (filter.state() != null) {
                p.add(cb.equal(root.get("state"), filter.state()));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        return applications.findAll(spec, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> trail(Actor actor, Long id) {
        return audit.trailOf(CASE_TYPE, visible(actor, id).getId());
    }

    /**
     * Does the step {@code taskKey} with the submitted values: the application must be at that step (409 otherwise)
     * and the step must be offered to the actor's department or enterprise (403 otherwise). Of a joint review, the
     * actor does its own department's part. The completion listener checks the values and records the change.
     */
    @Transactional
    public void act(Actor actor, Long id, String taskKey, Map<String, Object> values) {
        PermitApplication application = visible(actor, id);
        List<OpenTask> open = application.getProcessInstanceId() == null ? List.of()
                : workflow.openTasks(application.getProcessInstanceId()).stream().filter(t -> t.key().equals(taskKey)).toList();
        if (open.isEmpty()) {
            throw notAtStep(application);
        }
        OpenTask task = open.stream().filter(t -> workflow.mayWork(actor, t)).findFirst()
                .orElseThrow(() -> new ForbiddenException("hmc.error.not-your-task"));
        workflow.complete(task.id(), values, actor);
    }

    /**
     * 会审意见 — the actor's department's opinion in the application's joint review, given through the review's step
     * (its listener checks the values and records them, on the review and on the application). 409 unless the
     * application is in joint review; 403 unless the actor's department is a party that still owes its opinion.
     */
    @Transactional
    public void giveJointOpinion(Actor actor, Long id, Map<String, Object> values) {
        PermitApplication application = visible(actor, id);
        if (application.getState() != ApplicationState.JOINT_REVIEW) {
            throw notAtStep(application);
        }
        Long reviewId = reviews.ofSubject(CASE_TYPE, String.valueOf(id)).map(d -> d.review().getId())
                .orElseThrow(() -> notAtStep(application));
        try {
            reviews.giveOpinion(actor, reviewId, null, values);
        } catch (NotFoundException e) {
            throw new ForbiddenException("hmc.error.not-your-task");
        }
    }

    /**
     * Stops the statutory clock for expert review or a hearing (行政许可法 Art 45). Only the deciding bureau's staff,
     * only while the clock runs, and one stop at a time; a correction stop is the process's own.
     */
    @Transactional
    public ClockPause pauseClock(Actor actor, Long id, PauseReason reason, String note) {
        PermitApplication application = visible(actor, id);
        requireBureau(actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (reason == null) {
            problems.add(new FieldProblem("reason", "hmc.validation.required"));
        } else if (reason == PauseReason.CORRECTION) {
            problems.add(new FieldProblem("reason", "hmc.validation.pause-reason"));
        }
        if (note == null || note.isBlank()) {
            problems.add(new FieldProblem("note", "hmc.validation.required"));
        } else if (note.strip().length() > 2000) {
            problems.add(new FieldProblem("note", "hmc.validation.too-long", 2000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!UNDER_STATUTORY_CLOCK.contains(application.getState())) {
            throw new ConflictException("hmc.error.clock-not-running", application.getState().name());
        }
        if (steps.openPause(id).isPresent()) {
            throw new ConflictException("hmc.error.clock-already-paused");
        }
        steps.pauseClock(application, reason, note.strip(), actor, processVariables(application));
        return steps.openPause(id).orElseThrow();
    }

    /** Runs the statutory clock again after expert review or a hearing. */
    @Transactional
    public ClockPause resumeClock(Actor actor, Long id, String note) {
        PermitApplication application = visible(actor, id);
        requireBureau(actor);
        if (note != null && note.strip().length() > 2000) {
            throw InvalidInputException.of("note", "hmc.validation.too-long", 2000);
        }
        ClockPause pause = steps.openPause(id).orElseThrow(() -> new ConflictException("hmc.error.clock-not-paused"));
        if (pause.getReason() == PauseReason.CORRECTION) {
            throw new ConflictException("hmc.error.clock-paused-for-correction");
        }
        steps.resumeClock(application, pause, note == null || note.isBlank() ? null : note.strip(), actor,
                processVariables(application));
        return pause;
    }

    private PermitApplicationWorkflow.Variables processVariables(PermitApplication application) {
        return (name, value) -> workflow.setVariable(application.getProcessInstanceId(), name, value);
    }

    private void requireBureau(Actor actor) {
        if (!actor.isDepartmentStaff() || !properties.bureauGroup().equals(actor.departmentCode())) {
            throw new ForbiddenException("hmc.error.bureau-step");
        }
    }

    private Enterprise ownEnterprise(Actor actor) {
        if (!actor.is(Role.ENTERPRISE) || actor.enterpriseId() == null) {
            throw new ForbiddenException("hmc.error.enterprises-only-permit");
        }
        return enterprises.requireRegistered(actor.enterpriseId()); // 409 naming uscc while its USCC awaits completion
    }

    private static void check(ApplicationContents contents, Enterprise enterprise, String prefix) {
        List<FieldProblem> problems = ApplicationRules.check(contents, enterprise.getUscc());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new FieldProblem(prefix + p.field(), p.messageKey(), p.args())).toList());
        }
    }

    private Optional<OpenTask> openTask(PermitApplication application, List<String> keys) {
        if (application.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        return workflow.openTasks(application.getProcessInstanceId()).stream().filter(t -> keys.contains(t.key())).findFirst();
    }

    private static ConflictException notAtStep(PermitApplication application) {
        return new ConflictException("hmc.error.not-at-step", application.getState().name());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
