package org.hmcflow.enforcement;

import static org.hmcflow.enforcement.EnforcementProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.department.Department;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.enterprise.Pollutant;
import org.hmcflow.inspection.ViolationKind;
import org.hmcflow.inspection.ViolationsFound;
import org.hmcflow.monitoring.Measurement;
import org.hmcflow.monitoring.MeasurementRules;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The enforcement lifecycle's one entry for the web layer and for other capabilities. */
@Service
public class EnforcementService {

    /** A violation as a reviewer files it; a measurement-based one carries its monitoring result. */
    public record ViolationInput(ViolationKind kind, String permitNumber, String description,
                                 MeasurementRules.Entry measurement) {
    }

    private final EnforcementCaseRepository cases;
    private final CaseViolationRepository violations;
    private final ReinspectionResultRepository results;
    private final PenaltyRepository penalties;
    private final CaseDocumentRepository documents;
    private final PoliceTransferRepository transfers;
    private final EnforcementMeasures measures;
    private final EnterpriseService enterprises;
    private final DepartmentService departments;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final EnforcementProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final Set<String> allowedUploadTypes;

    EnforcementService(EnforcementCaseRepository cases, CaseViolationRepository violations,
                       ReinspectionResultRepository results, PenaltyRepository penalties,
                       CaseDocumentRepository documents, PoliceTransferRepository transfers,
                       EnforcementMeasures measures, EnterpriseService enterprises, DepartmentService departments,
                       Workflow workflow, AuditTrail audit, EnforcementProperties properties, ObjectMapper json,
                       Clock clock, @Value("${hmc.uploads.allowed-types}") Set<String> allowedUploadTypes) {
        this.cases = cases;
        this.violations = violations;
        this.results = results;
        this.penalties = penalties;
        this.documents = documents;
        this.transfers = transfers;
        this.measures = measures;
        this.enterprises = enterprises;
        this.departments = departments;
        this.workflow = workflow;
        this.audit = audit;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.allowedUploadTypes = allowedUploadTypes;
    }

    /**
     * Opens a case from an inspection's findings, in the inspection's transaction: the case, its violations with the
     * table's proposals, the audit row and the process start are written together or not at all.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public EnforcementCase openFromInspection(ViolationsFound event) {
        List<Finding> findings = event.violations().stream().map(v -> new Finding(v.kind(), v.pollutant(), v.point(),
                v.measured(), v.limit(), v.unit(), v.limitUnit(), v.ratioToLimit(), v.heavyMetal(), v.permitNumber(),
                v.description())).toList();
        Actor inspector = new Actor(event.decidedBy(), event.decidedBy(), null, null, null);
        return open(event.enterpriseId(), event.inspectionId(), CaseSource.INSPECTION, findings, inspector,
                "inspection " + event.inspectionId(), null, null);
    }

    /**
     * 移送执法 — opens a case from another lifecycle's referral (see {@link EnforcementReferral}), in the caller's
     * transaction when it has one. Idempotent per source and source reference: a repeat opens nothing, is audited on
     * the existing case and answers it. A bad referral is refused with the fields named.
     */
    @Transactional
    public EnforcementReferral.Outcome refer(EnforcementReferral referral) {
        List<FieldProblem> problems = new ArrayList<>();
        if (referral == null) {
            throw InvalidInputException.of("referral", "hmc.validation.required");
        }
        if (referral.sourceType() == null) {
            problems.add(new FieldProblem("sourceType", "hmc.validation.required"));
        } else if (!referral.sourceType().referable()) {
            problems.add(new FieldProblem("sourceType", "hmc.validation.enforcement.not-referable"));
        }
        String ref = blank(referral.sourceReference());
        if (ref == null) {
            problems.add(new FieldProblem("sourceReference", "hmc.validation.required"));
        } else if (ref.length() > 100) {
            problems.add(new FieldProblem("sourceReference", "hmc.validation.too-long", 100));
        }
        if (referral.enterpriseId() == null) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.required"));
        } else if (enterprises.find(referral.enterpriseId()).isEmpty()) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.unknown-enterprise"));
        }
        if (referral.violationKind() == null) {
            problems.add(new FieldProblem("violationKind", "hmc.validation.required"));
        }
        String facts = blank(referral.facts());
        if (facts == null) {
            problems.add(new FieldProblem("facts", "hmc.validation.required"));
        } else if (facts.length() > 2000) {
            problems.add(new FieldProblem("facts", "hmc.validation.too-long", 2000));
        }
        String by = blank(referral.referredBy());
        if (by == null) {
            problems.add(new FieldProblem("referredBy", "hmc.validation.required"));
        } else if (by.length() > 100) {
            problems.add(new FieldProblem("referredBy", "hmc.validation.too-long", 100));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Actor referrer = new Actor(by, by, null, null, null);
        // an inspection's own ViolationsFound case counts as the referral of that inspection
        Long inspectionId = referral.sourceType() == CaseSource.INSPECTION && ref.matches("\\d{1,18}")
                ? Long.valueOf(ref) : null;
        EnforcementCase existing = cases.findBySourceAndSourceReference(referral.sourceType(), ref)
                .or(() -> inspectionId == null ? java.util.Optional.empty()
                        : cases.findByInspectionId(inspectionId).stream().findFirst())
                .orElse(null);
        if (existing != null) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("source", referral.sourceType().name());
            changes.put("sourceReference", ref);
            changes.put("violationKind", referral.violationKind().name());
            audit.record(CASE_TYPE, existing.getId(), "REFERRAL_REPEATED", referrer, facts, changes);
            return new EnforcementReferral.Outcome(existing.getId(), existing.getReference(), false);
        }
        Finding finding = new Finding(referral.violationKind(), null, null, null, null, null, null, null, false, null,
                facts);
        EnforcementCase c = open(referral.enterpriseId(), inspectionId, referral.sourceType(), List.of(finding),
                referrer, "referral " + referral.sourceType().name() + " " + ref, ref, facts);
        return new EnforcementReferral.Outcome(c.getId(), c.getReference(), true);
    }

    /** Opens a case filed by a bureau reviewer; measurement-based violations are checked by {@link MeasurementRules}. */
    @Transactional
    public EnforcementCase openByReviewer(Actor actor, Long enterpriseId, List<ViolationInput> inputs) {
        requireBureau(actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (enterpriseId == null) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.required"));
        } else if (enterprises.find(enterpriseId).isEmpty()) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.unknown-enterprise"));
        }
        List<Finding> findings = new ArrayList<>();
        if (inputs == null || inputs.isEmpty()) {
            problems.add(new FieldProblem("violations", "hmc.validation.required"));
        } else {
            for (int i = 0; i < inputs.size(); i++) {
                Finding f = finding("violations[" + i + "]", inputs.get(i), problems);
                if (f != null) {
                    findings.add(f);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return open(enterpriseId, null, CaseSource.REVIEWER, findings, actor, null, null, null);
    }

    private static Finding finding(String at, ViolationInput in, List<FieldProblem> problems) {
        if (in == null) {
            problems.add(new FieldProblem(at, "hmc.validation.required"));
            return null;
        }
        int before = problems.size();
        if (in.kind() == null) {
            problems.add(new FieldProblem(at + ".kind", "hmc.validation.required"));
        }
        if (in.description() == null || in.description().isBlank()) {
            problems.add(new FieldProblem(at + ".description", "hmc.validation.required"));
        } else if (in.description().length() > 2000) {
            problems.add(new FieldProblem(at + ".description", "hmc.validation.too-long", 2000));
        }
        if (in.permitNumber() != null && in.permitNumber().length() > 60) {
            problems.add(new FieldProblem(at + ".permitNumber", "hmc.validation.too-long", 60));
        }
        boolean needsMeasurement = in.kind() == ViolationKind.EXCEEDS_STANDARD;
        Measurement m = null;
        if (in.measurement() != null) {
            try {
                m = MeasurementRules.check(at + ".measurement", List.of(in.measurement())).get(0);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        } else if (needsMeasurement) {
            problems.add(new FieldProblem(at + ".measurement", "hmc.validation.required"));
        }
        if (m != null && needsMeasurement && !m.exceeds()) {
            problems.add(new FieldProblem(at + ".measurement.value", "hmc.validation.not-exceeding"));
        }
        if (problems.size() > before) {
            return null;
        }
        if (m == null) {
            return new Finding(in.kind(), null, null, null, null, null, null, null, false, blank(in.permitNumber()),
                    in.description().strip());
        }
        return new Finding(in.kind(), m.pollutant().name(), m.point(), m.value(), m.limit(), m.unit().symbol(),
                m.limitUnit().symbol(), m.ratioToLimit(), true, blank(in.permitNumber()), in.description().strip());
    }

    private EnforcementCase open(Long enterpriseId, Long inspectionId, CaseSource source, List<Finding> findings,
                                 Actor actor, String comment, String sourceReference, String referralFacts) {
        Enterprise enterprise = enterprises.find(enterpriseId)
                .orElseThrow(() -> InvalidInputException.of("enterpriseId", "hmc.validation.unknown-enterprise"));
        List<MeasureProposal> proposals = findings.stream().map(f -> measures.propose(f, false)).toList();
        MeasureProposal proposal = EnforcementMeasures.mostSevere(proposals);
        EnforcementCase unsaved = new EnforcementCase(enterpriseId, inspectionId, source, actor.username(),
                clock.instant(), proposal.measure(), proposal.grounds());
        if (sourceReference != null) {
            unsaved.referred(sourceReference, referralFacts);
        }
        EnforcementCase c = cases.save(unsaved);
        List<Map<String, Object>> listed = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            CaseViolation v = violations.save(new CaseViolation(c.getId(), findings.get(i), proposals.get(i)));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", v.getKind().name());
            row.put("pollutant", v.getPollutant());
            row.put("ratioToLimit", v.getRatioToLimit() == null ? null : v.getRatioToLimit().toPlainString());
            row.put("measure", v.getMeasure().name());
            row.put("ruleCode", v.getRuleCode());
            listed.add(row);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("state", c.getState().name());
        changes.put("source", source.name());
        changes.put("enterpriseId", enterpriseId);
        changes.put("inspectionId", inspectionId);
        if (sourceReference != null) {
            changes.put("sourceReference", sourceReference);
            changes.put("referredBy", actor.username());
        }
        changes.put("violations", listed);
        changes.put("proposedMeasure", proposal.measure().name());
        changes.put("proposedRuleCode", proposal.ruleCode());
        changes.put("proposedGrounds", proposal.grounds());
        audit.record(CASE_TYPE, c.getId(), "CASE_OPENED", actor, comment, changes);

        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(VAR_CASE_ID, c.getId());
        vars.put(VAR_REFERENCE, c.getReference());
        vars.put(VAR_ENTERPRISE_ID, enterpriseId);
        vars.put(VAR_ENTERPRISE_NAME, enterprise.getName());
        vars.put(VAR_ENTERPRISE_GROUP, enterprise.candidateGroup());
        vars.put(VAR_BUREAU_GROUP, properties.bureauGroup());
        vars.put(VAR_GOVERNMENT_GROUP, governmentGroupOf(enterprise));
        vars.put(VAR_PROPOSED_MEASURE, proposal.measure().name());
        vars.put(VAR_PROPOSED_GROUNDS, proposal.grounds());
        c.started(workflow.startAsApplication(KEY, c.getId(), vars));
        return c;
    }

    /** The county government of the enterprise's county decides a closure; else the configured government. */
    private String governmentGroupOf(Enterprise enterprise) {
        return departments.all().stream()
                .filter(d -> "GOVERNMENT".equals(String.valueOf(d.getKind())) && enterprise.getCounty() != null
                        && enterprise.getCounty().equals(d.getCounty()))
                .map(Department::getCode).findFirst().orElse(properties.governmentGroup());
    }

    /** A case the actor may see; another enterprise's case is "not found", not "forbidden". */
    @Transactional(readOnly = true)
    public EnforcementCase visible(Actor actor, Long id) {
        EnforcementCase c = cases.findById(id).orElseThrow(() -> new NotFoundException("enforcement case " + id));
        if (actor.is(Role.ENTERPRISE) && !c.getEnterpriseId().equals(actor.enterpriseId())) {
            throw new NotFoundException("enforcement case " + id);
        }
        return c;
    }

    @Transactional(readOnly = true)
    public List<EnforcementCase> list(Actor actor) {
        return actor.is(Role.ENTERPRISE) ? cases.findByEnterpriseIdOrderByIdDesc(actor.enterpriseId())
                : cases.findAllByOrderByIdDesc();
    }

    @Transactional(readOnly = true)
    public List<CaseViolation> violationsOf(Actor actor, Long id) {
        return violations.findByCaseIdOrderByIdAsc(visible(actor, id).getId());
    }

    @Transactional(readOnly = true)
    public List<ReinspectionResult> resultsOf(Actor actor, Long id) {
        return results.findByCaseIdOrderByIdAsc(visible(actor, id).getId());
    }

    @Transactional(readOnly = true)
    public List<Penalty> penaltiesOf(Actor actor, Long id) {
        return penalties.findByCaseIdOrderByIdAsc(visible(actor, id).getId());
    }

    @Transactional(readOnly = true)
    public List<CaseDocument> documentsOf(Actor actor, Long id) {
        return documents.findByCaseIdOrderByIdAsc(visible(actor, id).getId());
    }

    @Transactional(readOnly = true)
    public CaseDocument document(Actor actor, Long id, Long documentId) {
        return documents.findByIdAndCaseId(documentId, visible(actor, id).getId())
                .orElseThrow(() -> new NotFoundException("document " + documentId));
    }

    @Transactional(readOnly = true)
    public List<PoliceTransfer> transfersOf(Actor actor, Long id) {
        return transfers.findByCaseIdOrderByIdAsc(visible(actor, id).getId());
    }

    @Transactional(readOnly = true)
    public List<OpenTask> openTasks(Actor actor, Long id) {
        EnforcementCase c = visible(actor, id);
        return c.getProcessInstanceId() == null ? List.of() : workflow.openTasks(c.getProcessInstanceId());
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> trail(Actor actor, Long id) {
        return audit.trailOf(CASE_TYPE, visible(actor, id).getId());
    }

    /** The running total of 按日连续处罚 while it runs (to today), else null. */
    @Transactional(readOnly = true)
    public DailyFines.Computation runningDailyFine(EnforcementCase c) {
        if (c.getDailyFineSince() == null) {
            return null;
        }
        return DailyFines.compute(c.getDailyFineBase(), c.getDailyFineSince(), LocalDate.now(clock));
    }

    /** Decisions published (限制生产/停产整治), as the public sees them, up to today. */
    @Transactional(readOnly = true)
    public List<EnforcementCase> publishedDecisions() {
        return cases.publishedDecisions(LocalDate.now(clock));
    }

    /**
     * Does the step {@code taskKey} with the submitted values: the case must be at that step (409) and the step must
     * be offered to the actor's department, enterprise or role (403). The completion listener checks and records.
     */
    @Transactional
    public void act(Actor actor, Long id, String taskKey, Map<String, Object> values) {
        EnforcementCase c = visible(actor, id);
        OpenTask task = c.getProcessInstanceId() == null ? null
                : workflow.openTask(c.getProcessInstanceId(), taskKey).orElse(null);
        if (task == null) {
            throw new ConflictException("hmc.error.not-at-step", c.getState().name());
        }
        if (!workflow.mayWork(actor, task)) {
            throw new ForbiddenException("hmc.error.not-your-task");
        }
        Map<String, Object> plain = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        values.forEach((k, v) -> {
            if (v == null || v instanceof String || v instanceof Boolean) {
                plain.put(k, v);
            } else if (v instanceof Number n) {
                plain.put(k, new BigDecimal(n.toString()).toPlainString());
            } else {
                problems.add(new FieldProblem(k, "hmc.validation.plain-value"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        workflow.complete(task.id(), plain, actor);
    }

    /** 复查 — the re-inspection with its monitoring results, as a list (the Tasklist form takes one result). */
    @Transactional
    public void reinspect(Actor actor, Long id, List<MeasurementRules.Entry> entries, String comment) {
        MeasurementRules.check("results", entries);
        try {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(F_RESULTS_JSON, json.writeValueAsString(entries));
            values.put(F_REINSPECTION_COMMENT, comment);
            act(actor, id, TASK_REINSPECT, values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 罚款 — a fine entered with its legal article; the amount must lie in the article's range (bureau staff). */
    @Transactional
    public Penalty enterPenalty(Actor actor, Long id, String articleCode, BigDecimal amount, String note) {
        requireBureau(actor);
        EnforcementCase c = visible(actor, id);
        List<FieldProblem> problems = new ArrayList<>();
        EnforcementProperties.PenaltyArticle article = null;
        if (articleCode == null || articleCode.isBlank()) {
            problems.add(new FieldProblem("articleCode", "hmc.validation.required"));
        } else if (ARTICLE_DAILY_FINE.equals(articleCode)) {
            problems.add(new FieldProblem("articleCode", "hmc.validation.daily-fine-computed"));
        } else {
            article = properties.article(articleCode).orElse(null);
            if (article == null) {
                problems.add(new FieldProblem("articleCode", "hmc.validation.one-of", String.join(", ",
                        properties.penaltyArticles().stream().map(EnforcementProperties.PenaltyArticle::code).toList())));
            }
        }
        if (amount == null) {
            problems.add(new FieldProblem("amount", "hmc.validation.required"));
        } else if (article != null && (amount.compareTo(article.min()) < 0 || amount.compareTo(article.max()) > 0)) {
            problems.add(new FieldProblem("amount", "hmc.validation.article-penalty-range", article.code(),
                    article.min().toPlainString(), article.max().toPlainString()));
        } else if (amount.signum() <= 0 || amount.scale() > 2) {
            problems.add(new FieldProblem("amount", "hmc.validation.amount"));
        }
        if (note != null && note.length() > 2000) {
            problems.add(new FieldProblem("note", "hmc.validation.too-long", 2000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (c.getState() == CaseState.CLOSED) {
            throw new ConflictException("hmc.error.case-closed", c.getState().name());
        }
        Penalty p = penalties.save(Penalty.fine(c.getId(), article.code(), amount, blank(note), actor.username(),
                clock.instant()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("penaltyId", p.getId());
        changes.put("kind", p.getKind().name());
        changes.put("articleCode", p.getArticleCode());
        changes.put("article", article.title());
        changes.put("amount", amount.toPlainString());
        audit.record(CASE_TYPE, c.getId(), "PENALTY_ENTERED", actor, blank(note), changes);
        return p;
    }

    /** 案卷材料 — attaches a document (bureau staff, or the enterprise to its own case); type checked by content. */
    @Transactional
    public CaseDocument attach(Actor actor, Long id, String title, String filename, String declaredType, byte[] content) {
        EnforcementCase c = visible(actor, id);
        if (!actor.is(Role.ENTERPRISE)) {
            requireBureau(actor);
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(new FieldProblem("title", "hmc.validation.required"));
        } else if (title.length() > 200) {
            problems.add(new FieldProblem("title", "hmc.validation.too-long", 200));
        }
        String sniffed = content == null || content.length == 0 ? null : UploadTypes.sniff(content);
        if (content == null || content.length == 0) {
            problems.add(new FieldProblem("file", "hmc.validation.required"));
        } else if (sniffed == null || !allowedUploadTypes.contains(sniffed)) {
            problems.add(new FieldProblem("file", "hmc.validation.upload-type", String.join(", ", allowedUploadTypes)));
        } else if (declaredType != null && !declaredType.equals(sniffed)) {
            problems.add(new FieldProblem("file", "hmc.validation.upload-type-mismatch", declaredType, sniffed));
        }
        if (filename == null || filename.isBlank() || filename.length() > 255) {
            problems.add(new FieldProblem("filename", "hmc.validation.filename"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_");
        CaseDocument d = documents.save(new CaseDocument(c.getId(), title.strip(), name, sniffed, content,
                sha256(content), actor.username(), clock.instant()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("documentId", d.getId());
        changes.put("title", d.getTitle());
        changes.put("filename", d.getFilename());
        changes.put("sha256", d.getSha256());
        audit.record(CASE_TYPE, c.getId(), "DOCUMENT_ATTACHED", actor, null, changes);
        return d;
    }

    /**
     * 案件移送 — sends the case to the police (bureau staff): recorded, audited, and tracked by the process until the
     * answer is recorded (reminders and escalation by the shared mechanism).
     */
    @Transactional
    public PoliceTransfer transferToPolice(Actor actor, Long id, PoliceTransfer.Kind kind, String policeUnit,
                                           LocalDate sentOn) {
        requireBureau(actor);
        EnforcementCase c = visible(actor, id);
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new FieldProblem("kind", "hmc.validation.required"));
        }
        if (policeUnit == null || policeUnit.isBlank()) {
            problems.add(new FieldProblem("policeUnit", "hmc.validation.required"));
        } else if (policeUnit.length() > 200) {
            problems.add(new FieldProblem("policeUnit", "hmc.validation.too-long", 200));
        }
        LocalDate today = LocalDate.now(clock);
        if (sentOn == null) {
            problems.add(new FieldProblem("sentOn", "hmc.validation.required"));
        } else if (sentOn.isAfter(today) || sentOn.isBefore(LocalDate.ofInstant(c.getOpenedAt(), clock.getZone()))) {
            problems.add(new FieldProblem("sentOn", "hmc.validation.transfer-date"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PoliceTransfer t = transfers.save(new PoliceTransfer(c.getId(), kind, policeUnit.strip(), sentOn,
                actor.username()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("transferId", t.getId());
        changes.put("kind", kind.name());
        changes.put("policeUnit", t.getPoliceUnit());
        changes.put("sentOn", sentOn.toString());
        audit.record(CASE_TYPE, c.getId(), "POLICE_TRANSFER_SENT", actor, null, changes);
        workflow.correlate(MESSAGE_POLICE_TRANSFER, c.getProcessInstanceId(),
                Map.of(VAR_POLICE_TRANSFER_ID, t.getId()));
        return t;
    }

    private void requireBureau(Actor actor) {
        boolean bureauStaff = (actor.isDepartmentStaff() || actor.is(Role.SUPERVISOR))
                && properties.bureauGroup().equals(actor.departmentCode());
        if (!bureauStaff) {
            throw new ForbiddenException("hmc.error.enforcing-bureau-only");
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pollutant symbols known to HMC-Flow are all heavy metals ({@link Pollutant}). */
    static boolean heavyMetal(String symbol) {
        return symbol != null && Pollutant.isKnown(symbol);
    }
}
