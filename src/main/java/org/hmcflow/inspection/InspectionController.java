package org.hmcflow.inspection;

import static org.hmcflow.inspection.InspectionProcess.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.inspection.InspectionCaseApi.*;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.Downloads;
import org.hmcflow.user.Actor;
import org.springframework.data.domain.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 监督检查 API: start (for a drawn plan, or ad hoc), list, read, preparation, each step, evidence, audit trail. Each
 * step's body becomes the values its Camunda form would send, so Tasklist and API follow the same rules.
 */
@RestController
@RequestMapping("/api/inspection/inspections")
@Tag(name = "Inspections 监督检查", description = "Preparation → on-site record → confirmation/dispute → monitoring → findings")
class InspectionController {

    private final InspectionCaseService service;

    InspectionController(InspectionCaseService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Start an ad hoc inspection (e.g. after a complaint) with at least two registered inspectors")
    ResponseEntity<InspectionSummary> adHoc(@Valid @RequestBody AdHocRequest body) {
        Inspection i = service.startAdHoc(actor(), new InspectionCaseService.AdHoc(body.enterpriseId(),
                body.inspectorIds(), body.reason(), body.samplingRequired()));
        return ResponseEntity.created(URI.create("/api/inspection/inspections/" + i.getId())).body(InspectionSummary.of(i));
    }

    @PostMapping("/for-case")
    @Operation(summary = "Start an inspection for a case of another lifecycle (e.g. confirm production stopped); its end publishes InspectionClosed")
    ResponseEntity<InspectionSummary> forCase(@Valid @RequestBody ForCaseRequest body) {
        Inspection i = service.startForCase(actor(), new InspectionCaseService.ForCase(body.enterpriseId(),
                body.origin(), body.originRef(), body.purpose(), body.inspectorIds(), body.reason(),
                body.samplingRequired()));
        return ResponseEntity.created(URI.create("/api/inspection/inspections/" + i.getId())).body(InspectionSummary.of(i));
    }

    @PostMapping("/for-plan/{planId}")
    @Operation(summary = "Start the inspections of every enterprise a plan's draw selected (those not started yet)")
    List<InspectionSummary> forPlan(@PathVariable Long planId) {
        return service.startForPlan(actor(), planId).stream().map(InspectionSummary::of).toList();
    }

    @GetMapping
    @Operation(summary = "Inspections I may see, newest first (an enterprise: its own, once inspected on site)")
    PageView<InspectionSummary> list(@RequestParam(required = false) InspectionState state,
                                     @RequestParam(required = false) Long enterpriseId,
                                     @RequestParam(required = false) Long planId,
                                     @RequestParam(required = false) Boolean overdue,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Page<Inspection> result = service.list(actor(), new InspectionCaseService.Filter(state, enterpriseId, planId, overdue),
                page, size);
        return new PageView<>(result.map(InspectionSummary::of).getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/{id}")
    @Operation(summary = "An inspection with its record, answers, measurements, findings, evidence and open steps")
    InspectionDetail read(@PathVariable Long id) {
        Actor actor = actor();
        return InspectionDetail.of(service.detailed(actor, id), service.evidenceOf(actor, id), service.openTasks(actor, id));
    }

    @GetMapping("/{id}/preparation")
    @Operation(summary = "检查准备 — the industry checklist, the permit limits in force and the open hazards (staff)")
    PreparationView preparation(@PathVariable Long id) {
        return PreparationView.of(service.preparation(actor(), id));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "The audit trail of an inspection")
    List<AuditView> audit(@PathVariable Long id) {
        return service.trail(actor(), id).stream().map(AuditView::of).toList();
    }

    @PostMapping("/{id}/preparation")
    @Operation(summary = "检查准备 — preparation done (inspectors' department)")
    ResponseEntity<Void> prepare(@PathVariable Long id, @RequestBody PreparationRequest body) {
        Map<String, Object> values = new HashMap<>();
        values.put(F_PREPARATION_NOTE, body.preparationNote());
        values.put(VAR_SAMPLING_REQUIRED, body.samplingRequired());
        return act(id, TASK_PREPARE, values);
    }

    @PostMapping("/{id}/on-site-record")
    @Operation(summary = "现场检查笔录 — the checklist answered item by item, inspectors present (inspectors' department)")
    ResponseEntity<Void> onSite(@PathVariable Long id, @RequestBody OnSiteRequest body) {
        Map<String, Object> values = new HashMap<>();
        values.put(F_INSPECTED_ON, body.inspectedOn() == null ? null : body.inspectedOn().toString());
        values.put(F_PRESENT_INSPECTORS, rows(InspectionForms.presentRows(body.presentInspectorIds())));
        values.put(F_CHECKLIST_ANSWERS, rows(body.answers()));
        values.put(F_RECORD_SUMMARY, body.recordSummary());
        values.put(F_WITNESS, body.witness());
        return act(id, TASK_RECORD_ON_SITE, values);
    }

    @PostMapping("/{id}/confirmation")
    @Operation(summary = "笔录确认 — confirm or dispute the record (the enterprise)")
    ResponseEntity<Void> confirmation(@PathVariable Long id, @RequestBody ConfirmationRequest body) {
        Map<String, Object> values = new HashMap<>();
        values.put(F_CONFIRMATION, body.recordConfirmation());
        values.put(F_REPRESENTATIVE, body.representative());
        values.put(F_DISPUTE_REASON, body.disputeReason());
        return act(id, TASK_CONFIRM_RECORD, values);
    }

    @PostMapping("/{id}/dispute-answer")
    @Operation(summary = "异议复核 — uphold or amend the disputed record (inspectors' department)")
    ResponseEntity<Void> disputeAnswer(@PathVariable Long id, @RequestBody DisputeAnswerRequest body) {
        Map<String, Object> values = new HashMap<>();
        values.put(F_DISPUTE_OUTCOME, body.disputeOutcome());
        values.put(F_DISPUTE_RESPONSE, body.disputeResponse());
        values.put(F_AMENDED_SUMMARY, body.amendedSummary());
        return act(id, TASK_ANSWER_DISPUTE, values);
    }

    @PostMapping("/{id}/monitoring-results")
    @Operation(summary = "监测结果 — each pollutant with value, limit and units; a wrong unit or a negative value is refused (monitoring station)")
    ResponseEntity<Void> monitoring(@PathVariable Long id, @RequestBody MonitoringRequest body) {
        Map<String, Object> values = new HashMap<>();
        values.put(F_REPORT_NO, body.monitoringReportNo());
        values.put(F_SAMPLED_ON, body.sampledOn() == null ? null : body.sampledOn().toString());
        values.put(F_RESULTS, rows(body.results()));
        return act(id, TASK_ENTER_MONITORING, values);
    }

    @PostMapping("/{id}/findings")
    @Operation(summary = "认定结果 — no problem, a hazard (starts a hazard case), violations (opens an enforcement case)")
    ResponseEntity<Void> findings(@PathVariable Long id, @RequestBody FindingsRequest body) {
        Map<String, Object> values = new HashMap<>();
        values.put(F_HAZARD_FOUND, Boolean.TRUE.equals(body.hazardFound()));
        values.put(F_VIOLATION_FOUND, Boolean.TRUE.equals(body.violationFound()));
        values.put(F_FINDINGS_COMMENT, body.findingsComment());
        values.put(F_HAZARD_TITLE, body.hazardTitle());
        values.put(F_HAZARD_LOCATION, body.hazardLocation());
        values.put(F_VIOLATIONS, rows(body.violations()));
        return act(id, TASK_DECIDE_FINDINGS, values);
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a photo, document or sampling record: JPEG, PNG or PDF, checked by content")
    ResponseEntity<InspectionEvidenceSummary> attach(@PathVariable Long id, @RequestParam InspectionEvidence.Kind kind,
                                                     @RequestPart("file") MultipartFile file) throws IOException {
        InspectionEvidenceSummary saved = service.attach(actor(), id, kind, file.getOriginalFilename(),
                file.getContentType(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/inspection/inspections/" + id + "/evidence/" + saved.id())).body(saved);
    }

    @GetMapping("/{id}/evidence/{fileId}")
    @Operation(summary = "Download an evidence file")
    ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long fileId) {
        InspectionEvidence file = service.evidenceFile(actor(), id, fileId);
        return Downloads.attachment(file);
    }

    /** A JSON list of the request as the rows its form's list holds: the step reads both with one reader. */
    private static Object rows(List<?> records) {
        return records == null ? null : InspectionForms.rows(records);
    }

    private ResponseEntity<Void> act(Long id, String taskKey, Map<String, Object> values) {
        values.values().removeIf(java.util.Objects::isNull);
        service.act(actor(), id, taskKey, values);
        return ResponseEntity.noContent().build();
    }

    private static Actor actor() {
        return CurrentActor.get();
    }
}
