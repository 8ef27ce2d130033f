package org.hmcflow.permit.afterissue;

import static org.hmcflow.permit.afterissue.PermitLifecycleProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.permit.application.BarredApplicants;
import org.hmcflow.permit.application.PermitApplication;
import org.hmcflow.permit.application.PermitApplicationRepository;
import org.hmcflow.permit.application.PermitItem;
import org.hmcflow.permit.application.PermitProperties;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitHolder;
import org.hmcflow.permit.issued.PermitIssued;
import org.hmcflow.permit.issued.PermitRepository;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 许可证后续管理 — the permit after issue: its renewal watch (延续), changes (变更) and ending (注销/撤销/吊销). The one
 * entry for the web layer and for other capabilities. An enterprise sees only its own permits (another's is "not
 * found"); bureau steps are done by whoever the open task is offered to.
 */
@Service
public class PermitLifecycleService implements BarredApplicants {

    /** A change the enterprise files: new values (null = unchanged), when it took effect, what else changed. */
    public record ChangeRequest(String unitName, String address, String legalRepresentative, LocalDate effectiveOn,
                                List<String> otherChangedItems, List<Long> documentIds, String reason) {
    }

    /** A request (enterprise: 注销) or a bureau's proceeding (注销/撤销/吊销) to end a permit. */
    public record CancellationRequest(CancellationGround ground, String facts, BigDecimal penaltyYuan,
                                      LocalDate hearingNoticeOn) {
    }

    /** The permit as it stands, with everything that happened to it after issue. */
    public record Lifecycle(Permit permit, PermitHolder holder, LocalDate filingDue, List<PermitRenewal> renewals,
                            List<PermitChange> changes, List<PermitCancellation> cancellations,
                            Optional<PermitBar> bar, List<OpenTask> openTasks, List<AuditEvent> trail) {
    }

    private final PermitRepository permits;
    private final PermitApplicationRepository applications;
    private final PermitRenewalRepository renewals;
    private final PermitChangeRepository changes;
    private final PermitCancellationRepository cancellations;
    private final PermitBarRepository bars;
    private final PermitLifecycleWorkflow steps;
    private final Workflow workflow;
    private final DeadlineService deadlines;
    private final PermitProperties permitProperties;
    private final PermitLifecycleProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    PermitLifecycleService(PermitRepository permits, PermitApplicationRepository applications,
                           PermitRenewalRepository renewals, PermitChangeRepository changes,
                           PermitCancellationRepository cancellations, PermitBarRepository bars,
                           PermitLifecycleWorkflow steps, Workflow workflow, DeadlineService deadlines,
                           PermitProperties permitProperties, PermitLifecycleProperties properties, AuditTrail audit,
                           Clock clock) {
        this.permits = permits;
        this.applications = applications;
        this.renewals = renewals;
        this.changes = changes;
        this.cancellations = cancellations;
        this.bars = bars;
        this.steps = steps;
        this.workflow = workflow;
        this.deadlines = deadlines;
        this.permitProperties = permitProperties;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    // --- renewal watch -------------------------------------------------------------------------------------------------

    /**
     * Starts the renewal watch of a permit ({@code permit-renewal}, business key = permit id): reminders before expiry,
     * the renewal application and decision, or the lapse at expiry. Called when a permit is issued; an existing permit
     * can be put under watch the same way. A permit already watched, or no longer valid, is left alone.
     */
    @Transactional
    public void watchRenewal(Long permitId) {
        Permit permit = permits.findById(permitId).orElseThrow(() -> new NotFoundException("permit " + permitId));
        if (!permit.getStatus().isValid() || workflow.isRunning(RENEWAL_KEY, permitId)) {
            return;
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(VAR_PERMIT_ID, permitId);
        variables.put(VAR_PERMIT_NUMBER, permit.getPermitNumber());
        variables.put(VAR_ENTERPRISE_GROUP, Enterprise.groupOf(permit.getEnterpriseId()));
        variables.put(VAR_BUREAU_GROUP, permitProperties.bureauGroup());
        workflow.startAsApplication(RENEWAL_KEY, permitId, variables);
    }

    /** A new permit goes under renewal watch at once, in the transaction that issues it. */
    @EventListener
    @Order(PermitIssued.RENEWAL_WATCH)
    void on(PermitIssued event) {
        watchRenewal(event.permitId());
    }

    // --- reading -----------------------------------------------------------------------------------------------------

    /** A permit the actor may see; another enterprise's permit is "not found", not "forbidden". */
    @Transactional(readOnly = true)
    public Permit visible(Actor actor, Long permitId) {
        Permit permit = permits.findById(permitId).orElseThrow(() -> new NotFoundException("permit " + permitId));
        if (actor.is(Role.ENTERPRISE) && !permit.getEnterpriseId().equals(actor.enterpriseId())) {
            throw new NotFoundException("permit " + permitId);
        }
        return permit;
    }

    @Transactional(readOnly = true)
    public Lifecycle lifecycle(Actor actor, Long permitId) {
        Permit permit = visible(actor, permitId);
        permit.getReports().size();
        List<OpenTask> open = new ArrayList<>();
        workflow.runningInstance(RENEWAL_KEY, permitId).ifPresent(pi -> open.addAll(workflow.openTasks(pi)));
        List<PermitChange> changeList = changes.findByPermitIdOrderByIdAsc(permitId);
        for (PermitChange c : changeList) {
            if (c.getState() == PermitChange.State.FILED && c.getProcessInstanceId() != null) {
                open.addAll(workflow.openTasks(c.getProcessInstanceId()));
            }
        }
        List<PermitCancellation> cancellationList = cancellations.findByPermitIdOrderByIdAsc(permitId);
        for (PermitCancellation c : cancellationList) {
            if (c.getState() == PermitCancellation.State.PROPOSED && c.getProcessInstanceId() != null) {
                open.addAll(workflow.openTasks(c.getProcessInstanceId()));
            }
        }
        Optional<PermitBar> bar = bars.findByEnterpriseIdAndBarredUntilGreaterThanEqualOrderByBarredUntilDesc(
                permit.getEnterpriseId(), today()).stream().findFirst();
        return new Lifecycle(permit, holder(permit), steps.filingDue(permit.getValidUntil()),
                renewals.findByPermitIdOrderByIdAsc(permitId), changeList, cancellationList, bar, open,
                audit.trailOf(CASE_TYPE, permitId));
    }

    /** The holder as the permit states it now: the last approved change, else the application. */
    PermitHolder holder(Permit permit) {
        PermitApplication application = applications.findById(permit.getApplicationId()).orElseThrow();
        return PermitHolder.of(permit, application);
    }

    // --- renewal steps (the same as in Tasklist) ------------------------------------------------------------------------

    /** Does a step of the permit's renewal watch with the submitted values (see {@link #act}). */
    @Transactional
    public void actOnRenewal(Actor actor, Long permitId, String taskKey, Map<String, Object> values) {
        visible(actor, permitId);
        String instance = workflow.runningInstance(RENEWAL_KEY, permitId)
                .orElseThrow(() -> new ConflictException("hmc.error.permit-not-at-step", taskKey));
        act(actor, instance, taskKey, values);
    }

    // --- 变更 change ----------------------------------------------------------------------------------------------------

    /**
     * 变更 — the enterprise files a change of name, address or legal representative (Art 14). Filed more than 30 days
     * (permit.change.filing) after the change took effect it is taken, marked late (no article of the 条例 fines a late
     * change filing; the bureau may weigh it). A change of an Art 15 item needs a new application: refused, naming the
     * items, the article and the re-application route
     * ({@link org.hmcflow.permit.application.PermitApplicationService#reapply}). Every bad field is named and nothing
     * is stored.
     */
    @Transactional
    public PermitChange fileChange(Actor actor, Long permitId, ChangeRequest request) {
        Permit permit = ownPermit(actor, permitId);
        PermitHolder before = holder(permit);
        List<FieldProblem> problems = new ArrayList<>();
        String name = changed(request.unitName(), before.unitName(), "unitName", 200, problems);
        String address = changed(request.address(), before.address(), "address", 300, problems);
        String representative = changed(request.legalRepresentative(), before.legalRepresentative(),
                "legalRepresentative", 100, problems);
        if (request.effectiveOn() == null) {
            problems.add(new FieldProblem("effectiveOn", "hmc.validation.required"));
        } else if (request.effectiveOn().isAfter(today())) {
            problems.add(new FieldProblem("effectiveOn", "hmc.validation.not-future"));
        }
        List<String> reapply = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String code : request.otherChangedItems() == null ? List.<String>of() : request.otherChangedItems()) {
            try {
                PermitItem item = PermitItem.valueOf(code == null ? "" : code.strip());
                if (item.needsReapplication()) {
                    reapply.add(item.name());
                }
            } catch (IllegalArgumentException e) {
                unknown.add(code);
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(new FieldProblem("otherChangedItems", "hmc.validation.one-of", String.join(", ", PermitItem.names())));
        } else if (!reapply.isEmpty()) {
            // not a change: a new application replacing this permit (POST /api/permits/{id}/reapplication)
            problems.add(new FieldProblem("otherChangedItems", "hmc.validation.reapplication-route",
                    String.join(", ", reapply), PermitItem.REAPPLICATION_BASIS, "/api/permits/" + permitId + "/reapplication"));
        }
        if (name == null && address == null && representative == null && problems.stream()
                .noneMatch(p -> List.of("unitName", "address", "legalRepresentative").contains(p.field()))) {
            problems.add(new FieldProblem("unitName", "hmc.validation.change-nothing"));
        }
        if (request.documentIds() != null && request.documentIds().size() > 20) {
            problems.add(new FieldProblem("documentIds", "hmc.validation.too-many", 20));
        }
        if (request.reason() != null && request.reason().strip().length() > 2000) {
            problems.add(new FieldProblem("reason", "hmc.validation.too-long", 2000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireValid(permit);
        boolean open = changes.findByPermitIdOrderByIdAsc(permitId).stream().anyMatch(c -> c.getState() == PermitChange.State.FILED);
        if (open) {
            throw new ConflictException("hmc.error.permit-change-open");
        }
        LocalDate filingDue = LocalDate.ofInstant(deadlines.due(SLA_CHANGE_FILING,
                request.effectiveOn().atStartOfDay(clock.getZone()).toInstant()), clock.getZone());
        String documents = request.documentIds() == null || request.documentIds().isEmpty() ? null
                : String.join(",", request.documentIds().stream().map(String::valueOf).toList());
        PermitChange change = changes.save(new PermitChange(permitId, request.effectiveOn(), today(), actor.username(),
                filingDue, before, new PermitHolder(name, address, representative), documents,
                request.reason() == null || request.reason().isBlank() ? null : request.reason().strip()));
        Map<String, Object> auditChanges = new LinkedHashMap<>();
        auditChanges.put("changeId", change.getId());
        auditChanges.put("unitName", name);
        auditChanges.put("address", address);
        auditChanges.put("legalRepresentative", representative);
        auditChanges.put("effectiveOn", request.effectiveOn().toString());
        auditChanges.put("filingDue", filingDue.toString());
        auditChanges.put("late", change.isLate());
        audit.record(CASE_TYPE, permitId, "CHANGE_FILED", actor, change.getReason(), auditChanges);

        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(VAR_CHANGE_ID, change.getId());
        variables.put(VAR_PERMIT_ID, permitId);
        variables.put(VAR_PERMIT_NUMBER, permit.getPermitNumber());
        variables.put(VAR_ENTERPRISE_GROUP, Enterprise.groupOf(permit.getEnterpriseId()));
        variables.put(VAR_BUREAU_GROUP, permitProperties.bureauGroup());
        variables.put(VAR_CHANGE_LATE, change.isLate());
        variables.put(VAR_CHANGE_SUMMARY, summary(before, change));
        // started as the application: the API checked the actor; no user may start these processes from Tasklist
        change.started(workflow.startAsApplication(CHANGE_KEY, change.getId(), variables));
        return change;
    }

    /** The bureau decides a filed change (the Tasklist step {@code Task_ReviewChange}). */
    @Transactional
    public void actOnChange(Actor actor, Long permitId, Long changeId, Map<String, Object> values) {
        visible(actor, permitId);
        PermitChange change = changes.findById(changeId).filter(c -> c.getPermitId().equals(permitId))
                .orElseThrow(() -> new NotFoundException("permit change " + changeId));
        if (change.getState() != PermitChange.State.FILED) {
            throw new ConflictException("hmc.error.permit-not-at-step", TASK_REVIEW_CHANGE);
        }
        act(actor, change.getProcessInstanceId(), TASK_REVIEW_CHANGE, values);
    }

    // --- 注销 / 撤销 / 吊销 ----------------------------------------------------------------------------------------------

    /**
     * Starts ending a permit. An enterprise asks for 注销 on its own permit, on a ground of 行政许可法 Art 70 it may
     * invoke; the bureau's reviewer starts 注销, 撤销 (Art 40) or 吊销 (Art 41), with the fine within the article's range
     * (a setting). A supervisor/head approves in {@code permit-cancellation}.
     */
    @Transactional
    public PermitCancellation requestCancellation(Actor actor, Long permitId, CancellationRequest request) {
        Permit permit = visible(actor, permitId);
        boolean enterprise = actor.is(Role.ENTERPRISE);
        if (!enterprise && !(actor.isDepartmentStaff() && permitProperties.bureauGroup().equals(actor.departmentCode()))) {
            throw new ForbiddenException("hmc.error.bureau-step");
        }
        List<FieldProblem> problems = new ArrayList<>();
        CancellationGround ground = request.ground();
        if (ground == null) {
            problems.add(new FieldProblem("ground", "hmc.validation.required"));
        } else if (!ground.requestable() || (enterprise && !ground.enterpriseMayRequest())) {
            problems.add(new FieldProblem("ground", "hmc.validation.ground-not-yours", ground.name()));
        }
        String facts = request.facts() == null ? null : request.facts().strip();
        if (facts == null || facts.isEmpty()) {
            problems.add(new FieldProblem("facts", "hmc.validation.required"));
        } else if (facts.length() > 2000) {
            problems.add(new FieldProblem("facts", "hmc.validation.too-long", 2000));
        }
        PermitLifecycleProperties.PenaltyRange range = ground == null ? null : properties.penalties().get(ground);
        if (range != null) {
            if (request.penaltyYuan() == null) {
                problems.add(new FieldProblem("penaltyYuan", "hmc.validation.required"));
            } else if (!range.contains(request.penaltyYuan())) {
                problems.add(new FieldProblem("penaltyYuan", "hmc.validation.penalty-range", range.min().toPlainString(),
                        range.max().toPlainString(), range.source()));
            }
        } else if (request.penaltyYuan() != null && ground != null) {
            problems.add(new FieldProblem("penaltyYuan", "hmc.validation.no-penalty", ground.name()));
        }
        if (request.hearingNoticeOn() != null && (enterprise || request.hearingNoticeOn().isAfter(today()))) {
            problems.add(new FieldProblem("hearingNoticeOn", enterprise ? "hmc.validation.bureau-only" : "hmc.validation.not-future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireValid(permit);
        if (cancellations.findByPermitIdOrderByIdAsc(permitId).stream()
                .anyMatch(c -> c.getState() == PermitCancellation.State.PROPOSED)) {
            throw new ConflictException("hmc.error.permit-cancellation-open");
        }
        PermitCancellation cancellation = cancellations.save(new PermitCancellation(permitId, ground,
                request.penaltyYuan(), request.hearingNoticeOn(), facts, actor.username(), clock.instant()));
        Map<String, Object> auditChanges = new LinkedHashMap<>();
        auditChanges.put("cancellationId", cancellation.getId());
        auditChanges.put("kind", ground.kind().name());
        auditChanges.put("ground", ground.name());
        auditChanges.put("legalBasis", ground.legalBasis());
        auditChanges.put("penaltyYuan", request.penaltyYuan() == null ? null : request.penaltyYuan().toPlainString());
        auditChanges.put("hearingNoticeOn", request.hearingNoticeOn() == null ? null : request.hearingNoticeOn().toString());
        audit.record(CASE_TYPE, permitId, "CANCELLATION_PROPOSED", actor, facts, auditChanges);

        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(VAR_CANCELLATION_ID, cancellation.getId());
        variables.put(VAR_PERMIT_ID, permitId);
        variables.put(VAR_PERMIT_NUMBER, permit.getPermitNumber());
        variables.put(VAR_APPROVER_GROUP, properties.approverGroup());
        variables.put(VAR_BUREAU_GROUP, permitProperties.bureauGroup());
        variables.put(VAR_ENTERPRISE_GROUP, Enterprise.groupOf(permit.getEnterpriseId()));
        variables.put(VAR_CANCELLATION_KIND, ground.kind().name());
        variables.put(VAR_CANCELLATION_GROUND, ground.name());
        variables.put(VAR_LEGAL_BASIS, ground.legalBasis());
        variables.put(VAR_PENALTY_YUAN, request.penaltyYuan() == null ? "" : request.penaltyYuan().toPlainString());
        cancellation.started(workflow.startAsApplication(CANCELLATION_KEY, cancellation.getId(), variables));
        return cancellation;
    }

    /** The supervisor/head approves or rejects (the Tasklist step {@code Task_ApproveCancellation}). */
    @Transactional
    public void actOnCancellation(Actor actor, Long permitId, Long cancellationId, Map<String, Object> values) {
        visible(actor, permitId);
        PermitCancellation cancellation = cancellations.findById(cancellationId)
                .filter(c -> c.getPermitId().equals(permitId))
                .orElseThrow(() -> new NotFoundException("permit cancellation " + cancellationId));
        if (cancellation.getState() != PermitCancellation.State.PROPOSED) {
            throw new ConflictException("hmc.error.permit-not-at-step", TASK_APPROVE_CANCELLATION);
        }
        act(actor, cancellation.getProcessInstanceId(), TASK_APPROVE_CANCELLATION, values);
    }

    // --- 三年禁止 bar --------------------------------------------------------------------------------------------------

    /**
     * Refuses a new application by an enterprise barred after 撤销 (Art 40) or 吊销 (Art 41), naming the article and the
     * last barred day. Called when an application is filed
     * ({@link org.hmcflow.permit.application.PermitApplicationService#file}).
     */
    @Override
    @Transactional(readOnly = true)
    public void refuseIfBarred(Long enterpriseId) {
        bars.findByEnterpriseIdAndBarredUntilGreaterThanEqualOrderByBarredUntilDesc(enterpriseId, today()).stream()
                .findFirst().ifPresent(bar -> {
                    throw new ConflictException("hmc.error.permit-barred", bar.getLegalBasis(), bar.getBarredUntil().toString());
                });
    }

    // --- helpers -------------------------------------------------------------------------------------------------------

    private void act(Actor actor, String processInstanceId, String taskKey, Map<String, Object> values) {
        List<OpenTask> open = processInstanceId == null ? List.of()
                : workflow.openTasks(processInstanceId).stream().filter(t -> t.key().equals(taskKey)).toList();
        if (open.isEmpty()) {
            throw new ConflictException("hmc.error.permit-not-at-step", taskKey);
        }
        OpenTask task = open.stream().filter(t -> workflow.mayWork(actor, t)).findFirst()
                .orElseThrow(() -> new ForbiddenException("hmc.error.not-your-task"));
        workflow.complete(task.id(), values, actor);
    }

    private Permit ownPermit(Actor actor, Long permitId) {
        if (!actor.is(Role.ENTERPRISE) || actor.enterpriseId() == null) {
            throw new ForbiddenException("hmc.error.enterprises-only-permit-change");
        }
        return visible(actor, permitId);
    }

    private static void requireValid(Permit permit) {
        if (!permit.getStatus().isValid()) {
            throw new ConflictException("hmc.error.permit-not-valid", permit.getStatus().name());
        }
    }

    /** The new value if it differs from the current one, else null; too long is a problem. */
    private static String changed(String requested, String current, String field, int max, List<FieldProblem> problems) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        String value = requested.strip();
        if (value.length() > max) {
            problems.add(new FieldProblem(field, "hmc.validation.too-long", max));
            return null;
        }
        return value.equals(current) ? null : value;
    }

    private static String summary(PermitHolder before, PermitChange change) {
        List<String> lines = new ArrayList<>();
        if (change.getNewUnitName() != null) {
            lines.add("单位名称 Name: " + before.unitName() + " → " + change.getNewUnitName());
        }
        if (change.getNewAddress() != null) {
            lines.add("注册地址 Address: " + before.address() + " → " + change.getNewAddress());
        }
        if (change.getNewLegalRepresentative() != null) {
            lines.add("法定代表人 Legal representative: " + before.legalRepresentative() + " → "
                    + change.getNewLegalRepresentative());
        }
        lines.add("变更日期 Effective: " + change.getEffectiveOn() + (change.isLate() ? "（逾期申请 filed late）" : ""));
        return String.join("\n", lines);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
