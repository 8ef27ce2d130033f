package org.hmcflow.selfinspection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.selfinspection.SelfInspectionService.ScheduleEntry;
import org.hmcflow.selfinspection.SelfInspectionService.ScheduleStatus;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.Bilingual;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 填报自查 — the enterprise answers the self-inspection checklist in the browser: the form
 * {@code forms/selfinspection/self-inspection.form} with one row per checklist item of the kind, pre-filled here,
 * sent as JSON to {@code POST /api/self-inspections} (the API's own checks, problems beside the row's field); then the
 * filing's page with the hazard cases its non-compliant items opened.
 */
@Controller
class SelfInspectionPages {

    static final String FORM = "forms/selfinspection/self-inspection.form";

    private final SelfInspectionService service;
    private final HazardService hazards;
    private final ObjectMapper json;
    private final JsonNode form;

    SelfInspectionPages(SelfInspectionService service, HazardService hazards, ObjectMapper json) {
        this.service = service;
        this.hazards = hazards;
        this.json = json;
        try (InputStream in = new ClassPathResource(FORM).getInputStream()) {
            this.form = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(FORM, e);
        }
    }

    @GetMapping("/self-inspections/new")
    String file(@RequestParam(defaultValue = "ROUTINE") String kind, Model model, Locale locale) throws IOException {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.ENTERPRISE)) {
            throw new ForbiddenException("hmc.error.enterprises-only");
        }
        SelfInspectionKind chosen = "COMPREHENSIVE".equals(kind) ? SelfInspectionKind.COMPREHENSIVE : SelfInspectionKind.ROUTINE;
        model.addAttribute("kind", chosen.name());
        model.addAttribute("formSchema", json.writeValueAsString(Bilingual.form(form, locale)));
        model.addAttribute("formData", json.writeValueAsString(prefill(actor, chosen, locale)));
        model.addAttribute("routineUrl", "/self-inspections/new?kind=ROUTINE");
        model.addAttribute("comprehensiveUrl", "/self-inspections/new?kind=COMPREHENSIVE");
        return "selfinspection/new";
    }

    @GetMapping("/self-inspections/{id:\\d+}")
    String filed(@PathVariable Long id, Model model, Locale locale) {
        Actor actor = CurrentActor.get();
        SelfInspection inspection = service.visible(actor, id);
        SelfInspectionChecklist checklist = service.checklist();
        List<ItemRow> rows = new ArrayList<>();
        for (SelfInspectionItem item : inspection.getItems()) {
            String text = checklist.find(item.getItemCode())
                    .map(q -> Bilingual.english(locale) ? q.en() : q.zh()).orElse(item.getItemCode());
            Hazard hazard = item.getHazardId() == null ? null : hazards.visible(actor, item.getHazardId());
            rows.add(new ItemRow(item.getItemCode(), text, item.getConclusion().name(), item.getFinding(), hazard));
        }
        model.addAttribute("inspection", inspection);
        model.addAttribute("rows", rows);
        model.addAttribute("hazards", rows.stream().filter(r -> r.hazard() != null).map(ItemRow::hazard).toList());
        return "selfinspection/filed";
    }

    /** One answered item as the filing's page shows it, with the hazard case it opened (if any). */
    record ItemRow(String itemCode, String text, String conclusion, String finding, Hazard hazard) {
    }

    /**
     * The form's values: the kind, the period the enterprise owes first (the ended one if not yet filed, else the
     * current one), today as the inspection day, and one unanswered row per checklist item of the kind.
     */
    private Map<String, Object> prefill(Actor actor, SelfInspectionKind kind, Locale locale) {
        List<ScheduleEntry> schedule = service.schedule(actor).stream().filter(e -> e.kind() == kind).toList();
        ScheduleEntry owed = schedule.stream()
                .filter(e -> e.status() == ScheduleStatus.DUE || e.status() == ScheduleStatus.OVERDUE
                        || e.status() == ScheduleStatus.OPEN)
                .findFirst().orElse(schedule.isEmpty() ? null : schedule.get(schedule.size() - 1));
        LocalDate today = service.today();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", kind.name());
        data.put("period", owed == null ? null : owed.period());
        // the inspection day must lie inside the period: today for the current one, else the period's last day
        data.put("inspectedOn", (owed == null || !today.isAfter(owed.end()) ? today : owed.end()).toString());
        List<Map<String, Object>> items = new ArrayList<>();
        for (ChecklistItem item : service.checklist().itemsOf(kind)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("itemCode", item.code());
            row.put("item", Bilingual.english(locale) ? item.en() : item.zh());
            row.put("pollutants", List.of());
            items.add(row);
        }
        data.put("items", items);
        return data;
    }
}
