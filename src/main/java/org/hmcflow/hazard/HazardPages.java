package org.hmcflow.hazard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.Bilingual;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.user.Role;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The hazard pages of the portal: an enterprise reports a hazard its self-inspection found (上报隐患) with the form
 * {@code forms/hazard/hazard-report.form} and its photos, sent together to {@code POST /api/hazards/with-evidence}
 * (stored together or not at all); and a case's page (隐患案件) with its state, open steps, files and history.
 */
@Controller
class HazardPages {

    static final String REPORT_FORM = "forms/hazard/hazard-report.form";

    private final HazardService hazards;
    private final ObjectMapper json;
    private final JsonNode reportForm;

    HazardPages(HazardService hazards, ObjectMapper json) {
        this.hazards = hazards;
        this.json = json;
        try (InputStream in = new ClassPathResource(REPORT_FORM).getInputStream()) {
            this.reportForm = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(REPORT_FORM, e);
        }
    }

    @GetMapping("/hazards/new")
    String report(Model model, Locale locale) throws IOException {
        if (!CurrentActor.get().is(Role.ENTERPRISE)) {
            throw new ForbiddenException("hmc.error.role-may-not-report");
        }
        model.addAttribute("formSchema", json.writeValueAsString(Bilingual.form(reportForm, locale)));
        return "hazard/report";
    }

    @GetMapping("/hazards/{id}")
    String hazard(@PathVariable Long id, Model model) {
        var actor = CurrentActor.get();
        Hazard hazard = hazards.visible(actor, id);
        model.addAttribute("hazard", hazard);
        model.addAttribute("steps", hazards.openTasks(actor, id));
        model.addAttribute("evidence", hazards.evidenceOf(actor, id));
        java.util.List<org.hmcflow.audit.AuditEvent> trail = new java.util.ArrayList<>(hazards.trail(actor, id));
        java.util.Collections.reverse(trail);
        model.addAttribute("trail", trail);
        return "hazard/case";
    }
}
