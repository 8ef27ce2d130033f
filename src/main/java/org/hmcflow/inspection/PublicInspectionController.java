package org.hmcflow.inspection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.hmcflow.inspection.InspectionApi.PublicPlan;
import org.hmcflow.inspection.InspectionApi.PublicPlanSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 一公开 — the drawn lists, open without login once each plan's publish-after date has passed (from the next day,
 * 00:00 in {@code hmc.time-zone}): who is inspected, by whom, and the seed and snapshot hash of the draw. Until then a
 * plan is "not found" here.
 */
@RestController
@RequestMapping("/api/public/inspections")
@Tag(name = "Public inspection lists 双随机公开", description = "Open without login once a plan's list is public")
class PublicInspectionController {

    private final InspectionService service;
    private final InspectionCaseService cases;

    PublicInspectionController(InspectionService service, InspectionCaseService cases) {
        this.service = service;
        this.cases = cases;
    }

    @GetMapping("/results")
    @Operation(summary = "检查结果公开 — decided inspections: enterprise, day and result, newest first (nothing personal)")
    List<InspectionCaseService.PublicResult> results() {
        return cases.publishedResults();
    }

    @GetMapping("/plans")
    @Operation(summary = "Plans whose drawn list is public, newest first")
    List<PublicPlanSummary> plans() {
        return service.published().stream().map(PublicPlanSummary::of).toList();
    }

    @GetMapping("/plans/{id}")
    @Operation(summary = "A public drawn list")
    PublicPlan plan(@PathVariable Long id) {
        InspectionService.Drawn drawn = service.published(id);
        return PublicPlan.of(drawn, service.namesIn(drawn));
    }
}
