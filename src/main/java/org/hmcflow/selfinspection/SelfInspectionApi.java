package org.hmcflow.selfinspection;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Request and response bodies of the self-inspection API. Records, never entities. */
final class SelfInspectionApi {

    private SelfInspectionApi() {
    }

    @Schema(description = "A self-inspection (隐患自查) of the signed-in enterprise: every checklist item of the kind, answered once")
    record FileRequest(
            @Schema(description = "ROUTINE (日常排查, monthly) or COMPREHENSIVE (综合排查, yearly)") @NotNull SelfInspectionKind kind,
            @Schema(description = "YYYY-MM for ROUTINE, YYYY for COMPREHENSIVE; not in the future", example = "2026-11")
            @NotBlank @Size(max = 7) String period,
            @Schema(description = "排查日期 — inside the period, not in the future") @NotNull LocalDate inspectedOn,
            @Schema(description = "排查人 — who inspected") @NotBlank @Size(max = 100) String inspectorName,
            @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid ItemAnswer> items) {

        SelfInspectionService.Filing toFiling() {
            return new SelfInspectionService.Filing(kind, period, inspectedOn, inspectorName, items.stream()
                    .map(i -> new SelfInspectionService.Answer(i.itemCode(), i.compliant(), i.answer(), i.finding(),
                            i.location(), i.pollutants()))
                    .toList());
        }
    }

    @Schema(description = "One answered checklist item; a non-compliant one needs finding, location and pollutants and becomes a hazard report")
    record ItemAnswer(
            @Schema(description = "The checklist item's code (GET /api/self-inspections/checklist)") @NotBlank @Size(max = 40) String itemCode,
            @Schema(description = "true = 符合 (compliant), false = 不符合 (non-compliant); or give answer instead") Boolean compliant,
            @Schema(description = "COMPLIANT, NON_COMPLIANT or NOT_APPLICABLE (不适用, counts as compliant); the portal's "
                    + "form rows send this instead of compliant") SelfInspectionConclusion answer,
            @Schema(description = "发现的问题 — required when non-compliant; becomes the hazard's description") @Size(max = 2000) String finding,
            @Schema(description = "Where it was found; required when non-compliant") @Size(max = 300) String location,
            @Schema(description = "Heavy metals involved, element symbols (Pb, Cd, …); required when non-compliant")
            @Size(max = 14) List<@NotBlank String> pollutants) {
    }

    @Schema(description = "The filed inspection and the hazards its non-compliant items raised")
    record Filed(Long id, SelfInspectionKind kind, String period, List<Long> hazardIds) {
        static Filed of(SelfInspection s) {
            return new Filed(s.getId(), s.getKind(), s.getPeriod(), s.hazardIds());
        }
    }

    record Summary(Long id, Long enterpriseId, SelfInspectionKind kind, String period, LocalDate inspectedOn,
                   String inspectorName, String submittedBy, Instant submittedAt, int itemCount, int nonCompliantCount,
                   List<Long> hazardIds) {
        static Summary of(SelfInspection s) {
            return new Summary(s.getId(), s.getEnterpriseId(), s.getKind(), s.getPeriod(), s.getInspectedOn(),
                    s.getInspectorName(), s.getSubmittedBy(), s.getSubmittedAt(), s.getItems().size(),
                    (int) s.getItems().stream().filter(i -> !i.isCompliant()).count(), s.hazardIds());
        }
    }

    @Schema(description = "An answered item; textZh/textEn are null if the item has since left the checklist")
    record ItemView(String itemCode, String textZh, String textEn, boolean compliant, SelfInspectionConclusion answer,
                    String finding, String location, List<String> pollutants, Long hazardId) {
    }

    record Detail(Summary inspection, List<ItemView> items) {
        static Detail of(SelfInspection s, SelfInspectionChecklist checklist) {
            return new Detail(Summary.of(s), s.getItems().stream().map(i -> {
                ChecklistItem q = checklist.find(i.getItemCode()).orElse(null);
                return new ItemView(i.getItemCode(), q == null ? null : q.zh(), q == null ? null : q.en(),
                        i.isCompliant(), i.getConclusion(), i.getFinding(), i.getLocation(), i.getPollutants(), i.getHazardId());
            }).toList());
        }
    }

    record ChecklistItemView(String code, Set<SelfInspectionKind> kinds, String zh, String en, String basis) {
        static ChecklistItemView of(ChecklistItem i) {
            return new ChecklistItemView(i.code(), i.kinds(), i.zh(), i.en(), i.basis());
        }
    }

    record PageView<T>(List<T> items, int page, int size, long total) {
    }
}
