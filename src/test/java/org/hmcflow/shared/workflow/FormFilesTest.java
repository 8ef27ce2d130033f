package org.hmcflow.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form in {@code forms/} as Camunda 7.24's Tasklist renders it: form-js 1.8 (schema 16) stops the whole form at
 * a component it does not know, so only the components it knows are used, each id once; lists are {@code dynamiclist}
 * rows, never text to be split ("a | b | c" lines, comma-separated ids); files are asked for beside the form.
 */
class FormFilesTest {

    /** The components form-js 1.8 renders (no file picker, no document preview, no expression field). */
    static final Set<String> KNOWN = Set.of("text", "textfield", "textarea", "number", "datetime", "select", "radio",
            "checkbox", "checklist", "taglist", "group", "dynamiclist", "separator", "spacer");

    /** What the labels of text-row fields said. */
    static final List<String> TEXT_ROW_HINTS = List.of("每行", "逗号", "顿号", "comma", "one per line", "one item per line",
            "one a line", "|");

    static Stream<Path> forms() throws Exception {
        List<Path> forms = Files.walk(Path.of("forms")).filter(p -> p.toString().endsWith(".form")).sorted().toList();
        assertThat(forms).as("every form of every lifecycle").hasSizeGreaterThan(35);
        return forms.stream();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void usesOnlyWhatTasklistRendersAndNoTextRows(Path file) throws Exception {
        JsonNode form = new ObjectMapper().readTree(file.toFile());
        assertThat(form.path("schemaVersion").asInt()).as(file + " schema").isEqualTo(16);
        assertThat(form.path("type").asText()).isEqualTo("default");
        List<String> problems = new ArrayList<>();
        check(form.path("components"), file.toString(), new HashSet<>(), problems, false);
        assertThat(problems).as(file.toString()).isEmpty();
    }

    private static void check(JsonNode components, String where, Set<String> ids, List<String> problems, boolean inList) {
        Set<String> keys = new HashSet<>();
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            String id = c.path("id").asText();
            if (!KNOWN.contains(type)) {
                problems.add(id + ": form-js 1.8 does not know the component type '" + type + "'");
            }
            if (id.isEmpty() || !ids.add(id)) {
                problems.add("component id '" + id + "' missing or used twice");
            }
            if (c.hasNonNull("key") && !keys.add(c.get("key").asText())) {
                problems.add(id + ": key '" + c.get("key").asText() + "' used twice in one scope");
            }
            if (type.equals("textfield") || type.equals("textarea")) {
                String words = (c.path("label").asText() + " " + c.path("description").asText()).toLowerCase(Locale.ROOT);
                TEXT_ROW_HINTS.stream().filter(words::contains).findFirst().ifPresent(hint ->
                        problems.add(id + ": a text-row field ('" + hint + "'); use a dynamiclist"));
            }
            if (type.equals("dynamiclist")) {
                if (!c.hasNonNull("path") || !c.path("isRepeating").asBoolean(false) || c.path("components").isEmpty()) {
                    problems.add(id + ": a dynamiclist needs a path, isRepeating and columns");
                }
                if (inList) {
                    problems.add(id + ": a list inside a list row");
                }
                check(c.path("components"), where, ids, problems, true);
            } else if (c.has("components")) {
                check(c.path("components"), where, ids, problems, inList);
            }
        }
    }
}
