package org.hmcflow.shared.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;

/**
 * Reads and checks the plain values a user submitted for a task — through our API or a Camunda form, the same rules
 * apply. Collects every problem, then {@link #check()} throws them all at once.
 */
public final class FormValues {

    private final Function<String, Object> source;
    private final List<FieldProblem> problems = new ArrayList<>();

    public FormValues(Function<String, Object> source) {
        this.source = source;
    }

    public String text(String field, boolean required, int maxLength) {
        Object raw = source.apply(field);
        String value = raw == null ? null : raw.toString().strip();
        if (value == null || value.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "hmc.validation.required"));
            }
            return null;
        }
        if (value.length() > maxLength) {
            problems.add(new FieldProblem(field, "hmc.validation.too-long", maxLength));
            return null;
        }
        return value;
    }

    public String choice(String field, List<String> allowed) {
        String value = text(field, true, 40);
        if (value != null && !allowed.contains(value)) {
            problems.add(new FieldProblem(field, "hmc.validation.one-of", String.join(", ", allowed)));
            return null;
        }
        return value;
    }

    public Integer integer(String field, boolean required, int min, int max) {
        Object raw = source.apply(field);
        if (raw == null || raw.toString().isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "hmc.validation.required"));
            }
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(raw.toString().strip());
            if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(min)) < 0
                    || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                problems.add(new FieldProblem(field, "hmc.validation.range", min, max));
                return null;
            }
            return number.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(new FieldProblem(field, "hmc.validation.range", min, max));
            return null;
        }
    }

    public BigDecimal decimal(String field, boolean required, BigDecimal min) {
        Object raw = source.apply(field);
        if (raw == null || raw.toString().isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "hmc.validation.required"));
            }
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(raw.toString().strip());
            if (number.compareTo(min) < 0) {
                problems.add(new FieldProblem(field, "hmc.validation.min", min));
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "hmc.validation.number"));
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
        problems.add(new FieldProblem(field, "hmc.validation.boolean"));
        return false;
    }

    /** A day as ISO text ({@code 2026-03-05}), which both a Camunda date field and our API send. */
    public LocalDate date(String field, boolean required) {
        Object raw = source.apply(field);
        if (raw == null || raw.toString().isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "hmc.validation.required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(raw.toString().strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "hmc.validation.date"));
            return null;
        }
    }

    /** Adds a problem found by a rule outside this class (a cross-field or domain rule). */
    public void reject(String field, String messageKey, Object... args) {
        problems.add(new FieldProblem(field, messageKey, args));
    }

    /** Every problem found so far, for a reader that adds its own before throwing them together. */
    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws every problem found so far, if any. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
