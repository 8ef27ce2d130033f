package org.hmcflow.shared.web;

import java.util.List;

/**
 * Input that breaks a rule: answered with 400 and every bad field named. Thrown before anything is written, or inside
 * a transaction that it then rolls back.
 */
public class InvalidInputException extends RuntimeException {

    /** One bad field: its name and a message key (looked up in messages*.properties) with arguments. */
    public record FieldProblem(String field, String messageKey, Object... args) {
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        this(problems, "invalid input: " + problems.stream().map(FieldProblem::field).toList());
    }

    /** With a readable message, for places that show the message itself (Camunda Tasklist shows the engine's error). */
    public InvalidInputException(List<FieldProblem> problems, String message) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public static InvalidInputException of(String field, String messageKey, Object... args) {
        return new InvalidInputException(List.of(new FieldProblem(field, messageKey, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
