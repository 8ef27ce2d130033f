package org.hmcflow.selfinspection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.hmcflow.selfinspection.SelfInspectionApi.*;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 隐患自查 API: the checklist, filing, reading filings, and who is overdue. */
@RestController
@RequestMapping("/api/self-inspections")
@Tag(name = "Self-inspections 隐患自查", description = "An enterprise's routine (monthly) and comprehensive (yearly) "
        + "self-inspection; non-compliant items become hazard reports")
@Validated
class SelfInspectionController {

    private final SelfInspectionService service;

    SelfInspectionController(SelfInspectionService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "File a self-inspection (enterprise users); each non-compliant item is reported as a hazard")
    ResponseEntity<Filed> file(@Valid @RequestBody FileRequest body) {
        SelfInspection filed = service.file(actor(), body.toFiling());
        return ResponseEntity.created(URI.create("/api/self-inspections/" + filed.getId())).body(Filed.of(filed));
    }

    @GetMapping
    @Operation(summary = "Self-inspections I may see, newest first (an enterprise sees its own; bureau staff all, "
            + "optionally for one enterprise)")
    PageView<Summary> list(@RequestParam(required = false) Long enterpriseId,
                           @RequestParam(required = false) SelfInspectionKind kind,
                           @RequestParam(required = false) String period,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Page<SelfInspection> result = service.list(actor(), new SelfInspectionService.Filter(enterpriseId, kind, period),
                page, size);
        return new PageView<>(result.map(Summary::of).getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A self-inspection with its answered items")
    Detail read(@PathVariable Long id) {
        return Detail.of(service.visible(actor(), id), service.checklist());
    }

    @GetMapping("/checklist")
    @Operation(summary = "The checklist items, in Chinese and English; only those of one kind if given")
    List<ChecklistItemView> checklist(@RequestParam(required = false) SelfInspectionKind kind) {
        SelfInspectionChecklist checklist = service.checklist();
        return (kind == null ? checklist.all() : checklist.itemsOf(kind)).stream().map(ChecklistItemView::of).toList();
    }

    @GetMapping("/overdue")
    @Operation(summary = "逾期未自查 — enterprises missing the latest due routine or comprehensive check (bureau staff)")
    List<OverdueSelfInspection> overdue() {
        Actor actor = actor();
        if (!(actor.isDepartmentStaff() || actor.is(Role.SUPERVISOR) || actor.is(Role.ADMIN))) {
            throw new ForbiddenException("hmc.error.bureau-only");
        }
        return service.overdue();
    }

    private static Actor actor() {
        return CurrentActor.get();
    }
}
