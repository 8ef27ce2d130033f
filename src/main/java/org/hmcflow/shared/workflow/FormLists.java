package org.hmcflow.shared.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The list fields of our Camunda forms: the {@code dynamiclist} groups of {@code forms/}, whose rows Tasklist submits
 * as one Json variable named by the group's {@code path}, and the option lists a select reads from a variable
 * ({@code valuesKey}: rows of {@code label} and {@code value} a step offers, such as the departments to choose from). Such a variable is the only structured value a step accepts
 * (see {@link FormListGuard}); the step's listener reads it with {@link FormValues#rows} and the guard removes it once
 * the step is done, so no instance keeps it. A step offers rows to fill in (a checklist's items) or options to choose
 * from with {@link #value}, set as a <em>task-local</em> variable in the task's create listener
 * ({@code task.setVariableLocal(name, FormLists.value(rows))}): Tasklist's submission then updates that task variable,
 * parallel tasks never see it, and it goes with the task.
 */
public final class FormLists {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Set<String>> BY_FORM = read();

    private FormLists() {
    }

    /** The list fields (dynamic-list paths and option lists) of the form with this id; none for an unknown form. */
    public static Set<String> of(String formId) {
        return formId == null ? Set.of() : BY_FORM.getOrDefault(formId, Set.of());
    }

    /** Rows a step offers its form (pre-filled cells), as the Json value Tasklist reads and submits back. */
    public static TypedValue value(List<? extends Map<String, ?>> rows) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("rows are not JSON", e);
        }
    }

    private static Map<String, Set<String>> read() {
        Map<String, Set<String>> byForm = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = JSON.readTree(in);
                    Set<String> paths = new LinkedHashSet<>();
                    collect(form.path("components"), paths);
                    byForm.put(form.path("id").asText(), Set.copyOf(paths));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(byForm);
    }

    private static void collect(JsonNode components, Set<String> paths) {
        for (JsonNode component : components) {
            if (component.hasNonNull("valuesKey")) {
                paths.add(component.get("valuesKey").asText());
            }
            if ("dynamiclist".equals(component.path("type").asText()) && component.hasNonNull("path")) {
                paths.add(component.get("path").asText());
            }
            collect(component.path("components"), paths);
        }
    }
}
