package org.hmcflow.enforcement;

import static org.hmcflow.enforcement.EnforcementProcess.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hmcflow.enforcement.EnforcementApi.*;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.Downloads;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 执法 API: open a case, read it with its case file, act on its current step, penalties, documents, transfers. */
@RestController
@Tag(name = "Enforcement 执法", description = "Order to correct → measure (部令第30号) → plan → rectification → re-inspection → lifted / escalated")
class EnforcementController {

    private static final Set<String> STEPS = Set.of(TASK_DECIDE_MEASURE, TASK_APPROVE_MEASURE, TASK_SUBMIT_PLAN,
            TASK_RECTIFY, TASK_REINSPECT, TASK_CHOOSE_ESCALATION, TASK_APPROVE_EXTENSION, TASK_APPROVE_CLOSURE,
            TASK_CLOSE_CASE, TASK_RECORD_POLICE_ANSWER);

    private final EnforcementService service;
    private final EnforcementProperties properties;
    private final org.hmcflow.enterprise.EnterpriseService enterprises;
    private final Clock clock;

    EnforcementController(EnforcementService service, EnforcementProperties properties,
                          org.hmcflow.enterprise.EnterpriseService enterprises, Clock clock) {
        this.service = service;
        this.properties = properties;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    @PostMapping("/api/enforcement/cases")
    @Operation(summary = "Open a case (bureau reviewer): violations, measurement-based ones with their monitoring result")
    ResponseEntity<CaseSummary> open(@RequestBody OpenCaseRequest body) {
        List<EnforcementService.ViolationInput> inputs = body.violations() == null ? null : body.violations().stream()
                .map(v -> v == null ? null : new EnforcementService.ViolationInput(v.kind(), v.permitNumber(),
                        v.description(), v.measurement() == null ? null : v.measurement().entry())).toList();
        EnforcementCase c = service.openByReviewer(actor(), body.enterpriseId(), inputs);
        return ResponseEntity.created(URI.create("/api/enforcement/cases/" + c.getId())).body(CaseSummary.of(c));
    }

    @GetMapping("/api/enforcement/cases")
    @Operation(summary = "Cases I may see, newest first")
    List<CaseSummary> list() {
        return service.list(actor()).stream().map(CaseSummary::of).toList();
    }

    @GetMapping("/api/enforcement/cases/{id}")
    @Operation(summary = "A case with its violations, proposals and grounds, results, penalties, documents, transfers, open steps and every decision")
    CaseDetail read(@PathVariable Long id) {
        Actor a = actor();
        EnforcementCase c = service.visible(a, id);
        DailyFines.Computation running = service.runningDailyFine(c);
        DailyFineView daily = running == null ? null : new DailyFineView(c.getDailyFineSince(), c.getDailyFineBase(),
                c.getDailyFineBaseArticle(), running.days(), running.amount());
        return new CaseDetail(CaseSummary.of(c), c.getMeasureReason(), c.getOrderText(), c.getDecidedOn(),
                c.getDecisionPublishedOn(), c.getPlanDue(), c.getPlanText(), c.getPlanPublishedOn(),
                c.getRectificationDue(), c.getReinspections(), c.isExtensionUsed(), c.getExtensionMonths(), daily,
                c.getLiftedOn(), c.getClosureProposedOn(), c.getClosureDecided(), c.getOutcome(), c.isBlacklisted(),
                service.violationsOf(a, id).stream().map(ViolationView::of).toList(),
                service.resultsOf(a, id).stream().map(ResultView::of).toList(),
                service.penaltiesOf(a, id).stream().map(PenaltyView::of).toList(),
                service.documentsOf(a, id).stream().map(DocumentView::of).toList(),
                service.transfersOf(a, id).stream().map(TransferView::of).toList(),
                service.openTasks(a, id).stream().map(TaskView::of).toList(),
                service.trail(a, id).stream().map(AuditView::of).toList());
    }

    @GetMapping("/api/enforcement/cases/{id}/audit")
    @Operation(summary = "The audit trail of a case")
    List<AuditView> audit(@PathVariable Long id) {
        return service.trail(actor(), id).stream().map(AuditView::of).toList();
    }

    @PostMapping("/api/enforcement/cases/{id}/tasks/{taskKey}")
    @Operation(summary = "Do the case's current step with the form's values (the same fields as the Camunda form)")
    ResponseEntity<Void> act(@PathVariable Long id, @PathVariable String taskKey,
                             @RequestBody Map<String, Object> values) {
        if (!STEPS.contains(taskKey)) {
            throw new NotFoundException("step " + taskKey);
        }
        service.act(actor(), id, taskKey, values == null ? Map.of() : values);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/enforcement/cases/{id}/reinspection")
    @Operation(summary = "复查 — re-inspection with its monitoring results; pass/fail computed (bureau)")
    ResponseEntity<Void> reinspect(@PathVariable Long id, @RequestBody ReinspectionRequest body) {
        service.reinspect(actor(), id, body.results() == null ? null
                : body.results().stream().map(r -> r == null ? null : r.entry()).toList(), body.comment());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/enforcement/cases/{id}/penalties")
    @Operation(summary = "罚款 — a fine with its legal article; the amount must lie in the article's range (bureau)")
    ResponseEntity<PenaltyView> penalty(@PathVariable Long id, @RequestBody PenaltyRequest body) {
        Penalty p = service.enterPenalty(actor(), id, body.articleCode(), body.amount(), body.note());
        return ResponseEntity.created(URI.create("/api/enforcement/cases/" + id)).body(PenaltyView.of(p));
    }

    @GetMapping("/api/enforcement/penalty-articles")
    @Operation(summary = "The articles a penalty may be entered under, with their ranges")
    List<EnforcementProperties.PenaltyArticle> articles() {
        actor();
        return properties.penaltyArticles();
    }

    @PostMapping("/api/enforcement/cases/{id}/police-transfers")
    @Operation(summary = "案件移送 — send the case to the police; tracked until they answer (bureau)")
    ResponseEntity<TransferView> transfer(@PathVariable Long id, @RequestBody PoliceTransferRequest body) {
        PoliceTransfer t = service.transferToPolice(actor(), id, body.kind(), body.policeUnit(), body.sentOn());
        return ResponseEntity.created(URI.create("/api/enforcement/cases/" + id)).body(TransferView.of(t));
    }

    @PostMapping(path = "/api/enforcement/cases/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a document to the case file: JPEG, PNG or PDF, checked by content")
    ResponseEntity<DocumentView> attach(@PathVariable Long id, @RequestParam String title,
                                        @RequestPart("file") MultipartFile file) throws IOException {
        CaseDocument d = service.attach(actor(), id, title, file.getOriginalFilename(), file.getContentType(),
                file.getBytes());
        return ResponseEntity.created(URI.create("/api/enforcement/cases/" + id + "/documents/" + d.getId()))
                .body(DocumentView.of(d));
    }

    @GetMapping("/api/enforcement/cases/{id}/documents/{documentId}")
    @Operation(summary = "Download a document of the case file")
    ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long documentId) {
        CaseDocument d = service.document(actor(), id, documentId);
        return Downloads.attachment(d);
    }

    @GetMapping("/api/public/enforcement/decisions")
    @Operation(summary = "公开 — published 限制生产/停产整治 decisions, plans, extensions and lifted dates (no login)")
    List<PublicDecision> published() {
        return service.publishedDecisions().stream().map(c -> new PublicDecision(c.getReference(),
                enterprises.find(c.getEnterpriseId()).map(org.hmcflow.enterprise.Enterprise::getName).orElse(null),
                c.getMeasure(), c.getDecidedOn(), c.getDecisionPublishedOn(),
                c.getRectificationDue() == null ? null : LocalDate.ofInstant(c.getRectificationDue(), clock.getZone()),
                c.getExtensionMonths(), c.getPlanPublishedOn(), c.getPlanText(), c.getLiftedOn())).toList();
    }

    private static Actor actor() {
        return CurrentActor.get();
    }
}
