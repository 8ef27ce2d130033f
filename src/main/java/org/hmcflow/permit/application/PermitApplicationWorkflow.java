package org.hmcflow.permit.application;

import static org.hmcflow.permit.application.PermitApplicationProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.calendar.StatutoryClock;
import org.hmcflow.department.Department;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.review.MultiPartyReviewProcess;
import org.hmcflow.review.Review;
import org.hmcflow.review.ReviewService;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.user.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of {@code permit-application} does to the application: checks the submitted values, records the
 * change with its audit row, keeps the statutory clock ledger, and hands the process the plain values its gateways
 * and timers need. Called from the completion listener and the service-task delegates, so a step done in Camunda
 * Tasklist and one done through our API follow the same rules.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PermitApplicationWorkflow {

    private static final Logger log = LoggerFactory.getLogger(PermitApplicationWorkflow.class);

    /** Writes a process variable (the execution the step runs in). */
    public interface Variables extends BiConsumer<String, Object> {
    }

    private static final int MAX_JOINT_DEPARTMENTS = 10;

    private final PermitApplicationRepository applications;
    private final CorrectionNoticeRepository notices;
    private final ClockPauseRepository pauses;
    private final ReviewService reviews;
    private final PermitAdmission admission;
    private final StatutoryLedger ledger;
    private final DepartmentService departments;
    private final DeadlineService deadlines;
    private final PermitProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    PermitApplicationWorkflow(PermitApplicationRepository applications, CorrectionNoticeRepository notices,
                              ClockPauseRepository pauses, ReviewService reviews,
                              PermitAdmission admission, StatutoryLedger ledger, DepartmentService departments,
                              DeadlineService deadlines, PermitProperties properties, AuditTrail audit, Clock clock) {
        this.applications = applications;
        this.notices = notices;
        this.pauses = pauses;
        this.reviews = reviews;
        this.admission = admission;
        this.ledger = ledger;
        this.departments = departments;
        this.deadlines = deadlines;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    // --- 受理 acceptance (Art 9) -------------------------------------------------------------------------------------

    /**
     * 受理 — accept, return once with the full list of what is missing (补正), or refuse with the reason. A second
     * return is refused: Art 9 allows one notice listing everything.
     */
    public void accept(Long applicationId, FormValues form, Actor actor, Variables vars) {
        String decision = form.choice(F_ACCEPTANCE_DECISION, List.of("ACCEPT", "RETURN", "REFUSE"));
        String comment = form.text(F_ACCEPTANCE_COMMENT, false, 2000);
        List<String> missing = new ArrayList<>();
        for (FormValues.Row row : form.rows(F_MISSING_ITEMS, "RETURN".equals(decision), MAX_MISSING_ITEMS)) {
            String item = row.values().text(C_MISSING_ITEM, true, 300);
            if (item != null) {
                missing.add(item);
            }
        }
        String reason = form.text(F_NOT_ACCEPTED_REASON, "REFUSE".equals(decision), 2000);
        PermitApplication application = application(applicationId);
        if ("RETURN".equals(decision) && application.getAcceptanceReturns() > 0) {
            form.reject(F_ACCEPTANCE_DECISION, "hmc.validation.returned-once");
        }
        form.check();

        Map<String, Object> changes = new LinkedHashMap<>();
        switch (decision) {
            case "ACCEPT" -> {
                application.accept(today(), false);
                changes.put("acceptedOn", application.getAcceptedOn().toString());
                changes.put("deemed", false);
                changes.put("state", application.getState().name());
                audit.record(CASE_TYPE, applicationId, "ACCEPTED", actor, comment, changes);
            }
            case "RETURN" -> {
                CorrectionNotice notice = notices.save(new CorrectionNotice(applicationId, CorrectionStage.ACCEPTANCE,
                        missing, today(), actor.username()));
                application.returnForCorrection();
                vars.accept(VAR_CORRECTION_ITEMS, String.join("\n", missing));
                changes.put("noticeId", notice.getId());
                changes.put("missingItems", missing);
                changes.put("state", application.getState().name());
                audit.record(CASE_TYPE, applicationId, "RETURNED_FOR_CORRECTION", actor, comment, changes);
            }
            default -> {
                application.notAccepted(reason);
                changes.put("reason", reason);
                changes.put("state", application.getState().name());
                audit.record(CASE_TYPE, applicationId, "NOT_ACCEPTED", actor, comment, changes);
            }
        }
    }

    /**
     * 视为受理 — the bureau did not act within the acceptance limit: the application counts as accepted on the day it
     * was received (Art 9), so the decision clock started that day.
     */
    public void deemAccepted(Long applicationId) {
        PermitApplication application = application(applicationId);
        if (application.getState() != ApplicationState.SUBMITTED) {
            throw new IllegalStateException("application " + applicationId + " is " + application.getState()
                    + ", not waiting for acceptance");
        }
        application.accept(application.getReceivedOn(), true);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("acceptedOn", application.getAcceptedOn().toString());
        changes.put("acceptanceDue", application.getAcceptanceDue().toString());
        changes.put("deemed", true);
        changes.put("state", application.getState().name());
        audit.record(CASE_TYPE, applicationId, "DEEMED_ACCEPTED", AuditTrail.SYSTEM, null, changes);
    }

    /** 补正 — the enterprise delivered what the acceptance notice listed; the application counts as received today. */
    public void resubmitCorrections(Long applicationId, FormValues form, Actor actor) {
        String statement = form.text(F_CORRECTION_STATEMENT, true, 2000);
        form.check();
        PermitApplication application = application(applicationId);
        CorrectionNotice notice = openNotice(applicationId, CorrectionStage.ACCEPTANCE);
        notice.resubmitted(today(), actor.username(), statement);
        application.resubmitted(today(), deadlines.due(PermitRules.SLA_ACCEPTANCE));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("noticeId", notice.getId());
        changes.put("receivedOn", application.getReceivedOn().toString());
        changes.put("acceptanceDue", application.getAcceptanceDue().toString());
        changes.put("state", application.getState().name());
        audit.record(CASE_TYPE, applicationId, "CORRECTIONS_RESUBMITTED", actor, statement, changes);
    }

    // --- 准入审查 admission ------------------------------------------------------------------------------------------

    /**
     * 准入审查 — the admission tables decide before technical review; verdict, category and the rules that fired go on
     * the application, into the audit trail and into the variables the reviewer's form shows. An admitted application
     * that needs a permit starts its statutory clock on the rule of its category (the shortest, 简化, while the table
     * knows no category: the reviewer sets it, and the bureau never counts on more time than it may have).
     */
    public void checkAdmission(Long applicationId, Variables vars) {
        PermitApplication application = application(applicationId);
        AdmissionDecision d = admission.decide(application.admissionFacts());
        String rule = d.category() == null ? PermitRules.SLA_DECISION_SIMPLIFIED : d.category().decisionSlaRule(false).orElse(null);
        application.admission(d, d.admitted() ? rule : null);
        vars.accept(VAR_ADMISSION_VERDICT, d.verdict().name());
        vars.accept(VAR_ADMISSION_RULE_CODE, d.ruleCode());
        vars.accept(VAR_ADMISSION_GROUNDS, d.grounds());
        vars.accept(VAR_PROPOSED_CATEGORY, d.category() == null ? "" : d.category().name());
        vars.accept(VAR_CATEGORY_GROUNDS, d.categoryGrounds());
        vars.accept(VAR_MANAGEMENT_CATEGORY, d.category() == null ? "" : d.category().name());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("verdict", d.verdict().name());
        changes.put("ruleCode", d.ruleCode());
        changes.put("grounds", d.grounds());
        changes.put("category", d.category() == null ? null : d.category().name());
        changes.put("categoryRuleCode", d.categoryRuleCode());
        changes.put("categoryGrounds", d.categoryGrounds());
        Optional<StatutoryClock> started = d.admitted() && d.category() != ManagementCategory.REGISTRATION
                ? ledger.apply(application, vars) : Optional.empty();
        started.ifPresent(c -> {
            changes.put("decisionRule", c.rule());
            changes.put("clockStartedOn", c.startedOn().toString());
            changes.put("decisionDue", c.dueDay().toString());
        });
        audit.record(CASE_TYPE, applicationId, "ADMISSION_CHECKED", AuditTrail.SYSTEM, null, changes);
    }

    /** 不予准入 — an admission rule refused the application: refused in writing, its grounds the rule's (Art 12). */
    public void refuseByAdmission(Long applicationId) {
        PermitApplication application = application(applicationId);
        application.decide("REFUSE", application.getAdmissionGrounds(), AuditTrail.SYSTEM.username(), clock.instant());
        ledger.close(application, true);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("ruleCode", application.getAdmissionRuleCode());
        changes.put("state", application.getState().name());
        audit.record(CASE_TYPE, applicationId, "REFUSED_BY_ADMISSION_RULE", AuditTrail.SYSTEM,
                application.getAdmissionGrounds(), changes);
    }

    /** 排污登记 — the category table puts the site under registration (Art 24): there is no permit to decide. */
    public void closeAsRegistrationOnly(Long applicationId) {
        PermitApplication application = application(applicationId);
        ledger.close(application, false);
        application.registrationOnly();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("categoryRuleCode", application.getProposedCategoryRuleCode());
        changes.put("state", application.getState().name());
        audit.record(CASE_TYPE, applicationId, "REGISTRATION_ONLY", AuditTrail.SYSTEM,
                application.getProposedCategoryGrounds(), changes);
    }

    // --- 技术审查 technical review ----------------------------------------------------------------------------------

    /**
     * 技术审查 — go on (with the category, whether the site is inspected and which departments review jointly), or ask
     * for corrections, which stops the statutory clock until they come.
     */
    public void technicalReview(Long applicationId, FormValues form, Actor actor, Variables vars) {
        String outcome = form.choice(F_REVIEW_OUTCOME, List.of("PROCEED", "REQUEST_CORRECTION"));
        String comment = form.text(F_REVIEW_COMMENT, true, 2000);
        boolean proceed = "PROCEED".equals(outcome);
        String categoryName = proceed ? form.choice(F_CATEGORY, List.of("KEY", "SIMPLIFIED")) : null;
        boolean siteInspection = form.bool(F_SITE_INSPECTION);
        List<String> joint = proceed ? jointDepartments(form) : List.of();
        List<String> items = proceed ? List.of() : correctionItems(form);
        PermitApplication application = application(applicationId);
        if (!proceed && openPause(applicationId).isPresent()) {
            form.reject(F_REVIEW_OUTCOME, "hmc.validation.clock-paused");
        }
        form.check();

        Map<String, Object> changes = new LinkedHashMap<>();
        if (!proceed) {
            CorrectionNotice notice = notices.save(new CorrectionNotice(applicationId, CorrectionStage.REVIEW, items,
                    today(), actor.username()));
            pauses.save(new ClockPause(applicationId, PauseReason.CORRECTION, today(), String.join("\n", items),
                    actor.username(), notice.getId()));
            application.moveTo(ApplicationState.REVIEW_CORRECTION);
            vars.accept(VAR_CORRECTION_ITEMS, String.join("\n", items));
            StatutoryClock c = ledger.apply(application, vars).orElseThrow();
            changes.put("noticeId", notice.getId());
            changes.put("missingItems", items);
            changes.put("state", application.getState().name());
            audit.record(CASE_TYPE, applicationId, "REVIEW_CORRECTION_REQUESTED", actor, comment, changes);
            audit.record(CASE_TYPE, applicationId, "CLOCK_PAUSED", actor, null, clockChanges(PauseReason.CORRECTION, c));
            return;
        }
        ManagementCategory category = ManagementCategory.valueOf(categoryName);
        String rule = category.decisionSlaRule(siteInspection).orElseThrow();
        application.reviewed(category, siteInspection, comment, rule);
        if (!joint.isEmpty()) {
            Review review = reviews.open(actor, new ReviewService.OpenRequest(CASE_TYPE, String.valueOf(applicationId),
                    application.getEnterpriseId(), properties.bureauGroup(), joint.stream()
                            .map(code -> ReviewService.PartyRequest.department(code, SLA_JOINT_REVIEW)).toList()));
            vars.accept(VAR_JOINT_REVIEW_ID, review.getId());
            changes.put("jointReviewId", review.getId());
        }
        application.moveTo(!joint.isEmpty() ? ApplicationState.JOINT_REVIEW
                : siteInspection ? ApplicationState.SITE_INSPECTION : ApplicationState.AWAITING_DECISION);
        vars.accept(VAR_MANAGEMENT_CATEGORY, category.name());
        vars.accept(VAR_SITE_INSPECTION, siteInspection);
        vars.accept(VAR_JOINT_REVIEW_NEEDED, !joint.isEmpty());
        StatutoryClock c = ledger.apply(application, vars).orElseThrow();
        changes.put("category", category.name());
        changes.put("categoryOverridden", category != application.getProposedCategory());
        changes.put("siteInspectionRequired", siteInspection);
        changes.put("jointDepartments", joint);
        changes.put("decisionRule", rule);
        changes.put("decisionDue", c.suspended() ? null : c.dueDay().toString());
        changes.put("remainingDays", c.remainingDays());
        changes.put("state", application.getState().name());
        audit.record(CASE_TYPE, applicationId, "TECHNICAL_REVIEWED", actor, comment, changes);
    }

    /** 审查补正 — the corrections the reviewer asked for came: the clock runs again from tomorrow. */
    public void resubmitReviewCorrections(Long applicationId, FormValues form, Actor actor, Variables vars) {
        String statement = form.text(F_CORRECTION_STATEMENT, true, 2000);
        form.check();
        PermitApplication application = application(applicationId);
        CorrectionNotice notice = openNotice(applicationId, CorrectionStage.REVIEW);
        notice.resubmitted(today(), actor.username(), statement);
        ClockPause pause = openPause(applicationId).filter(p -> p.getReason() == PauseReason.CORRECTION)
                .orElseThrow(() -> new IllegalStateException("application " + applicationId + " has no open correction pause"));
        pause.end(today(), actor.username());
        application.moveTo(ApplicationState.UNDER_REVIEW);
        StatutoryClock c = ledger.apply(application, vars).orElseThrow();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("noticeId", notice.getId());
        changes.put("state", application.getState().name());
        audit.record(CASE_TYPE, applicationId, "REVIEW_CORRECTIONS_RESUBMITTED", actor, statement, changes);
        Map<String, Object> resumed = clockChanges(PauseReason.CORRECTION, c);
        resumed.put("pausedFrom", pause.getStartedOn().toString());
        resumed.put("pausedUntil", pause.getEndedOn().toString());
        audit.record(CASE_TYPE, applicationId, "CLOCK_RESUMED", actor, null, resumed);
    }

    /**
     * Stops the clock for expert review or a hearing (行政许可法 Art 45); a correction pause is the process's own.
     *
     * @param vars where the process keeps the decision due date (the instance's variables)
     */
    void pauseClock(PermitApplication application, PauseReason reason, String note, Actor actor, Variables vars) {
        pauses.save(new ClockPause(application.getId(), reason, today(), note, actor.username(), null));
        StatutoryClock c = ledger.apply(application, vars).orElseThrow();
        audit.record(CASE_TYPE, application.getId(), "CLOCK_PAUSED", actor, note, clockChanges(reason, c));
    }

    /** Runs the clock again after expert review or a hearing; the due day moves by the days it stood still. */
    void resumeClock(PermitApplication application, ClockPause pause, String note, Actor actor, Variables vars) {
        pause.end(today(), actor.username());
        StatutoryClock c = ledger.apply(application, vars).orElseThrow();
        Map<String, Object> changes = clockChanges(pause.getReason(), c);
        changes.put("pausedFrom", pause.getStartedOn().toString());
        changes.put("pausedUntil", pause.getEndedOn().toString());
        audit.record(CASE_TYPE, application.getId(), "CLOCK_RESUMED", actor, note, changes);
    }

    // --- 会审, 现场核查, 决定 ------------------------------------------------------------------------------------------

    /**
     * 会审意见 — a participating department gave its opinion in the application's multi-party review (late if after its
     * due date); once every department has, the application moves on to the site inspection or the decision.
     */
    public void jointOpinionGiven(Long applicationId, String department, JointOpinion opinion, String comment,
                                  boolean late, Actor actor) {
        PermitApplication application = application(applicationId);
        boolean allGiven = jointReviews(applicationId).stream().noneMatch(JointReview::isPending);
        if (allGiven) {
            application.moveTo(application.isSiteInspectionRequired() ? ApplicationState.SITE_INSPECTION
                    : ApplicationState.AWAITING_DECISION);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("department", department);
        changes.put("opinion", opinion.name());
        changes.put("late", late);
        changes.put("state", application.getState().name());
        audit.record(CASE_TYPE, applicationId, "JOINT_OPINION_GIVEN", actor, comment, changes);
    }

    /** A participating department was reminded of its joint-review opinion. */
    public void jointReviewReminded(Long applicationId, String department) {
        audit.record(CASE_TYPE, applicationId, "REMINDER_SENT", AuditTrail.SYSTEM, null,
                Map.of("task", MultiPartyReviewProcess.TASK_GIVE_OPINION, "groups", List.of(department)));
    }

    /** A participating department let its joint-review due date pass; the review marked it late. */
    public void jointReviewOverdue(Long applicationId, String department, Instant dueAt) {
        audit.record(CASE_TYPE, applicationId, "JOINT_REVIEW_OVERDUE", AuditTrail.SYSTEM, null,
                Map.of("department", department, "dueAt", dueAt.toString()));
    }

    /** The participating departments' parts in the joint review, as its multi-party review keeps them. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<JointReview> jointReviews(Long applicationId) {
        return reviews.ofSubject(CASE_TYPE, String.valueOf(applicationId))
                .map(d -> d.parties().stream().filter(p -> p.getDepartmentCode() != null).map(JointReview::new).toList())
                .orElse(List.of());
    }

    /** The departments the technical review may name for the joint review: every department but the bureau. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Map<String, Object>> jointDepartmentOptions() {
        List<Map<String, Object>> options = new ArrayList<>();
        for (Department d : departments.all()) {
            if (!d.getCode().equals(properties.bureauGroup())) {
                Map<String, Object> option = new LinkedHashMap<>();
                option.put("label", d.getNameZh() + " / " + d.getNameEn());
                option.put("value", d.getCode());
                options.add(option);
            }
        }
        return options;
    }

    /** 现场核查 — the site inspection's date (not in the future, not before acceptance), result and findings. */
    public void inspectSite(Long applicationId, FormValues form, Actor actor) {
        LocalDate date = form.date(F_INSPECTION_DATE, true);
        String result = form.choice(F_INSPECTION_RESULT, List.of("CONFORMS", "NON_CONFORMING"));
        String findings = form.text(F_INSPECTION_FINDINGS, true, 4000);
        PermitApplication application = application(applicationId);
        if (date != null && (date.isAfter(today()) || date.isBefore(application.getAcceptedOn()))) {
            form.reject(F_INSPECTION_DATE, "hmc.validation.inspection-date");
        }
        form.check();
        application.inspected(date, result, findings);
        application.moveTo(ApplicationState.AWAITING_DECISION);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("inspectionDate", date.toString());
        changes.put("result", result);
        changes.put("state", application.getState().name());
        audit.record(CASE_TYPE, applicationId, "SITE_INSPECTED", actor, findings, changes);
    }

    /** 决定 — issue or refuse, in writing with the reasons (Art 12). Not while the clock is stopped. */
    public void decide(Long applicationId, FormValues form, Actor actor) {
        String decision = form.choice(F_DECISION, List.of("ISSUE", "REFUSE"));
        String comment = form.text(F_DECISION_COMMENT, true, 4000);
        PermitApplication application = application(applicationId);
        if (openPause(applicationId).isPresent()) {
            form.reject(F_DECISION, "hmc.validation.clock-paused");
        }
        form.check();
        Optional<StatutoryClock> c = ledger.reading(application);
        application.decide(decision, comment, actor.username(), clock.instant());
        ledger.close(application, true);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("decision", decision);
        changes.put("state", application.getState().name());
        c.ifPresent(r -> {
            changes.put("usedDays", r.usedDays());
            changes.put("remainingDays", r.remainingDays());
        });
        audit.record(CASE_TYPE, applicationId, "ISSUE".equals(decision) ? "DECIDED_TO_ISSUE" : "REFUSED", actor, comment,
                changes);
    }

    // --- deadlines ---------------------------------------------------------------------------------------------------

    /** A step's reminder went out. */
    public void reminded(Long applicationId, String taskKey, List<String> groups) {
        audit.record(CASE_TYPE, applicationId, DEADLINE_DECISION.equals(taskKey) ? "STATUTORY_REMINDER_SENT" : "REMINDER_SENT",
                AuditTrail.SYSTEM, null, Map.of("task", taskKey, "groups", groups));
    }

    /**
     * A deadline passed. The statutory one marks the application overdue (checked against the ledger, so a timer that
     * should have been held does not). A joint review's deadlines are the multi-party review's (see
     * {@link #jointReviewOverdue}).
     */
    public void escalated(Long applicationId, String taskKey, List<String> groups) {
        PermitApplication application = application(applicationId);
        if (DEADLINE_DECISION.equals(taskKey)) {
            Optional<StatutoryClock> c = ledger.reading(application);
            if (c.isEmpty() || c.get().suspended() || clock.instant().isBefore(c.get().due())) {
                log.warn("Statutory timer of permit application {} fired while its ledger says {}", applicationId, c);
                return;
            }
            application.markStatutoryOverdue();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("decisionRule", c.get().rule());
            changes.put("decisionDue", c.get().dueDay().toString());
            changes.put("statutoryOverdue", true);
            audit.record(CASE_TYPE, applicationId, "STATUTORY_DEADLINE_PASSED", AuditTrail.SYSTEM, null, changes);
            return;
        }
        audit.record(CASE_TYPE, applicationId, "OVERDUE_ESCALATED", AuditTrail.SYSTEM, null,
                Map.of("task", taskKey, "groups", groups));
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    /** The joint review's departments, one row each: known, not the bureau itself, each once. */
    private List<String> jointDepartments(FormValues form) {
        Set<String> codes = new LinkedHashSet<>();
        for (FormValues.Row row : form.rows(F_JOINT_DEPARTMENTS, false, MAX_JOINT_DEPARTMENTS)) {
            String code = row.values().text(C_DEPARTMENT, true, 40);
            if (code == null) {
                continue;
            }
            if (!departments.exists(code) || code.equals(properties.bureauGroup())) {
                row.values().reject(C_DEPARTMENT, "hmc.validation.joint-departments", code);
            } else if (!codes.add(code)) {
                row.values().reject(C_DEPARTMENT, "hmc.validation.review.duplicate-party");
            }
        }
        return List.copyOf(codes);
    }

    /** What the review asks to be corrected, one row each. */
    private static List<String> correctionItems(FormValues form) {
        List<String> items = new ArrayList<>();
        for (FormValues.Row row : form.rows(F_REVIEW_CORRECTION_ITEMS, true, 50)) {
            String item = row.values().text(C_ITEM, true, 300);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private Map<String, Object> clockChanges(PauseReason reason, StatutoryClock c) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("reason", reason.name());
        changes.put("legalBasis", reason.legalBasis());
        changes.put("usedDays", c.usedDays());
        changes.put("remainingDays", c.remainingDays());
        changes.put("decisionDue", c.dueDay() == null ? null : c.dueDay().toString());
        return changes;
    }

    Optional<ClockPause> openPause(Long applicationId) {
        return pauses.findByApplicationIdOrderByIdAsc(applicationId).stream().filter(ClockPause::isOpen).findFirst();
    }

    private CorrectionNotice openNotice(Long applicationId, CorrectionStage stage) {
        return notices.findByApplicationIdOrderByIdAsc(applicationId).stream()
                .filter(n -> n.getStage() == stage && n.isOpen()).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("application " + applicationId + " has no open " + stage + " notice"));
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private PermitApplication application(Long id) {
        return applications.findById(id).orElseThrow(() -> new IllegalStateException("permit application " + id + " missing"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
