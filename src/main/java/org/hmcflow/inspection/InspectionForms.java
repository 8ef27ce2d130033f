package org.hmcflow.inspection;

import static org.hmcflow.shared.workflow.TextRows.line;
import static org.hmcflow.shared.workflow.TextRows.rows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hmcflow.monitoring.MeasurementRules;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.workflow.TextRows;

/**
 * The list fields of the inspection's forms, as {@link TextRows} (one row a line, columns separated by {@code |}); our
 * API sends the same rows built from its JSON lists, so one parser and one set of rules serve both. Problems name the
 * row as the API names it: {@code answers[2].note}, {@code results[0].unit}.
 */
final class InspectionForms {

    /** One checklist row as entered. */
    record AnswerRow(String itemCode, String answer, String note) {
    }

    /** One chosen violation as entered. */
    record ViolationRow(String itemCode, String kind, String description) {
    }

    private InspectionForms() {
    }

    // ---- checklist answers ----

    static String answersText(List<AnswerRow> rows) {
        return rows == null ? null : rows.stream().map(r -> line(r.itemCode(), r.answer(), r.note()))
                .collect(Collectors.joining("\n"));
    }

    /** The template the on-site form starts from: every item's code, the answer and note left to fill in. */
    static String answersTemplate(InspectionChecklists.Checklist list) {
        return list.items().stream().map(i -> i.code() + TextRows.SEPARATOR + TextRows.SEPARATOR).map(String::stripTrailing)
                .collect(Collectors.joining("\n"));
    }

    /** The checklist as the form shows it: code, item, legal basis. */
    static String checklistText(InspectionChecklists.Checklist list) {
        return list.items().stream().map(i -> i.code() + "：" + i.zh() + "（" + i.basis() + "）" + (i.sampling() ? " [采样]" : ""))
                .collect(Collectors.joining("\n"));
    }

    static ChecklistAnswer.Answer answer(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "COMPLIANT", "符合" -> ChecklistAnswer.Answer.COMPLIANT;
            case "NON_COMPLIANT", "不符合" -> ChecklistAnswer.Answer.NON_COMPLIANT;
            case "NOT_APPLICABLE", "不适用" -> ChecklistAnswer.Answer.NOT_APPLICABLE;
            default -> null;
        };
    }

    /** Every item of the list answered once; a non-compliance needs a note. Problems go to {@code problems}. */
    static List<ChecklistAnswer> answers(String text, InspectionChecklists.Checklist list, List<FieldProblem> problems) {
        List<ChecklistAnswer> answers = new ArrayList<>();
        List<String[]> rows = rows(text, 3);
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String at = "answers[" + i + "].";
            boolean ok = true;
            if (r[0] == null) {
                problems.add(new FieldProblem(at + "itemCode", "hmc.validation.required"));
                ok = false;
            } else if (list.item(r[0]).isEmpty()) {
                problems.add(new FieldProblem(at + "itemCode", "hmc.validation.inspection.unknown-item", r[0]));
                ok = false;
            } else if (!seen.add(r[0])) {
                problems.add(new FieldProblem(at + "itemCode", "hmc.validation.inspection.item-twice", r[0]));
                ok = false;
            }
            ChecklistAnswer.Answer answer = answer(r[1]);
            if (r[1] == null) {
                problems.add(new FieldProblem(at + "answer", "hmc.validation.required"));
                ok = false;
            } else if (answer == null) {
                problems.add(new FieldProblem(at + "answer", "hmc.validation.one-of", "COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE"));
                ok = false;
            }
            if (answer == ChecklistAnswer.Answer.NON_COMPLIANT && r[2] == null) {
                problems.add(new FieldProblem(at + "note", "hmc.validation.inspection.note-required"));
                ok = false;
            }
            if (r[2] != null && r[2].length() > 1000) {
                problems.add(new FieldProblem(at + "note", "hmc.validation.too-long", 1000));
                ok = false;
            }
            if (ok) {
                answers.add(new ChecklistAnswer(r[0], answer, r[2]));
            }
        }
        List<String> missing = list.items().stream().map(InspectionChecklists.Item::code)
                .filter(c -> !seen.contains(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new FieldProblem("answers", "hmc.validation.inspection.items-missing", String.join(", ", missing)));
        }
        return answers;
    }

    // ---- monitoring results ----

    static String resultsText(List<MeasurementRules.Entry> entries) {
        return entries == null ? null : entries.stream().map(e -> line(e.pollutant(), e.point(), e.value(), e.unit(),
                e.limit(), e.limitUnit())).collect(Collectors.joining("\n"));
    }

    /**
     * The results as {@link MeasurementRules} takes them; a number that is no number is named here, everything else
     * ({@code results[i].value} negative, {@code results[i].unit} unknown or of the wrong medium) by the rules.
     */
    static List<MeasurementRules.Entry> results(String text, List<FieldProblem> problems) {
        List<MeasurementRules.Entry> entries = new ArrayList<>();
        List<String[]> rows = rows(text, 6);
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            entries.add(new MeasurementRules.Entry(r[0], r[1], number(r[2], "results[" + i + "].value", problems), r[3],
                    number(r[4], "results[" + i + "].limit", problems), r[5]));
        }
        return entries;
    }

    private static BigDecimal number(String text, String field, List<FieldProblem> problems) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "hmc.validation.number"));
            return null;
        }
    }

    /** Runs the shared rules, keeping only one problem per field (a bad number is not also "required"). */
    static List<org.hmcflow.monitoring.Measurement> measurements(List<MeasurementRules.Entry> entries,
                                                                 List<FieldProblem> problems) {
        try {
            return MeasurementRules.check("results", entries);
        } catch (InvalidInputException e) {
            Set<String> named = problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
            e.problems().stream().filter(p -> !named.contains(p.field())).forEach(problems::add);
            return List.of();
        }
    }

    // ---- violations chosen from the checklist ----

    static String violationsText(List<ViolationRow> rows) {
        return rows == null ? null : rows.stream().map(r -> line(r.itemCode(), r.kind(), r.description()))
                .collect(Collectors.joining("\n"));
    }

    static List<FoundViolation> violations(String text, Map<String, ChecklistAnswer> answers, List<FieldProblem> problems) {
        List<FoundViolation> found = new ArrayList<>();
        List<String[]> rows = rows(text, 3);
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String at = "violations[" + i + "].";
            boolean ok = true;
            ChecklistAnswer a = r[0] == null ? null : answers.get(r[0]);
            if (r[0] == null) {
                problems.add(new FieldProblem(at + "itemCode", "hmc.validation.required"));
                ok = false;
            } else if (a == null || a.getAnswer() != ChecklistAnswer.Answer.NON_COMPLIANT) {
                problems.add(new FieldProblem(at + "itemCode", "hmc.validation.inspection.not-non-compliant", r[0]));
                ok = false;
            }
            ViolationKind kind = null;
            if (r[1] == null) {
                problems.add(new FieldProblem(at + "kind", "hmc.validation.required"));
                ok = false;
            } else {
                try {
                    kind = ViolationKind.valueOf(r[1].toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem(at + "kind", "hmc.validation.one-of",
                            java.util.Arrays.stream(ViolationKind.values()).map(Enum::name).collect(Collectors.joining(", "))));
                    ok = false;
                }
                if (kind == ViolationKind.EXCEEDS_STANDARD) {
                    problems.add(new FieldProblem(at + "kind", "hmc.validation.inspection.exceedance-from-measurements"));
                    ok = false;
                }
            }
            if (r[2] == null) {
                problems.add(new FieldProblem(at + "description", "hmc.validation.required"));
                ok = false;
            } else if (r[2].length() > 1000) {
                problems.add(new FieldProblem(at + "description", "hmc.validation.too-long", 1000));
                ok = false;
            }
            if (ok) {
                found.add(new FoundViolation(r[0], kind, r[2]));
            }
        }
        return found;
    }

    // ---- inspectors present ----

    static String idsText(List<Long> ids) {
        return ids == null ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Long> ids(String text, String field, List<FieldProblem> problems) {
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "hmc.validation.required"));
            return ids;
        }
        for (String part : text.split("[,，\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                long id = Long.parseLong(part.strip());
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(field, "hmc.validation.number"));
                return List.of();
            }
        }
        return ids;
    }
}
