package org.hmcflow.permit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The permit, hazard and enforcement forms as Camunda Tasklist (form-js 1.8, schema 16) renders them: only components
 * it knows (an unknown one stops the whole form), unique ids with the lists' columns, and no list typed as text rows
 * ({@code a | b | c} lines, one item per line, comma-separated) — lists are dynamic lists.
 */
class PermitAndHazardFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FORM_JS_1_8 = Set.of("text", "textfield", "textarea", "number", "datetime", "select",
            "radio", "checkbox", "checklist", "taglist", "group", "dynamiclist", "separator", "spacer");
    /** Owned by the technical-review work, which turns their lists into rows itself. */
    private static final Set<String> NOT_HERE = Set.of("permit-technical-review.form", "permit-joint-opinion.form");
    private static final List<String> TEXT_ROW_HINTS = List.of("每行", "逗号", "顿号", "one per line", "one item per line",
            "comma", " | ");

    @Test
    void everyFormUsesOnlyTasklistsComponentsAndNoTextRows() throws IOException {
        List<Path> forms = new ArrayList<>();
        for (String dir : List.of("forms/permit", "forms/hazard", "forms/enforcement")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                files.filter(p -> p.toString().endsWith(".form")).forEach(forms::add);
            }
        }
        assertThat(forms).hasSizeGreaterThan(25);
        for (Path file : forms) {
            JsonNode form = JSON.readTree(file.toFile());
            assertThat(form.path("schemaVersion").asInt()).as(file + " schema").isEqualTo(16);
            List<JsonNode> all = new ArrayList<>();
            collect(form.path("components"), all);
            assertThat(all).extracting(c -> c.path("type").asText()).as(file + " component types")
                    .allMatch(FORM_JS_1_8::contains);
            assertThat(all).extracting(c -> c.path("id").asText()).as(file + " ids").doesNotHaveDuplicates()
                    .doesNotContain("");
            if (NOT_HERE.contains(file.getFileName().toString())) {
                continue;
            }
            for (JsonNode c : all) {
                String text = c.path("label").asText() + " " + c.path("description").asText();
                assertThat(TEXT_ROW_HINTS).as(file + " " + c.path("id").asText() + ": " + text)
                        .noneMatch(hint -> text.contains(hint) && !"dynamiclist".equals(c.path("type").asText()));
            }
            all.stream().filter(c -> "dynamiclist".equals(c.path("type").asText())).forEach(list -> {
                assertThat(list.path("path").asText()).as(file + " list path").isNotBlank();
                assertThat(list.path("isRepeating").asBoolean()).as(file + " list repeats").isTrue();
                assertThat(list.path("components")).as(file + " list columns").isNotEmpty();
            });
        }
    }

    private static void collect(JsonNode components, List<JsonNode> all) {
        for (JsonNode c : components) {
            all.add(c);
            collect(c.path("components"), all);
        }
    }
}
