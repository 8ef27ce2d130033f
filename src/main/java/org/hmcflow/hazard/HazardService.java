package org.hmcflow.hazard;

import static org.hmcflow.hazard.HazardProcess.*;

import jakarta.persistence.criteria.Predicate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.enterprise.Pollutant;
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

/** The hazard lifecycle's one entry for the web layer and for other capabilities. */
@Service
public class HazardService {

    /** What a report says; the enterprise comes from the reporter for an enterprise user. */
    public record Report(Long enterpriseId, HazardSource source, String title, String description, String location,
                         List<String> pollutants, Long selfInspectionId) {
    }

    /** Filters of the case list; null means any. */
    public record Filter(HazardState state, HazardGrade grade, Long enterpriseId, Boolean overdue, Boolean supervised) {
    }

    private final HazardRepository hazards;
    private final RectificationRoundRepository rounds;
    private final EvidenceFileRepository evidence;
    private final EnterpriseService enterprises;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final HazardProperties properties;
    private final Clock clock;
    private final Set<String> allowedUploadTypes;

    HazardService(HazardRepository hazards, RectificationRoundRepository rounds, EvidenceFileRepository evidence,
                  EnterpriseService enterprises, Workflow workflow, AuditTrail audit, HazardProperties properties,
                  Clock clock, @Value("${hmc.uploads.allowed-types}") Set<String> allowedUploadTypes) {
        this.hazards = hazards;
        this.rounds = rounds;
        this.evidence = evidence;
        this.enterprises = enterprises;
        this.workflow = workflow;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.allowedUploadTypes = allowedUploadTypes;
    }

    /** Files a hazard report and starts its lifecycle; the report, its audit row and the process start together. */
    @Transactional
    public Hazard report(Actor actor, Report report) {
        return report(actor, report, null);
    }

    /** A file sent with a report: its name, declared type and content. */
    public record Upload(String filename, String contentType, byte[] content) {
    }

    /**
     * Files a report together with its photos or documents (kind REPORT): the case, its files, their audit rows and
     * the process start commit together, or — when any file is refused — nothing does. A refused file is named
     * {@code files[i]}.
     */
    @Transactional
    public Hazard reportWithEvidence(Actor actor, Report report, List<Upload> files) {
        if (files.size() > properties.maxReportFiles()) {
            throw new InvalidInputException(List.of(new FieldProblem("files", "hmc.validation.rows-too-many",
                    properties.maxReportFiles())));
        }
        Hazard hazard = report(actor, report, null);
        for (int i = 0; i < files.size(); i++) {
            Upload file = files.get(i);
            try {
                attach(actor, hazard.getId(), EvidenceFile.Kind.REPORT, null, file.filename(), file.contentType(),
                        file.content());
            } catch (InvalidInputException e) {
                String at = "files[" + i + "]";
                throw new InvalidInputException(e.problems().stream()
                        .map(p -> new FieldProblem(at, p.messageKey(), p.args())).toList());
            }
        }
        return hazard;
    }

    /**
     * Files the hazard an inspection (监督检查) found, as a bureau report, and keeps the inspection it came from, so
     * the case links back to it and nobody retypes the findings.
     */
    @Transactional
    public Hazard reportFromInspection(Actor actor, Report report, long inspectionId) {
        return report(actor, report, inspectionId);
    }

    private Hazard report(Actor actor, Report report, Long originInspectionId) {
        List<FieldProblem> problems = new ArrayList<>();
        Long enterpriseId = report.enterpriseId();
        HazardSource source = report.source();
        if (actor.is(Role.ENTERPRISE)) {
            if (enterpriseId != null && !enterpriseId.equals(actor.enterpriseId())) {
                problems.add(new FieldProblem("enterpriseId", "hmc.validation.not-your-enterprise"));
            }
            enterpriseId = actor.enterpriseId();
            if (source != null && source != HazardSource.SELF_INSPECTION) {
                problems.add(new FieldProblem("source", "hmc.validation.enterprise-source"));
            }
            source = HazardSource.SELF_INSPECTION;
        } else if (actor.isDepartmentStaff()) {
            if (enterpriseId == null) {
                problems.add(new FieldProblem("enterpriseId", "hmc.validation.required"));
            } else if (enterprises.find(enterpriseId).isEmpty()) {
                problems.add(new FieldProblem("enterpriseId", "hmc.validation.unknown-enterprise"));
            }
            if (source == null) {
                problems.add(new FieldProblem("source", "hmc.validation.required"));
            } else if (source == HazardSource.SELF_INSPECTION) {
                problems.add(new FieldProblem("source", "hmc.validation.bureau-source"));
            }
        } else {
            throw new ForbiddenException("hmc.error.role-may-not-report");
        }
        List<String> pollutants = report.pollutants() == null ? List.of() : report.pollutants();
        for (int i = 0; i < pollutants.size(); i++) {
            if (!Pollutant.isKnown(pollutants.get(i))) {
                problems.add(new FieldProblem("pollutants[" + i + "]", "hmc.validation.unknown-pollutant", pollutants.get(i)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Enterprise enterprise = enterprises.find(enterpriseId).orElseThrow();
        Hazard hazard = hazards.save(new Hazard(enterpriseId, source, report.selfInspectionId(), report.title(),
                report.description(), report.location(), pollutants, actor.username(), clock.instant()));
        Map<String, Object> changes = new LinkedHashMap<>();
        if (originInspectionId != null) {
            hazard.originatedIn(originInspectionId);
            changes.put("originInspectionId", originInspectionId);
        }
        changes.put("state", hazard.getState().name());
        changes.put("source", source.name());
        changes.put("enterpriseId", enterpriseId);
        changes.put("title", hazard.getTitle());
        audit.record(CASE_TYPE, hazard.getId(), "REPORTED", actor, null, changes);

        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(VAR_HAZARD_ID, hazard.getId());
        variables.put(VAR_REFERENCE, hazard.getReference());
        variables.put(VAR_TITLE, hazard.getTitle());
        variables.put(VAR_ENTERPRISE_ID, enterpriseId);
        variables.put(VAR_ENTERPRISE_GROUP, enterprise.candidateGroup());
        variables.put(VAR_BUREAU_GROUP, properties.triageGroup());
        variables.put(VAR_SOURCE, source.name());
        variables.put(VAR_ROUND, 0);
        hazard.started(workflow.start(KEY, hazard.getId(), variables, actor));
        return hazard;
    }

    /** A case the actor may see; another enterprise's case is "not found", not "forbidden". */
    @Transactional(readOnly = true)
    public Hazard visible(Actor actor, Long id) {
        Hazard hazard = hazards.findById(id).orElseThrow(() -> new NotFoundException("hazard " + id));
        if (actor.is(Role.ENTERPRISE) && !hazard.getEnterpriseId().equals(actor.enterpriseId())) {
            throw new NotFoundException("hazard " + id);
        }
        return hazard;
    }

    @Transactional(readOnly = true)
    public Page<Hazard> list(Actor actor, Filter filter, int page, int size) {
        Long enterpriseId = actor.is(Role.ENTERPRISE) ? actor.enterpriseId() : filter.enterpriseId();
        Specification<Hazard> spec = (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (enterpriseId != null) {
                p.add(cb.equal(root.get("enterpriseId"), enterpriseId));
            }
            if (filter.state() != null) {
                p.add(cb.equal(root.get("state"), filter.state()));
            }
            if (filter.grade() != null) {
                p.add(cb.equal(root.get("grade"), filter.grade()));
            }
            if (filter.overdue() != null) {
                p.add(cb.equal(root.get("overdue"), filter.overdue()));
            }
            if (filter.supervised() != null) {
                p.add(cb.equal(root.get("supervised"), filter.supervised()));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        return hazards.findAll(spec, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
    }

    @Transactional(readOnly = true)
    public List<RectificationRound> roundsOf(Actor actor, Long id) {
        return rounds.findByHazardIdOrderByRoundNoAsc(visible(actor, id).getId());
    }

    @Transactional(readOnly = true)
    public List<EvidenceSummary> evidenceOf(Actor actor, Long id) {
        return evidence.summariesOf(visible(actor, id).getId());
    }

    @Transactional(readOnly = true)
    public EvidenceFile evidenceFile(Actor actor, Long id, Long fileId) {
        return evidence.findByIdAndHazardId(fileId, visible(actor, id).getId())
                .orElseThrow(() -> new NotFoundException("evidence " + fileId));
    }

    @Transactional(readOnly = true)
    public List<OpenTask> openTasks(Actor actor, Long id) {
        Hazard hazard = visible(actor, id);
        return hazard.getProcessInstanceId() == null ? List.of() : workflow.openTasks(hazard.getProcessInstanceId());
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> trail(Actor actor, Long id) {
        return audit.trailOf(CASE_TYPE, visible(actor, id).getId());
    }

    /**
     * Does the step {@code taskKey} of a case with the submitted values: the case must be at that step (409
     * otherwise) and the step must be offered to the actor's department, enterprise or role (403 otherwise).
     * The process's completion listener checks the values and records the change.
     */
    @Transactional
    public void act(Actor actor, Long id, String taskKey, Map<String, Object> values) {
        Hazard hazard = visible(actor, id);
        OpenTask task = (hazard.getProcessInstanceId() == null ? null
                : workflow.openTask(hazard.getProcessInstanceId(), taskKey).orElse(null));
        if (task == null) {
            throw new ConflictException("hmc.error.not-at-step", hazard.getState().name());
        }
        if (!workflow.mayWork(actor, task)) {
            throw new ForbiddenException("hmc.error.not-your-task");
        }
        workflow.complete(task.id(), values, actor);
    }

    /**
     * Attaches a file. Enterprises attach report evidence, plan attachments and before/after photos of their own open
     * cases; bureau staff attach report evidence and expert opinions. Type is checked by content, not by name.
     */
    @Transactional
    public EvidenceSummary attach(Actor actor, Long id, EvidenceFile.Kind kind, String pointLabel, String filename,
                                  String declaredType, byte[] content) {
        Hazard hazard = visible(actor, id);
        List<FieldProblem> problems = new ArrayList<>();
        Set<EvidenceFile.Kind> allowedKinds = switch (actor.role()) {
            case ENTERPRISE -> Set.of(EvidenceFile.Kind.REPORT, EvidenceFile.Kind.BEFORE, EvidenceFile.Kind.AFTER,
                    EvidenceFile.Kind.PLAN);
            case REVIEWER, HEAD -> Set.of(EvidenceFile.Kind.REPORT, EvidenceFile.Kind.EXPERT);
            default -> throw new ForbiddenException("hmc.error.role-may-not-attach");
        };
        if (kind == null) {
            problems.add(new FieldProblem("kind", "hmc.validation.required"));
        } else if (!allowedKinds.contains(kind)) {
            problems.add(new FieldProblem("kind", "hmc.validation.evidence-kind-role"));
        }
        boolean photo = kind == EvidenceFile.Kind.BEFORE || kind == EvidenceFile.Kind.AFTER;
        if (photo && (pointLabel == null || pointLabel.isBlank())) {
            problems.add(new FieldProblem("pointLabel", "hmc.validation.required"));
        }
        if (pointLabel != null && pointLabel.length() > 100) {
            problems.add(new FieldProblem("pointLabel", "hmc.validation.too-long", 100));
        }
        if (content == null || content.length == 0) {
            problems.add(new FieldProblem("file", "hmc.validation.required"));
        } else {
            String sniffed = UploadTypes.sniff(content);
            if (sniffed == null || !allowedUploadTypes.contains(sniffed)) {
                problems.add(new FieldProblem("file", "hmc.validation.upload-type", String.join(", ", allowedUploadTypes)));
            } else if (photo && !sniffed.startsWith("image/")) {
                problems.add(new FieldProblem("file", "hmc.validation.photo-required"));
            } else if (declaredType != null && !declaredType.equals(sniffed)) {
                problems.add(new FieldProblem("file", "hmc.validation.upload-type-mismatch", declaredType, sniffed));
            }
        }
        if (filename == null || filename.isBlank() || filename.length() > 255) {
            problems.add(new FieldProblem("filename", "hmc.validation.filename"));
        }
        if (photo && hazard.getRoundNo() < 1) {
            problems.add(new FieldProblem("kind", "hmc.validation.no-round-yet"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (hazard.getState() == HazardState.ARCHIVED || hazard.getState() == HazardState.DISMISSED) {
            throw new ConflictException("hmc.error.case-closed", hazard.getState().name());
        }
        Integer round = photo ? hazard.getRoundNo() : null;
        EvidenceFile file = evidence.save(new EvidenceFile(hazard.getId(), round, kind, blankToNull(pointLabel),
                safeName(filename), UploadTypes.sniff(content), content, sha256(content), actor.username(), clock.instant()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("evidenceId", file.getId());
        changes.put("kind", kind.name());
        changes.put("filename", file.getFilename());
        changes.put("sha256", file.getSha256());
        if (round != null) {
            changes.put("roundNo", round);
            changes.put("pointLabel", file.getPointLabel());
        }
        audit.record(CASE_TYPE, hazard.getId(), "EVIDENCE_ATTACHED", actor, null, changes);
        return new EvidenceSummary(file.getId(), file.getRoundNo(), file.getKind(), file.getPointLabel(),
                file.getFilename(), file.getContentType(), file.getSizeBytes(), file.getSha256(), file.getUploadedBy(),
                file.getUploadedAt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
