package org.hmcflow.shared.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Component;

/**
 * A step's form as the portal shows it and takes it back: the deployed {@code forms/} file the task is bound to
 * ({@code camunda:formRef}, the version its instance started with), the values it shows (the task's variables its
 * fields name, as plain JSON) and the submission, completed through {@link Workflow#complete} — the same engine
 * completion and the same step listener as Camunda Tasklist's, so one server-side check answers the API, Tasklist and
 * the portal alike.
 *
 * <p>A submission may only carry what the form lets a user enter: the keys of its enabled fields and its dynamic
 * lists' paths. A key the form does not have, or a disabled field (shown, not entered), is refused, so no submission
 * can set another process variable. Lists and rows become the Json values Tasklist would send.
 */
@Component
public class StepForms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskService tasks;
    private final FormService forms;
    private final Workflow workflow;
    private final java.time.Clock clock;

    StepForms(TaskService tasks, FormService forms, Workflow workflow, java.time.Clock clock) {
        this.clock = clock;
        this.tasks = tasks;
        this.forms = forms;
        this.workflow = workflow;
    }

    /** A step's form: its schema as deployed (bilingual labels), the values it shows, and what it accepts. */
    public record StepForm(String taskId, String formId, JsonNode schema, Map<String, Object> data,
                           Set<String> enterable) {
    }

    /**
     * The form of an open step the actor may work, or empty when the step is done or gone or has no form.
     *
     * @throws NotFoundException when the actor may not work the step (as if it did not exist)
     */
    public Optional<StepForm> of(String taskId, Actor actor) {
        OpenTask step = workflow.step(taskId).orElseThrow(() -> new NotFoundException("step " + taskId));
        if (!workflow.mayWork(actor, step)) {
            throw new NotFoundException("step " + taskId);
        }
        return workflow.asApplication(() -> {
            Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
            if (task == null || task.getCamundaFormRef() == null) {
                return Optional.empty();
            }
            JsonNode schema;
            try (InputStream in = forms.getDeployedTaskForm(taskId)) {
                schema = JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Fields fields = Fields.of(schema);
            VariableMap variables = tasks.getVariablesTyped(taskId, fields.shown(), true);
            Map<String, Object> data = new LinkedHashMap<>();
            variables.keySet().forEach(name -> data.put(name, plain(variables.getValueTyped(name))));
            return Optional.of(new StepForm(taskId, schema.path("id").asText(), schema, data, fields.enterable()));
        });
    }

    /**
     * Completes the step with the form's values as the actor. Bad values come back as the step's own
     * {@link InvalidInputException}, each problem naming its field ({@code answers[2].note}); nothing is kept.
     */
    public void submit(String taskId, Map<String, Object> values, Actor actor) {
        StepForm form = of(taskId, actor).orElseThrow(() -> new NotFoundException("form of step " + taskId));
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>();
        values.forEach((key, value) -> {
            if (!form.enterable().contains(key)) {
                problems.add(new FieldProblem(key, "hmc.validation.not-a-field"));
            } else {
                variables.put(key, engineValue(value));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        workflow.complete(taskId, variables, actor);
    }

    /**
     * Plain JSON of an engine value: Json as its tree, a date as the application's local date and time
     * ({@code 2026-12-22 23:59}: the forms show dates only in read-only text fields), the rest as it is.
     */
    private Object plain(TypedValue value) {
        if (value == null || value.getValue() == null) {
            return null;
        }
        if (value instanceof JsonValue json) {
            try {
                return JSON.readValue(json.getValueSerialized(), Object.class);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        if (value.getValue() instanceof Date date) {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(date.toInstant().atZone(clock.getZone()));
        }
        return value.getValue();
    }

    /** What a form's submission becomes: lists and rows as Json (as Tasklist sends them), plain values as they are. */
    private static Object engineValue(Object value) {
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            try {
                return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return value;
    }

    /**
     * The keys a form shows (fields, lists, option lists, and the variables its FEEL expressions read, such as a
     * {@code conditional.hide} of {@code =planDecision != "RETURN"}) and the ones a user may enter.
     */
    private record Fields(List<String> shown, Set<String> enterable) {

        private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        private static final Set<String> FEEL_WORDS = Set.of("and", "or", "not", "true", "false", "null", "if", "then",
                "else", "in", "some", "every", "satisfies", "for", "return", "between", "instance", "of", "is",
                "string", "number", "date", "time", "count", "sum", "contains", "length", "upper", "lower", "case");

        static Fields of(JsonNode schema) {
            Set<String> shown = new LinkedHashSet<>();
            Set<String> enterable = new LinkedHashSet<>();
            collect(schema.path("components"), shown, enterable);
            return new Fields(List.copyOf(shown), Set.copyOf(enterable));
        }

        /** Variable names an expression (a text starting with "=") of this component reads, outside string literals. */
        private static void expressions(JsonNode node, Set<String> shown) {
            if (node.isTextual() && node.asText().startsWith("=")) {
                java.util.regex.Matcher m = NAME.matcher(node.asText().substring(1).replaceAll("\"[^\"]*\"", " "));
                while (m.find()) {
                    if (!FEEL_WORDS.contains(m.group())) {
                        shown.add(m.group());
                    }
                }
            } else if (node.isObject() && !node.has("type")) {
                node.forEach(child -> expressions(child, shown));
            }
        }

        private static void collect(JsonNode components, Set<String> shown, Set<String> enterable) {
            for (JsonNode c : components) {
                c.fields().forEachRemaining(e -> {
                    if (!"components".equals(e.getKey())) {
                        expressions(e.getValue(), shown);
                    }
                });
                if (c.hasNonNull("valuesKey")) {
                    shown.add(c.get("valuesKey").asText());
                }
                if ("dynamiclist".equals(c.path("type").asText()) && c.hasNonNull("path")) {
                    // the rows are one value; the cells inside are not variables of their own
                    shown.add(c.get("path").asText());
                    enterable.add(c.get("path").asText());
                    continue;
                }
                if (c.hasNonNull("key")) {
                    shown.add(c.get("key").asText());
                    if (!c.path("disabled").asBoolean(false) && !c.path("readonly").asBoolean(false)) {
                        enterable.add(c.get("key").asText());
                    }
                }
                collect(c.path("components"), shown, enterable);
            }
        }
    }
}
