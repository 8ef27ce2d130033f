package org.hmcflow.permit.application;

import static org.hmcflow.permit.application.PermitApplicationProcess.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.permit.application.PermitApi.*;
import org.hmcflow.review.MultiPartyReviewProcess;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.workflow.FormLists;
import org.hmcflow.user.Actor;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 排污许可申领 API: enterprises file and correct applications; the bureau accepts, reviews, inspects and decides, the
 * participating departments give their opinions; everyone allowed reads the application with its statutory clock.
 */
@RestController
@RequestMapping("/api/permits/applications")
@Tag(name = "Permit applications 排污许可申领",
        description = "File → accept (受理) → admission rules → technical and joint review, site inspection → decide → permit")
class PermitApplicationController {

    private final PermitApplicationService service;

    PermitApplicationController(PermitApplicationService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "File an application for one site of my enterprise (enterprise)")
    ResponseEntity<ApplicationSummary> file(@Valid @RequestBody ApplicationRequest body) {
        PermitApplication application = service.file(actor(), body.toContents());
        return ResponseEntity.created(URI.create("/api/permits/applications/" + application.getId()))
                .body(ApplicationSummary.of(application, service.clockOf(application)));
    }

    @GetMapping
    @Operation(summary = "Applications I may see, newest first, each with its statutory days left")
    PageView<ApplicationSummary> list(@RequestParam(required = false) ApplicationState state,
                                      @RequestParam(required = false) Long enterpriseId,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Page<PermitApplication> result = service.list(actor(), new PermitApplicationService.Filter(state, enterpriseId),
                page, size);
        return new PageView<>(result.getContent().stream().map(a -> ApplicationSummary.of(a, service.clockOf(a))).toList(),
                page, size, result.getTotalElements());
    }

    @GetMapping("/{id}")
    @Operation(summary = "An application: contents, admission, statutory clock ledger, corrections, joint review, permit")
    ApplicationDetail read(@PathVariable Long id) {
        return ApplicationDetail.of(service.details(actor(), id));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "The audit trail of an application")
    List<AuditView> audit(@PathVariable Long id) {
        return service.trail(actor(), id).stream().map(AuditView::of).toList();
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "补正 — resubmit the corrected application at the open correction step (enterprise)")
    ResponseEntity<Void> corrections(@PathVariable Long id, @Valid @RequestBody CorrectionRequest body) {
        service.resubmit(actor(), id, body.application().toContents(), body.correctionStatement());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/acceptance")
    @Operation(summary = "受理 — accept, return once with everything missing, or refuse (bureau)")
    ResponseEntity<Void> acceptance(@PathVariable Long id, @Valid @RequestBody AcceptanceRequest body) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(F_ACCEPTANCE_DECISION, body.acceptanceDecision());
        // the rows the form's dynamic list submits, so the step reads API and Tasklist with one reader
        values.put(F_MISSING_ITEMS, body.missingItems() == null ? null : FormLists.value(body.missingItems().stream()
                .map(item -> java.util.Collections.singletonMap(C_MISSING_ITEM, item)).toList()));
        values.put(F_NOT_ACCEPTED_REASON, body.notAcceptedReason());
        values.put(F_ACCEPTANCE_COMMENT, body.acceptanceComment());
        return act(id, TASK_ACCEPT, values);
    }

    @PostMapping("/{id}/technical-review")
    @Operation(summary = "技术审查 — proceed (category, site inspection, joint departments) or ask for corrections (bureau)")
    ResponseEntity<Void> technicalReview(@PathVariable Long id, @Valid @RequestBody TechnicalReviewRequest body) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(F_REVIEW_OUTCOME, body.reviewOutcome());
        values.put(F_CATEGORY, body.managementCategory());
        values.put(F_SITE_INSPECTION, Boolean.TRUE.equals(body.siteInspectionRequired()));
        values.put(F_JOINT_DEPARTMENTS, rows(C_DEPARTMENT, body.jointDepartments()));
        values.put(F_REVIEW_CORRECTION_ITEMS, rows(C_ITEM, body.reviewCorrectionItems()));
        values.put(F_REVIEW_COMMENT, body.reviewComment());
        return act(id, TASK_TECHNICAL_REVIEW, values);
    }

    @PostMapping("/{id}/joint-opinion")
    @Operation(summary = "会审意见 — my department's opinion in the joint review (participating department)")
    ResponseEntity<Void> jointOpinion(@PathVariable Long id, @Valid @RequestBody JointOpinionRequest body) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(MultiPartyReviewProcess.F_OPINION, body.jointOpinion());
        values.put(MultiPartyReviewProcess.F_OPINION_TEXT, body.jointComment());
        service.giveJointOpinion(actor(), id, values);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/site-inspection")
    @Operation(summary = "现场核查 — the site inspection's date, result and findings (bureau)")
    ResponseEntity<Void> siteInspection(@PathVariable Long id, @Valid @RequestBody SiteInspectionRequest body) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(F_INSPECTION_DATE, body.inspectionDate().toString());
        values.put(F_INSPECTION_RESULT, body.inspectionResult());
        values.put(F_INSPECTION_FINDINGS, body.inspectionFindings());
        return act(id, TASK_INSPECT_SITE, values);
    }

    @PostMapping("/{id}/decision")
    @Operation(summary = "决定 — issue the permit or refuse with reasons (bureau)")
    ResponseEntity<Void> decision(@PathVariable Long id, @Valid @RequestBody DecisionRequest body) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(F_DECISION, body.decision());
        values.put(F_DECISION_COMMENT, body.decisionComment());
        return act(id, TASK_DECIDE, values);
    }

    @PostMapping("/{id}/clock/pauses")
    @Operation(summary = "Stop the statutory clock for expert review or a hearing (行政许可法 Art 45; bureau)")
    ResponseEntity<PauseView> pause(@PathVariable Long id, @Valid @RequestBody PauseRequest body) {
        ClockPause pause = service.pauseClock(actor(), id, body.reason(), body.note());
        return ResponseEntity.created(URI.create("/api/permits/applications/" + id)).body(PauseView.of(pause));
    }

    @PostMapping("/{id}/clock/resume")
    @Operation(summary = "Run the statutory clock again after expert review or a hearing (bureau)")
    PauseView resume(@PathVariable Long id, @Valid @RequestBody ResumeRequest body) {
        return PauseView.of(service.resumeClock(actor(), id, body.note()));
    }

    private ResponseEntity<Void> act(Long id, String taskKey, Map<String, Object> values) {
        service.act(actor(), id, taskKey, values);
        return ResponseEntity.noContent().build();
    }

    /** An API list as the rows of a form's dynamic list, one cell each (the Json value Tasklist submits too). */
    private static Object rows(String cell, List<String> items) {
        return items == null ? null : FormLists.value(items.stream().map(item -> Map.of(cell, item)).toList());
    }

    private static String lines(List<String> items) {
        return items == null ? null : String.join("\n", items);
    }

    private static Actor actor() {
        return CurrentActor.get();
    }
}
