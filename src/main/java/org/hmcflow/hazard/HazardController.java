package org.hmcflow.hazard;

import static org.hmcflow.hazard.HazardProcess.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.hazard.HazardApi.*;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.Downloads;
import org.hmcflow.shared.workflow.FormLists;
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

/** 隐患 API: report, list, read, act on the case's current step, evidence and audit trail. */
@RestController
@RequestMapping("/api/hazards")
@Tag(name = "Hazards 隐患", description = "Environmental-risk hidden hazards: report → triage → rectify → verify → close out")
class HazardController {

    /** A request's list goes to its step as the Json rows a Tasklist form submits, read there by the same reader. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private final HazardService service;

    HazardController(HazardService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Report a hazard (enterprise self-inspection, bureau inspection, public complaint)")
    ResponseEntity<HazardSummary> report(@Valid @RequestBody ReportRequest body) {
        Hazard hazard = service.report(actor(), new HazardService.Report(body.enterpriseId(), body.source(),
                body.title(), body.description(), body.location(), body.pollutants(), null));
        return ResponseEntity.created(URI.create("/api/hazards/" + hazard.getId())).body(HazardSummary.of(hazard));
    }

    @PostMapping(path = "/with-evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Report a hazard with its photos or documents in one request (all stored, or none)")
    ResponseEntity<HazardSummary> reportWithEvidence(@Valid @RequestPart("report") ReportRequest body,
                                                     @RequestPart(name = "files", required = false) List<MultipartFile> files)
            throws IOException {
        List<HazardService.Upload> uploads = new java.util.ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            uploads.add(new HazardService.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
        }
        Hazard hazard = service.reportWithEvidence(actor(), new HazardService.Report(body.enterpriseId(), body.source(),
                body.title(), body.description(), body.location(), body.pollutants(), null), uploads);
        return ResponseEntity.created(URI.create("/api/hazards/" + hazard.getId())).body(HazardSummary.of(hazard));
    }

    @GetMapping
    @Operation(summary = "List hazards I may see, newest first")
    PageView<HazardSummary> list(@RequestParam(required = false) HazardState state,
                                 @RequestParam(required = false) HazardGrade grade,
                                 @RequestParam(required = false) Long enterpriseId,
                                 @RequestParam(required = false) Boolean overdue,
                                 @RequestParam(required = false) Boolean supervised,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Page<Hazard> result = service.list(actor(), new HazardService.Filter(state, grade, enterpriseId, overdue, supervised), page, size);
        return new PageView<>(result.map(HazardSummary::of).getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A hazard with its rounds, evidence and open steps")
    HazardDetail read(@PathVariable Long id) {
        Actor actor = actor();
        Hazard h = service.visible(actor, id);
        return new HazardDetail(HazardSummary.of(h), h.getDescription(), h.getLocation(), h.getPollutants(),
                h.getReportedBy(), h.getOriginInspectionId(), service.roundsOf(actor, id).stream().map(RoundView::of).toList(),
                service.evidenceOf(actor, id), service.openTasks(actor, id).stream().map(TaskView::of).toList());
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "The audit trail of a hazard")
    List<AuditView> audit(@PathVariable Long id) {
        return service.trail(actor(), id).stream().map(AuditView::of).toList();
    }

    @PostMapping("/{id}/triage")
    @Operation(summary = "研判定级 — triage (bureau)")
    ResponseEntity<Void> triage(@PathVariable Long id, @Valid @RequestBody TriageRequest body) {
        return act(id, TASK_TRIAGE, body);
    }

    @PostMapping("/{id}/plan")
    @Operation(summary = "提交整改方案 — a major hazard's rectification plan (enterprise)")
    ResponseEntity<Void> plan(@PathVariable Long id, @Valid @RequestBody PlanRequest body) {
        return act(id, TASK_SUBMIT_PLAN, body);
    }

    @PostMapping("/{id}/plan-review")
    @Operation(summary = "审批整改方案 — approve or return the plan (bureau)")
    ResponseEntity<Void> planReview(@PathVariable Long id, @Valid @RequestBody PlanReviewRequest body) {
        return act(id, TASK_APPROVE_PLAN, body);
    }

    @PostMapping("/{id}/rectification")
    @Operation(summary = "整改完成 — report the round done; before/after photos must be attached first (enterprise)")
    ResponseEntity<Void> rectification(@PathVariable Long id, @Valid @RequestBody RectificationRequest body) {
        return act(id, TASK_RECTIFY, body);
    }

    @PostMapping("/{id}/expert-opinion")
    @Operation(summary = "专家评估 — the experts' opinion on a major hazard (bureau)")
    ResponseEntity<Void> expertOpinion(@PathVariable Long id, @Valid @RequestBody ExpertOpinionRequest body) {
        return act(id, TASK_EXPERT_OPINION, body);
    }

    @PostMapping("/{id}/verification")
    @Operation(summary = "核查整改 — pass, or fail with the next period (responsible department)")
    ResponseEntity<Void> verification(@PathVariable Long id, @Valid @RequestBody VerificationRequest body) {
        return act(id, TASK_VERIFY, body);
    }

    @PostMapping("/{id}/supervision-decision")
    @Operation(summary = "督办销号 — lift or continue the supervision of a major hazard (supervisors)")
    ResponseEntity<Void> supervision(@PathVariable Long id, @Valid @RequestBody SupervisionRequest body) {
        return act(id, TASK_LIFT_SUPERVISION, body);
    }

    @PostMapping("/{id}/recheck")
    @Operation(summary = "回头看 — confirm the result or reopen the case (responsible department)")
    ResponseEntity<Void> recheck(@PathVariable Long id, @Valid @RequestBody RecheckRequest body) {
        return act(id, TASK_RECHECK, body);
    }

    @PostMapping(path = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a file: JPEG, PNG or PDF, checked by content")
    ResponseEntity<EvidenceSummary> attach(@PathVariable Long id, @RequestParam EvidenceFile.Kind kind,
                                           @RequestParam(required = false) String pointLabel,
                                           @RequestPart("file") MultipartFile file) throws IOException {
        EvidenceSummary saved = service.attach(actor(), id, kind, pointLabel, file.getOriginalFilename(),
                file.getContentType(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/hazards/" + id + "/evidence/" + saved.id())).body(saved);
    }

    @GetMapping("/{id}/evidence/{fileId}")
    @Operation(summary = "Download an attached file")
    ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long fileId) {
        EvidenceFile file = service.evidenceFile(actor(), id, fileId);
        return Downloads.attachment(file);
    }

    /** The request's fields become the step's form values (plain strings and numbers; BigDecimal as its text). */
    private ResponseEntity<Void> act(Long id, String taskKey, Record body) {
        Map<String, Object> values = new HashMap<>();
        for (RecordComponent c : body.getClass().getRecordComponents()) {
            try {
                Object value = c.getAccessor().invoke(body);
                values.put(c.getName(), value instanceof BigDecimal d ? d.toPlainString()
                        : value instanceof List<?> rows ? FormLists.value(JSON.convertValue(rows, ROWS)) : value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        service.act(actor(), id, taskKey, values);
        return ResponseEntity.noContent().build();
    }

    private static Actor actor() {
        return CurrentActor.get();
    }
}
