package org.hmcflow.inspection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.hmcflow.inspection.InspectionApi.*;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 检查计划与双随机抽取: plans, their one draw, and re-running a draw to check it. */
@RestController
@RequestMapping("/api/inspection/plans")
@Tag(name = "Inspection plans 检查计划", description = "Periodic plans and special campaigns; the random draw (双随机) and its verification")
class InspectionPlanController {

    private final InspectionService service;

    InspectionPlanController(InspectionService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Create a plan (city bureau)")
    ResponseEntity<PlanView> create(@Valid @RequestBody PlanRequest body) {
        InspectionPlan plan = service.createPlan(actor(), body.toInput());
        return ResponseEntity.created(URI.create("/api/inspection/plans/" + plan.getId())).body(PlanView.of(plan, false));
    }

    @GetMapping
    @Operation(summary = "Plans, newest first, optionally of one year or county")
    List<PlanView> list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String county) {
        Actor actor = actor();
        return service.plans(actor, year, county).stream()
                .map(p -> PlanView.of(p, service.isDrawn(p.getId()))).toList();
    }

    @GetMapping("/{id}")
    PlanView read(@PathVariable Long id) {
        return PlanView.of(service.plan(actor(), id), service.isDrawn(id));
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "The audit trail of a plan: creation and draw (with seed and register hashes)")
    List<AuditView> audit(@PathVariable Long id) {
        return service.trail(actor(), id).stream().map(AuditView::of).toList();
    }

    @PostMapping("/{id}/draw")
    @Operation(summary = "双随机 — draw the enterprises and their inspectors, once per plan (city bureau)")
    ResponseEntity<DrawView> draw(@PathVariable Long id, @Valid @RequestBody(required = false) DrawRequest body) {
        InspectionService.Drawn drawn = service.draw(actor(), id, body == null ? null : body.seed());
        return ResponseEntity.created(URI.create("/api/inspection/plans/" + id + "/draw")).body(view(drawn));
    }

    @GetMapping("/{id}/draw")
    @Operation(summary = "The plan's draw: seed, register hashes and the drawn inspections")
    DrawView drawOf(@PathVariable Long id) {
        return service.drawOf(actor(), id).map(this::view).orElseThrow(() -> new NotFoundException("draw of plan " + id));
    }

    @GetMapping(path = "/{id}/draw/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The stored register snapshot the draw used (canonical JSON; its SHA-256 is the draw's snapshotSha256)")
    String snapshot(@PathVariable Long id) {
        return service.drawOf(actor(), id).map(d -> d.draw().getSnapshot())
                .orElseThrow(() -> new NotFoundException("draw of plan " + id));
    }

    @GetMapping("/{id}/draw/verification")
    @Operation(summary = "Re-run the draw from its stored seed and snapshot and say whether it gives the stored list")
    InspectionService.Verification verify(@PathVariable Long id) {
        return service.verify(actor(), id);
    }

    private DrawView view(InspectionService.Drawn drawn) {
        return DrawView.of(drawn, service.namesIn(drawn));
    }

    private static Actor actor() {
        return CurrentActor.get();
    }
}
