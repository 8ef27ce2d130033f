package org.hmcflow.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.Bilingual;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Role;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 表单预览 — every form of {@code forms/} as the step pages draw it (same viewer, same language rules), without a
 * step: for administrators and bureau staff checking what a step will ask before a case reaches it, and for the test
 * that opens every user task's form in the portal. Read-only: nothing here submits.
 */
@Controller
class FormPreviewController {

    private final ObjectMapper json;
    private final Map<String, JsonNode> forms;

    FormPreviewController(ObjectMapper json) {
        this.json = json;
        this.forms = read(json);
    }

    @GetMapping("/forms")
    String list(Model model) {
        staffOnly();
        model.addAttribute("forms", forms.keySet().stream().sorted().toList());
        return "form-preview";
    }

    @GetMapping("/forms/{formId}")
    String preview(@PathVariable String formId, Model model, Locale locale) throws IOException {
        staffOnly();
        JsonNode schema = forms.get(formId);
        if (schema == null) {
            throw new NotFoundException("form " + formId);
        }
        model.addAttribute("forms", forms.keySet().stream().sorted().toList());
        model.addAttribute("formId", formId);
        model.addAttribute("formSchema", json.writeValueAsString(Bilingual.form(schema, locale)));
        return "form-preview";
    }

    private static void staffOnly() {
        Role role = CurrentActor.get().role();
        if (role == Role.ENTERPRISE) {
            throw new ForbiddenException("hmc.error.staff-only");
        }
    }

    private static Map<String, JsonNode> read(ObjectMapper json) {
        Map<String, JsonNode> byId = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
                try (InputStream in = r.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    byId.put(form.path("id").asText(), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(byId);
    }
}
