package org.hmcflow.inspection;

import static org.hmcflow.inspection.InspectionProcess.*;

import jakarta.persistence.criteria.Predicate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.hazard.HazardState;
import org.hmcflow.permit.issued.PermitService;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.shared.web.UploadTypes;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 监督检查 — the inspection lifecycle's one entry for the web layer and other capabilities: starts inspections (for a
 * drawn plan, or ad hoc), shows them to those who may see them, does a step, takes evidence, and lists the published
 * results (一公开).
 */
@Service
public class InspectionCaseService {

    /** An ad hoc inspection (e.g. after a complaint): one enterprise, at least two inspectors from the register. */
    public record AdHoc(Long enterpriseId, List<Long> inspectorIds, String reason, Boolean samplingRequired) {
    }

    /**
     * 有目的的检查 — an inspection for a case of another lifecycle: {@code origin} is that lifecycle's type (e.g.
     * {@code RELOCATION}, A–Z 0–9 _), {@code originRef} its case id or reference; {@code purpose} picks the checklist
     * ({@code production-stopped} → {@code inspection-purpose-production-stopped.yaml}; null: the industry list).
     * When the inspection ends, {@link InspectionClosed} carries origin, reference and result back.
     */
    public record ForCase(Long enterpriseId, String origin, String originRef, String purpose, List<Long> inspectorIds,
                          String reason, Boolean samplingRequired) {
    }

    /** Filters of the staff list; null means any. */
    public record Filter(InspectionState state, Long enterpriseId, Long planId, Boolean overdue) {
    }

    /** What the inspectors read before going: the industry checklist, the permit limits, the open hazards. */
    public record Preparation(Inspection inspection, Enterprise enterprise, InspectionChecklists.Checklist checklist,
                              List<PermitService.PermitLimit> permitLimits, List<Hazard> openHazards,
                              List<Inspector> inspectors) {
    }

    /** A published result (一公开): nothing personal. */
    public record PublicResult(Long inspectionId, String enterpriseName, String county, LocalDate inspectedOn,
                               String result) {
    }

    private static final Set<HazardState> HAZARD_DONE = EnumSet.of(HazardState.DISMISSED, HazardState.CLOSED_OUT,
            HazardState.ARCHIVED);

    private final InspectionRepository inspections;
    private final InspectionEvidenceRepository evidence;
    private final DrawnInspectionRepository drawn;
    private final InspectionService plans;
    private final InspectorRepository inspectors;
    private final InspectionChecklists checklists;
    private final InspectionWorkflow steps;
    private final EnterpriseService enterprises;
    private final HazardService hazards;
    private final PermitService permits;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final Clock clock;
    private final Set<String> allowedUploadTypes;
    private final String monitoringGroup;

    InspectionCaseService(InspectionRepository inspections, InspectionEvidenceRepository evidence,
                          DrawnInspectionRepository drawn, InspectionService plans, InspectorRepository inspectors,
                          InspectionChecklists checklists, InspectionWorkflow steps, EnterpriseService enterprises,
                          HazardService hazards, PermitService permits, Workflow workflow, AuditTrail audit,
                          Clock clock, @Value("${hmc.uploads.allowed-types}") Set<String> allowedUploadTypes,
                          @Value("${hmc.inspection.monitoring-group:city-monitoring}") String monitoringGroup) {
        this.inspections = inspections;
        this.evidence = evidence;
        this.drawn = drawn;
        this.plans = plans;
        this.inspectors = inspectors;
        this.checklists = checklists;
        this.steps = steps;
        this.enterprises = enterprises;
        this.hazards = hazards;
        this.permits = permits;
        this.workflow = workflow;
        this.audit = audit;
        this.clock = clock;
        this.allowedUploadTypes = allowedUploadTypes;
        this.monitoringGroup = monitoringGroup;
    }

    // ---- starting ----

    /**
     * Starts the inspection of every enterprise the plan's draw selected, with the drawn inspectors; an inspection
     * already started for a drawn row is kept, so calling again starts only what is missing.
     */
    @Transactional
    public List<Inspection> startForPlan(Actor actor, Long planId) {
        InspectionAccess.requireManage(actor);
        InspectionService.Drawn draw = plans.drawOf(actor, planId)
                .orElseThrow(() -> new ConflictException("hmc.error.inspection.not-drawn"));
        List<Inspection> started = new ArrayList<>();
        for (DrawnInspection d : draw.inspections()) {
            if (inspections.findByDrawnInspectionId(d.getId()).isPresent()) {
                continue;
            }
            started.add(start(actor, d.getEnterpriseId(), Inspection.Origin.PLAN, planId, d.getId(), draw.plan().getName(),
                    d.getInspectorIds(), d.isFullIndicatorMonitoring(), null, null, null));
        }
        return started;
    }

    /** An ad hoc inspection by the bureau, with the two-inspector rule and the conflicts of the register. */
    @Transactional
    public Inspection startAdHoc(Actor actor, AdHoc input) {
        InspectionAccess.requireManage(actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (input.enterpriseId() == null) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.required"));
        } else if (enterprises.find(input.enterpriseId()).isEmpty()) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.unknown-enterprise"));
        }
        if (input.reason() == null || input.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "hmc.validation.required"));
        } else if (input.reason().length() > 2000) {
            problems.add(new FieldProblem("reason", "hmc.validation.too-long", 2000));
        }
        List<Long> ids = input.inspectorIds() == null ? List.of() : input.inspectorIds().stream().distinct().toList();
        if (ids.isEmpty()) {
            problems.add(new FieldProblem("inspectorIds", "hmc.validation.inspection.two-inspectors"));
        } else if (input.enterpriseId() != null && enterprises.find(input.enterpriseId()).isPresent()) {
            steps.checkInspectors(ids, input.enterpriseId(), "inspectorIds", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return start(actor, input.enterpriseId(), Inspection.Origin.AD_HOC, null, null, input.reason().strip(), ids,
                Boolean.TRUE.equals(input.samplingRequired()), null, null, null);
    }

    /**
     * An inspection for a case of another lifecycle ({@link ForCase}), by the bureau, with the two-inspector rule and
     * the conflicts of the register; other lifecycles call this with the acting user. Its end publishes
     * {@link InspectionClosed} with the origin and the result, whatever the result.
     */
    @Transactional
    public Inspection startForCase(Actor actor, ForCase input) {
        InspectionAccess.requireManage(actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (input.enterpriseId() == null) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.required"));
        } else if (enterprises.find(input.enterpriseId()).isEmpty()) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.unknown-enterprise"));
        }
        String origin = input.origin() == null ? null : input.origin().strip();
        String originRef = input.originRef() == null ? null : input.originRef().strip();
        if (origin == null || origin.isEmpty()) {
            problems.add(new FieldProblem("origin", "hmc.validation.required"));
        } else if (!origin.matches("[A-Z][A-Z0-9_]{1,39}")) {
            problems.add(new FieldProblem("origin", "hmc.validation.inspection.origin-code"));
        }
        if (originRef == null || originRef.isEmpty()) {
            problems.add(new FieldProblem("originRef", "hmc.validation.required"));
        } else if (originRef.length() > 100) {
            problems.add(new FieldProblem("originRef", "hmc.validation.too-long", 100));
        }
        InspectionChecklists.Checklist checklist = null;
        if (input.purpose() != null) {
            checklist = checklists.forPurpose(input.purpose()).orElse(null);
            if (checklist == null) {
                problems.add(new FieldProblem("purpose", "hmc.validation.inspection.unknown-purpose"));
            }
        }
        if (input.reason() == null || input.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "hmc.validation.required"));
        } else if (input.reason().length() > 2000) {
            problems.add(new FieldProblem("reason", "hmc.validation.too-long", 2000));
        }
        List<Long> ids = input.inspectorIds() == null ? List.of() : input.inspectorIds().stream().distinct().toList();
        if (ids.isEmpty()) {
            problems.add(new FieldProblem("inspectorIds", "hmc.validation.inspection.two-inspectors"));
        } else if (input.enterpriseId() != null && enterprises.find(input.enterpriseId()).isPresent()) {
            steps.checkInspectors(ids, input.enterpriseId(), "inspectorIds", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return start(actor, input.enterpriseId(), Inspection.Origin.LIFECYCLE, null, null, input.reason().strip(), ids,
                Boolean.TRUE.equals(input.samplingRequired()), checklist, origin, originRef);
    }

    private Inspection start(Actor actor, Long enterpriseId, Inspection.Origin origin, Long planId, Long drawnId,
                             String reason, List<Long> inspectorIds, boolean sampling,
                             InspectionChecklists.Checklist purposeList, String originType, String originRef) {
        Enterprise enterprise = enterprises.find(enterpriseId).orElseThrow();
        InspectionChecklists.Checklist checklist = purposeList != null ? purposeList
                : checklists.forIndustry(enterprise.getIndustry());
        String group = inspectors.findById(inspectorIds.get(0)).orElseThrow().getDepartmentCode();
        // the plan's full-indicator monitoring (or the reviewer) asks for sampling; the preparers may still change it
        boolean samplingRequired = sampling;
        Inspection unsaved = new Inspection(enterpriseId, origin, planId, drawnId, reason, inspectorIds, group,
                checklist.code(), samplingRequired, actor.username(), clock.instant());
        if (originType != null) {
            unsaved.forCase(originType, originRef);
        }
        Inspection inspection = inspections.save(unsaved);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("state", inspection.getState().name());
        changes.put("origin", origin.name());
        changes.put("enterpriseId", enterpriseId);
        changes.put("planId", planId);
        if (originType != null) {
            changes.put("originType", originType);
            changes.put("originRef", originRef);
        }
        changes.put("inspectorIds", InspectionForms.idsText(inspectorIds));
        changes.put("inspectorsGroup", group);
        changes.put("checklist", checklist.code());
        changes.put("samplingRequired", samplingRequired);
        audit.record(CASE_TYPE, inspection.getId(), "STARTED", actor, reason, changes);

        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(VAR_INSPECTION_ID, inspection.getId());
        variables.put(VAR_ENTERPRISE_ID, enterpriseId);
        variables.put(VAR_ENTERPRISE_NAME, enterprise.getName());
        variables.put(VAR_ENTERPRISE_GROUP, enterprise.candidateGroup());
        variables.put(VAR_INSPECTORS_GROUP, group);
        variables.put(VAR_MONITORING_GROUP, monitoringGroup);
        variables.put(VAR_CHECKLIST, checklist.code());
        variables.put(VAR_SAMPLING_REQUIRED, samplingRequired);
        inspection.started(workflow.start(KEY, inspection.getId(), variables, actor));
        return inspection;
    }

    // ---- reading ----

    /**
     * An inspection the actor may see: bureau staff see all; the monitoring station and enterprises only their own
     * (an enterprise once the inspectors have been on site). Otherwise "not found".
     */
    @Transactional(readOnly = true)
    public Inspection visible(Actor actor, Long id) {
        Inspection inspection = inspections.findById(id).orElseThrow(() -> new NotFoundException("inspection " + id));
        if (actor.is(Role.ENTERPRISE) && (!inspection.getEnterpriseId().equals(actor.enterpriseId())
                || !inspection.shownToEnterprise())) {
            throw new NotFoundException("inspection " + id);
        }
        if (actor.isDepartmentStaff() && monitoringGroup.equals(actor.departmentCode()) && !inspection.isSamplingRequired()) {
            throw new NotFoundException("inspection " + id);
        }
        return inspection;
    }

    @Transactional(readOnly = true)
    public Page<Inspection> list(Actor actor, Filter filter, int page, int size) {
        boolean enterprise = actor.is(Role.ENTERPRISE);
        boolean station = actor.isDepartmentStaff() && monitoringGroup.equals(actor.departmentCode());
        Long enterpriseId = enterprise ? actor.enterpriseId() : filter.enterpriseId();
        Specification<Inspection> spec = (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (enterpriseId != null) {
                p.add(cb.equal(root.get("enterpriseId"), enterpriseId));
            }
            if (enterprise) {
                p.add(root.get("state").in(InspectionState.PREPARING, InspectionState.ON_SITE).not());
            }
            if (station) {
                p.add(cb.isTrue(root.get("samplingRequired")));
            }
            if (filter.state() != null) {
                p.add(cb.equal(root.get("state"), filter.state()));
            }
            if (filter.planId() != null) {
                p.add(cb.equal(root.get("planId"), filter.planId()));
            }
            if (filter.overdue() != null) {
                p.add(cb.equal(root.get("overdue"), filter.overdue()));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        return inspections.findAll(spec, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
    }

    /** 检查准备 as JSON: for the bureau's staff only. */
    @Transactional(readOnly = true)
    public Preparation preparation(Actor actor, Long id) {
        InspectionAccess.requireRead(actor);
        Inspection inspection = visible(actor, id);
        Enterprise enterprise = enterprises.find(inspection.getEnterpriseId()).orElseThrow();
        List<Hazard> open = hazards.list(actor, new HazardService.Filter(null, null, enterprise.getId(), null, null), 0, 200)
                .stream().filter(h -> !HAZARD_DONE.contains(h.getState())).toList();
        return new Preparation(inspection, enterprise, steps.checklist(inspection),
                permits.limitsInForce(enterprise.getId(), LocalDate.now(clock)), open,
                inspectors.findAllById(inspection.getInspectorIds()));
    }

    /** The inspection's lists, loaded for showing (the entity's lists are lazy). */
    @Transactional(readOnly = true)
    public Inspection detailed(Actor actor, Long id) {
        Inspection inspection = visible(actor, id);
        inspection.getAnswers();
        inspection.getMeasurements();
        inspection.getViolations();
        inspection.getPresentInspectorIds();
        return inspection;
    }

    @Transactional(readOnly = true)
    public List<OpenTask> openTasks(Actor actor, Long id) {
        Inspection inspection = visible(actor, id);
        return inspection.getProcessInstanceId() == null ? List.of() : workflow.openTasks(inspection.getProcessInstanceId());
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> trail(Actor actor, Long id) {
        return audit.trailOf(CASE_TYPE, visible(actor, id).getId());
    }

    @Transactional(readOnly = true)
    public List<InspectionEvidenceSummary> evidenceOf(Actor actor, Long id) {
        return evidence.summariesOf(visible(actor, id).getId());
    }

    @Transactional(readOnly = true)
    public InspectionEvidence evidenceFile(Actor actor, Long id, Long fileId) {
        return evidence.findByIdAndInspectionId(fileId, visible(actor, id).getId())
                .orElseThrow(() -> new NotFoundException("evidence " + fileId));
    }

    /** Decided inspections, newest first: enterprise, day and result. Needs no login. */
    @Transactional(readOnly = true)
    public List<PublicResult> publishedResults() {
        return inspections.findByStateInOrderByDecidedAtDesc(List.of(InspectionState.CLOSED, InspectionState.REFERRED))
                .stream().map(i -> {
                    Enterprise e = enterprises.find(i.getEnterpriseId()).orElseThrow();
                    return new PublicResult(i.getId(), e.getName(), e.getCounty(), i.getInspectedOn(), i.result());
                }).toList();
    }

    // ---- acting ----

    /**
     * Does the step {@code taskKey} with the submitted values: the inspection must be at that step (409 otherwise)
     * and the step must be offered to the actor's department or enterprise (403 otherwise).
     */
    @Transactional
    public void act(Actor actor, Long id, String taskKey, Map<String, Object> values) {
        Inspection inspection = visible(actor, id);
        OpenTask task = inspection.getProcessInstanceId() == null ? null
                : workflow.openTask(inspection.getProcessInstanceId(), taskKey).orElse(null);
        if (task == null) {
            throw new ConflictException("hmc.error.not-at-step", inspection.getState().name());
        }
        if (!workflow.mayWork(actor, task)) {
            throw new ForbiddenException("hmc.error.not-your-task");
        }
        workflow.complete(task.id(), values, actor);
    }

    /**
     * 现场证据 — a photo, document or sampling record, by the inspectors' department (sampling records also by the
     * monitoring station), while the inspection is open. Type by content; SHA-256 kept; size limited by the server.
     */
    @Transactional
    public InspectionEvidenceSummary attach(Actor actor, Long id, InspectionEvidence.Kind kind, String filename,
                                            String declaredType, byte[] content) {
        Inspection inspection = visible(actor, id);
        boolean inspector = actor.groups().contains(inspection.getInspectorsGroup());
        boolean station = actor.groups().contains(monitoringGroup);
        if (!inspector && !station) {
            throw new ForbiddenException("hmc.error.role-may-not-attach");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new FieldProblem("kind", "hmc.validation.required"));
        } else if (!inspector && kind != InspectionEvidence.Kind.SAMPLING_RECORD) {
            problems.add(new FieldProblem("kind", "hmc.validation.evidence-kind-role"));
        }
        if (content == null || content.length == 0) {
            problems.add(new FieldProblem("file", "hmc.validation.required"));
        } else {
            String sniffed = UploadTypes.sniff(content);
            if (sniffed == null || !allowedUploadTypes.contains(sniffed)) {
                problems.add(new FieldProblem("file", "hmc.validation.upload-type", String.join(", ", allowedUploadTypes)));
            } else if (kind == InspectionEvidence.Kind.PHOTO && !sniffed.startsWith("image/")) {
                problems.add(new FieldProblem("file", "hmc.validation.photo-required"));
            } else if (declaredType != null && !declaredType.equals(sniffed)) {
                problems.add(new FieldProblem("file", "hmc.validation.upload-type-mismatch", declaredType, sniffed));
            }
        }
        if (filename == null || filename.isBlank() || filename.length() > 255) {
            problems.add(new FieldProblem("filename", "hmc.validation.filename"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (inspection.getState() == InspectionState.CLOSED || inspection.getState() == InspectionState.REFERRED) {
            throw new ConflictException("hmc.error.case-closed", inspection.getState().name());
        }
        String sha = sha256(content);
        InspectionEvidence file = evidence.save(new InspectionEvidence(id, kind, safeName(filename),
                UploadTypes.sniff(content), content, sha, actor.username(), clock.instant()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("evidenceId", file.getId());
        changes.put("kind", kind.name());
        changes.put("filename", file.getFilename());
        changes.put("sha256", sha);
        audit.record(CASE_TYPE, id, "EVIDENCE_ATTACHED", actor, null, changes);
        return file.summary();
    }

    /** Keeps the last path segment and drops control characters, so a name can never steer a download header. */
    static String safeName(String filename) {
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.replaceAll("[\\p{Cntrl}\"]", "_");
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
