package org.hmcflow.shared.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.function.Function;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;

/**
 * Reads and checks the plain values a user submitted for a task — through our API or a Camunda form, the same rules
 * apply. Collects every problem, then {@link #check()} throws them all at once.
 */
public final class FormValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Object> source;
    /** What problems of this reader's fields are prefixed with: empty, or a row's place ({@code outlets[2].}). */
    private final String prefix;
    private final List<FieldProblem> problems;

    public FormValues(Function<String, Object> source) {
        this(source, "", new ArrayList<>());
    }

    private FormValues(Function<String, Object> source, String prefix, List<FieldProblem> problems) {
        this.source = source;
        this.prefix = prefix;
        this.problems = problems;
    }

    public String text(String field, boolean required, int maxLength) {
        Object raw = source.apply(field);
        String value = raw == null ? null : raw.toString().strip();
        if (value == null || value.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(prefix + field, "hmc.validation.required"));
            }
            return null;
        }
        if (value.length() > maxLength) {
            problems.add(new FieldProblem(prefix + field, "hmc.validation.too-long", maxLength));
            return null;
        }
        return value;
    }

    public String choice(String field, List<String> allowed) {
        String value = text(field, true, 40);
        if (value != null && !allowed.contains(value)) {
            problems.add(new FieldProblem(prefix + field, "hmc.validation.one-of", String.join(", ", allowed)));
            return null;
        }
        return value;
    }

    public Integer integer(String field, boolean required, int min, int max) {
        Object raw = source.apply(field);
        if (raw == null || raw.toString().isBlank()) {
            if (required) {
                problems.add(new FieldProblem(prefix + field, "hmc.validation.required"));
            }
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(raw.toString().strip());
            if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0
                    || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                problems.add(new FieldProblem(prefix + field, "hmc.validation.range", min, max));
                return null;
            }
            return number.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new FieldProblem(prefix + field, "hmc.validation.range", min, max));
            return null;
        }
    }

    public BigDecimal decimal(String field, boolean required, BigDecimal min) {
        Object raw = source.apply(field);
        if (raw == null || raw.toString().isBlank()) {
            if (required) {
                problems.add(new FieldProblem(prefix + field, "hmc.validation.required"));
            }
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(raw.toString().strip());
            if (number.compareTo(min) < 0) {
                problems.add(new FieldProblem(prefix + field, "hmc.validation.min", min));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(prefix + field, "hmc.validation.number"));
            return null;
        }
    }

    /** A yes/no field (a Camunda checkbox gives a Boolean, our API a boolean); absent means no. */
    public boolean bool(String field) {
        Object raw = source.apply(field);
        if (raw == null || raw instanceof Boolean) {
            return Boolean.TRUE.equals(raw);
        }
        String value = raw.toString().strip();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        problems.add(new FieldProblem(prefix + field, "hmc.validation.boolean"));
        return false;
    }

    /** A day as ISO text ({@code 2026-03-05}), which both a Camunda date field and our API send. */
    public LocalDate date(String field, boolean required) {
        Object raw = source.apply(field);
        if (raw == null || raw.toString().isBlank()) {
            if (required) {
                problems.add(new FieldProblem(prefix + field, "hmc.validation.required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(raw.toString().strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(prefix + field, "hmc.validation.date"));
            return null;
        }
    }

    /** Adds a problem found by a rule outside this class (a cross-field or domain rule). */
    public void reject(String field, String messageKey, Object... args) {
        problems.add(new FieldProblem(prefix + field, messageKey, args));
    }

    /**
     * The rows of a list field: a dynamic list of a Camunda form, which Tasklist submits as a Json variable (JSON
     * text), or a JSON list of our API (a {@link Collection} of maps). Each row is read by a reader of its own whose
     * problems are named by the row's place as submitted ({@code outlets[2].pollutant}) and collected here. A row
     * whose cells are all empty (a row added and left blank) is skipped. Not a list of objects, more than
     * {@code maxRows} rows, or no row when {@code required} is a problem of the field itself.
     */
    public List<Row> rows(String field, boolean required, int maxRows) {
        List<Row> rows = new ArrayList<>();
        List<?> raw = list(source.apply(field));
        if (raw == null) {
            problems.add(new FieldProblem(prefix + field, "hmc.validation.rows"));
            return rows;
        }
        if (raw.size() > maxRows) {
            problems.add(new FieldProblem(prefix + field, "hmc.validation.rows-too-many", maxRows));
            return rows;
        }
        for (int i = 0; i < raw.size(); i++) {
            Object element = raw.get(i);
            if (!(element instanceof Map<?, ?> cells)) {
                problems.add(new FieldProblem(prefix + field + "[" + i + "]", "hmc.validation.rows"));
                continue;
            }
            if (cells.values().stream().allMatch(v -> v == null || v.toString().isBlank())) {
                continue;
            }
            rows.add(new Row(i, new FormValues(cells::get, prefix + field + "[" + i + "].", problems)));
        }
        if (rows.isEmpty() && required) {
            problems.add(new FieldProblem(prefix + field, "hmc.validation.required"));
        }
        return rows;
    }

    /** One row of a list field: its place as submitted, and a reader of its cells. */
    public record Row(int index, FormValues values) {
    }

    /** The list a field holds: empty when absent, null when it is not a list. */
    private static List<?> list(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof Collection<?> c) {
            // Stream.toList keeps a null element (reported as a bad row), where List.copyOf would throw
            return c.stream().map(e -> e instanceof Map<?, ?> || e == null ? e : JSON.convertValue(e, Map.class)).toList();
        }
        String text = raw.toString().strip();
        if (text.isEmpty()) {
            return List.of();
        }
        try {
            Object parsed = JSON.readValue(text, Object.class);
            return parsed instanceof List<?> l ? l : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Every problem found so far, for a reader that adds its own before throwing them together. */
    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** A problem of one of this reader's fields (a row reader names it with the row's place). */
    public FieldProblem problem(String field, String messageKey, Object... args) {
        return new FieldProblem(prefix + field, messageKey, args);
    }

    /** Throws every problem found so far, if any. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
