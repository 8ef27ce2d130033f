package org.hmcflow.inspection;

import static org.hmcflow.inspection.InspectionProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.hazard.HazardSource;
import org.hmcflow.monitoring.Measurement;
import org.hmcflow.monitoring.MeasurementRules;
import org.hmcflow.permit.issued.PermitService;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.workflow.FormLists;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.user.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of {@code inspection} does to the inspection: checks the submitted values, records the change with
 * its audit row, and hands the process the plain values its gateways need. Called from the completion listener and
 * the service-task delegate, so a step done in Camunda Tasklist and one done through our API follow the same rules.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class InspectionWorkflow {

    /** Writes a process variable (the execution the step runs in). */
    public interface Variables extends BiConsumer<String, Object> {
    }

    private final InspectionRepository inspections;
    private final InspectorRepository inspectors;
    private final InspectorConflictRepository conflicts;
    private final InspectionChecklists checklists;
    private final EnterpriseService enterprises;
    private final HazardService hazards;
    private final PermitService permits;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    InspectionWorkflow(InspectionRepository inspections, InspectorRepository inspectors,
                       InspectorConflictRepository conflicts, InspectionChecklists checklists,
                       EnterpriseService enterprises, HazardService hazards, PermitService permits,
                       ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.inspections = inspections;
        this.inspectors = inspectors;
        this.conflicts = conflicts;
        this.checklists = checklists;
        this.enterprises = enterprises;
        this.hazards = hazards;
        this.permits = permits;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** 检查准备 — the inspectors have read the checklist, the permit limits and the open hazards; sampling decided. */
    public void prepare(Long id, FormValues form, Actor actor, Variables vars) {
        String note = form.text(F_PREPARATION_NOTE, false, 2000);
        boolean sampling = form.bool(F_SAMPLING_REQUIRED_FIELD);
        form.check();
        Inspection inspection = inspection(id);
        inspection.prepared(note, sampling);
        vars.accept(VAR_SAMPLING_REQUIRED, sampling);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("samplingRequired", sampling);
        changes.put("state", inspection.getState().name());
        audit.record(CASE_TYPE, id, "PREPARED", actor, note, changes);
    }

    /**
     * The rows a step's form is opened with, as task-local Json ({@link FormLists}): the on-site form gets every
     * checklist item to answer and the inspectors sent to tick; the confirmation and findings forms show the answers
     * recorded, the findings form also the results and the non-compliant items a violation is chosen from.
     */
    public void offerRows(Long id, String taskKey, Variables taskLocal) {
        Inspection inspection = inspection(id);
        InspectionChecklists.Checklist list = checklist(inspection);
        switch (taskKey) {
            case TASK_RECORD_ON_SITE -> {
                taskLocal.accept(F_CHECKLIST_ANSWERS, FormLists.value(InspectionForms.answerRows(list)));
                List<Inspector> sent = inspection.getInspectorIds().stream().map(inspectors::findById)
                        .flatMap(Optional::stream).toList();
                taskLocal.accept(F_PRESENT_INSPECTORS, FormLists.value(InspectionForms.inspectorRows(sent)));
            }
            case TASK_CONFIRM_RECORD -> taskLocal.accept(VAR_RECORDED_ANSWERS,
                    FormLists.value(InspectionForms.recordedAnswerRows(inspection.getAnswers(), list)));
            case TASK_DECIDE_FINDINGS -> {
                taskLocal.accept(VAR_RECORDED_ANSWERS,
                        FormLists.value(InspectionForms.recordedAnswerRows(inspection.getAnswers(), list)));
                taskLocal.accept(VAR_RECORDED_RESULTS, FormLists.value(InspectionForms.resultRows(inspection.getMeasurements())));
                taskLocal.accept(VAR_NON_COMPLIANT_ITEMS,
                        FormLists.value(InspectionForms.nonCompliantOptions(inspection.getAnswers(), list)));
            }
            default -> {
                // the other forms show plain values only
            }
        }
    }

    /**
     * 现场检查笔录 — the checklist answered item by item, at least two registered inspectors present (行政处罚法 Art 42)
     * with no declared conflict, the day (not in the future) and what was seen.
     */
    public void recordOnSite(Long id, FormValues form, Actor actor) {
        Inspection inspection = inspection(id);
        LocalDate on = form.date(F_INSPECTED_ON, true);
        String summary = form.text(F_RECORD_SUMMARY, true, 4000);
        String witness = form.text(F_WITNESS, false, 100);
        List<Long> present = InspectionForms.presentInspectors(form);
        List<ChecklistAnswer> answers = InspectionForms.answers(form, checklist(inspection));
        if (on != null && on.isAfter(LocalDate.now(clock))) {
            form.reject(F_INSPECTED_ON, "hmc.validation.future-date");
        }
        if (on != null && on.isBefore(inspection.getCreatedAt().atZone(clock.getZone()).toLocalDate())) {
            form.reject(F_INSPECTED_ON, "hmc.validation.inspection.before-start");
        }
        List<FieldProblem> problems = new ArrayList<>();
        checkInspectors(present, inspection.getEnterpriseId(), F_PRESENT_INSPECTORS, problems);
        problems.forEach(p -> form.reject(p.field(), p.messageKey(), p.args()));
        form.check();
        inspection.recorded(on, present, answers, summary, witness);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("inspectedOn", on.toString());
        changes.put("inspectorsPresent", InspectionForms.idsText(present));
        changes.put("answers", answers.stream().map(a -> a.getItemCode() + "=" + a.getAnswer())
                .collect(Collectors.joining(",")));
        changes.put("nonCompliant", answers.stream().filter(a -> a.getAnswer() == ChecklistAnswer.Answer.NON_COMPLIANT).count());
        changes.put("witness", witness);
        changes.put("state", inspection.getState().name());
        audit.record(CASE_TYPE, id, "ON_SITE_RECORDED", actor, summary, changes);
    }

    /** 笔录确认 — the enterprise's representative confirms the record or disputes it with a reason. */
    public void confirmRecord(Long id, FormValues form, Actor actor, Variables vars) {
        String decision = form.choice(F_CONFIRMATION, List.of("CONFIRM", "DISPUTE"));
        String representative = form.text(F_REPRESENTATIVE, true, 100);
        boolean dispute = "DISPUTE".equals(decision);
        String reason = form.text(F_DISPUTE_REASON, dispute, 2000);
        form.check();
        Inspection inspection = inspection(id);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("representative", representative);
        if (dispute) {
            inspection.disputed(representative, reason);
        } else {
            inspection.confirmed(representative);
            inspection.recordSettled();
        }
        vars.accept(VAR_DISPUTED, dispute);
        changes.put("recordStatus", inspection.getRecordStatus().name());
        changes.put("state", inspection.getState().name());
        audit.record(CASE_TYPE, id, dispute ? "RECORD_DISPUTED" : "RECORD_CONFIRMED", actor, reason, changes);
    }

    /** 拒绝签字 — the enterprise let its due date pass: noted with the witness, the inspection goes on. */
    public void refusedToSign(Long id, Variables vars) {
        Inspection inspection = inspection(id);
        inspection.refusedToSign();
        inspection.recordSettled();
        vars.accept(VAR_DISPUTED, false);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("recordStatus", inspection.getRecordStatus().name());
        changes.put("witness", inspection.getWitness() == null ? "" : inspection.getWitness());
        changes.put("state", inspection.getState().name());
        audit.record(CASE_TYPE, id, "RECORD_REFUSED_TO_SIGN", AuditTrail.SYSTEM,
                "当事人逾期未签字确认，视为拒绝签字，由执法人员注明" + (inspection.getWitness() == null ? "" : "，见证人：" + inspection.getWitness()),
                changes);
    }

    /** 异议复核 — the inspectors uphold the record or amend it; both statements stay on the record. */
    public void answerDispute(Long id, FormValues form, Actor actor) {
        String outcome = form.choice(F_DISPUTE_OUTCOME, List.of("UPHELD", "AMENDED"));
        String response = form.text(F_DISPUTE_RESPONSE, true, 2000);
        boolean amended = "AMENDED".equals(outcome);
        String amendedSummary = form.text(F_AMENDED_SUMMARY, amended, 4000);
        form.check();
        Inspection inspection = inspection(id);
        inspection.disputeAnswered(outcome, response, amended ? amendedSummary : null);
        inspection.recordSettled();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("disputeOutcome", outcome);
        changes.put("disputeReason", inspection.getDisputeReason());
        if (amended) {
            changes.put("recordSummary", amendedSummary);
        }
        changes.put("recordStatus", inspection.getRecordStatus().name());
        changes.put("state", inspection.getState().name());
        audit.record(CASE_TYPE, id, amended ? "DISPUTE_RECORD_AMENDED" : "DISPUTE_RECORD_UPHELD", actor, response, changes);
    }

    /**
     * 监测结果 — the monitoring station's results: each pollutant with its value, limit and unit, checked by
     * {@link MeasurementRules}; the ratio and the exceedance are computed. A bad row stores nothing.
     */
    public void enterMonitoring(Long id, FormValues form, Actor actor) {
        String reportNo = form.text(F_REPORT_NO, true, 60);
        LocalDate sampledOn = form.date(F_SAMPLED_ON, true);
        List<Measurement> measurements = InspectionForms.measurements(form, InspectionForms.results(form));
        if (sampledOn != null && sampledOn.isAfter(LocalDate.now(clock))) {
            form.reject(F_SAMPLED_ON, "hmc.validation.future-date");
        }
        form.check();
        Inspection inspection = inspection(id);
        inspection.monitored(reportNo, sampledOn, measurements.stream().map(StoredMeasurement::new).toList());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("monitoringReportNo", reportNo);
        changes.put("sampledOn", sampledOn.toString());
        changes.put("results", inspection.getMeasurements().stream().map(m -> m.getPollutant() + "@" + m.getPoint() + "="
                + m.getValue().toPlainString() + m.getUnit() + "/" + m.getLimit().toPlainString() + m.getLimitUnit()
                + "×" + m.getRatioToLimit().toPlainString()).collect(Collectors.joining("; ")));
        changes.put("exceedances", inspection.getMeasurements().stream().filter(StoredMeasurement::isExceeds).count());
        changes.put("state", inspection.getState().name());
        audit.record(CASE_TYPE, id, "MONITORING_RESULTS_ENTERED", actor, null, changes);
    }

    /**
     * 认定结果 — no problem (closed, published), a hazard (a hazard case started, linked both ways), violations
     * ({@link ViolationsFound} published in this transaction: exceedances from the measurements, the rest chosen from
     * the checklist's non-compliances), or hazard and violations together. A measured exceedance is a violation; a
     * non-compliance cannot be closed as "no problem".
     */
    public void decideFindings(Long id, FormValues form, Actor actor, Variables vars) {
        boolean hazard = form.bool(F_HAZARD_FOUND);
        boolean violation = form.bool(F_VIOLATION_FOUND);
        String comment = form.text(F_FINDINGS_COMMENT, true, 2000);
        String hazardTitle = form.text(F_HAZARD_TITLE, hazard, 200);
        String hazardLocation = form.text(F_HAZARD_LOCATION, hazard, 300);
        Inspection inspection = inspection(id);
        Map<String, ChecklistAnswer> answers = inspection.getAnswers().stream()
                .collect(Collectors.toMap(ChecklistAnswer::getItemCode, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        int before = form.problems().size();
        List<FoundViolation> chosen = violation ? InspectionForms.violations(form, answers) : List.of();
        boolean badRows = form.problems().size() > before;
        List<StoredMeasurement> exceeding = inspection.getMeasurements().stream().filter(StoredMeasurement::isExceeds).toList();
        if (!exceeding.isEmpty() && !violation) {
            form.reject(F_VIOLATION_FOUND, "hmc.validation.inspection.exceedance-is-violation", exceeding.size());
        }
        if (violation && exceeding.isEmpty() && chosen.isEmpty() && !badRows) {
            form.reject(F_VIOLATIONS, "hmc.validation.inspection.violation-needs-one");
        }
        boolean nonCompliant = answers.values().stream().anyMatch(a -> a.getAnswer() == ChecklistAnswer.Answer.NON_COMPLIANT);
        if (nonCompliant && !hazard && !violation) {
            form.reject(F_FINDINGS_COMMENT, "hmc.validation.inspection.non-compliance-needs-finding");
        }
        form.check();

        inspection.decided(hazard, violation, comment, chosen, actor.username(), clock.instant());
        Enterprise enterprise = enterprises.find(inspection.getEnterpriseId()).orElseThrow();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("result", inspection.result());
        if (hazard) {
            String description = comment + "\n" + answers.values().stream()
                    .filter(a -> a.getAnswer() == ChecklistAnswer.Answer.NON_COMPLIANT)
                    .map(a -> a.getItemCode() + "：" + a.getNote()).collect(Collectors.joining("\n"));
            Hazard h = hazards.reportFromInspection(actor, new HazardService.Report(enterprise.getId(),
                    HazardSource.BUREAU_INSPECTION, hazardTitle, description.strip(), hazardLocation,
                    enterprise.getKeyPollutants().stream().map(Enum::name).toList(), null), id);
            inspection.hazardOpened(h.getId());
            changes.put("hazardId", h.getId());
        }
        if (violation) {
            List<ViolationsFound.Violation> list = violationsOf(inspection, exceeding, chosen);
            events.publishEvent(new ViolationsFound(id, enterprise.getId(), actor.username(), clock.instant(), list));
            changes.put("violations", list.stream().map(v -> v.kind().name() + (v.pollutant() == null ? "" : ":" + v.pollutant()))
                    .collect(Collectors.joining(",")));
        }
        changes.put("state", inspection.getState().name());
        vars.accept(VAR_REFERRED, hazard || violation);
        audit.record(CASE_TYPE, id, hazard || violation ? "FINDINGS_REFERRED" : "CLOSED_NO_PROBLEM", actor, comment, changes);
    }

    private List<ViolationsFound.Violation> violationsOf(Inspection inspection, List<StoredMeasurement> exceeding,
                                                         List<FoundViolation> chosen) {
        LocalDate today = LocalDate.now(clock);
        List<PermitService.PermitLimit> limits = permits.limitsInForce(inspection.getEnterpriseId(), today);
        String anyPermit = limits.isEmpty() ? null : limits.get(0).permitNumber();
        List<ViolationsFound.Violation> list = new ArrayList<>();
        for (StoredMeasurement m : exceeding) {
            String permit = limits.stream().filter(l -> l.outletCode().equals(m.getPoint()) && l.pollutant().equals(m.getPollutant()))
                    .map(PermitService.PermitLimit::permitNumber).findFirst().orElse(anyPermit);
            list.add(new ViolationsFound.Violation(ViolationKind.EXCEEDS_STANDARD, m.getPollutant(), m.getPoint(),
                    m.getValue(), m.getLimit(), m.getUnit(), m.getLimitUnit(), m.getRatioToLimit(), true, permit,
                    m.getPollutant() + " " + m.getValue().toPlainString() + " " + m.getUnit() + " > "
                            + m.getLimit().toPlainString() + " " + m.getLimitUnit() + "（" + m.getRatioToLimit().toPlainString() + "倍）"));
        }
        for (FoundViolation v : chosen) {
            list.add(new ViolationsFound.Violation(v.getKind(), null, null, null, null, null, null, null, false,
                    anyPermit, v.getItemCode() + "：" + v.getDescription()));
        }
        return list;
    }

    /**
     * The process ended, on any path: publishes {@link InspectionClosed} with the origin and the result (CANCELLED
     * when the instance was deleted before the findings), so the lifecycle that asked for the inspection can go on.
     */
    public void ended(Long id) {
        Inspection inspection = inspections.findById(id).orElse(null);
        if (inspection == null) {
            // an instance whose inspection row is gone (or never existed: refused starts) has no one to tell
            return;
        }
        String result = inspection.result() == null ? InspectionClosed.CANCELLED : inspection.result();
        events.publishEvent(new InspectionClosed(id, inspection.getEnterpriseId(), inspection.getOriginType(),
                inspection.getOriginRef(), inspection.getChecklistCode(), result, clock.instant()));
    }

    /** A step's deadline passed: the inspection shows as overdue until its next step. */
    public void markOverdue(Long id, String taskKey) {
        inspection(id).markOverdue();
        audit.record(CASE_TYPE, id, "OVERDUE_ESCALATED", AuditTrail.SYSTEM, null, Map.of("task", taskKey, "overdue", true));
    }

    /** A reminder went out before a step's deadline. */
    public void reminded(Long id, String taskKey) {
        audit.record(CASE_TYPE, id, "REMINDER_SENT", AuditTrail.SYSTEM, null, Map.of("task", taskKey));
    }

    /**
     * The register rules for who inspects: at least two, each registered and active, covering the enterprise's
     * county (city level covers all), with no declared conflict of interest (回避).
     */
    void checkInspectors(List<Long> ids, Long enterpriseId, String field, List<FieldProblem> problems) {
        if (ids.isEmpty()) {
            return;
        }
        if (ids.size() < 2) {
            problems.add(new FieldProblem(field, "hmc.validation.inspection.two-inspectors"));
        }
        String county = enterprises.find(enterpriseId).map(Enterprise::getCounty).orElse(null);
        for (Long inspectorId : ids) {
            Inspector inspector = inspectors.findById(inspectorId).orElse(null);
            if (inspector == null || !inspector.isActive()) {
                problems.add(new FieldProblem(field, "hmc.validation.inspection.unknown-inspector", inspectorId));
            } else if (!inspector.covers(county)) {
                problems.add(new FieldProblem(field, "hmc.validation.inspection.inspector-county", inspector.getName(), county));
            } else if (conflicts.findAll().stream().anyMatch(c -> c.getInspectorId().equals(inspectorId)
                    && c.getEnterpriseId().equals(enterpriseId))) {
                problems.add(new FieldProblem(field, "hmc.validation.inspection.inspector-conflict", inspector.getName()));
            }
        }
    }

    InspectionChecklists.Checklist checklist(Inspection inspection) {
        return checklists.byCode(inspection.getChecklistCode())
                .orElseThrow(() -> new IllegalStateException("checklist " + inspection.getChecklistCode() + " missing"));
    }

    private Inspection inspection(Long id) {
        return inspections.findById(id).orElseThrow(() -> new IllegalStateException("inspection " + id + " missing"));
    }

    static final String F_SAMPLING_REQUIRED_FIELD = VAR_SAMPLING_REQUIRED;
}
