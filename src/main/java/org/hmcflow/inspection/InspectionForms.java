package org.hmcflow.inspection;

import static org.hmcflow.inspection.InspectionProcess.F_CHECKLIST_ANSWERS;
import static org.hmcflow.inspection.InspectionProcess.F_PRESENT_INSPECTORS;
import static org.hmcflow.inspection.InspectionProcess.F_RESULTS;
import static org.hmcflow.inspection.InspectionProcess.F_VIOLATIONS;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.hmcflow.monitoring.Measurement;
import org.hmcflow.monitoring.MeasurementRules;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.workflow.FormLists;
import org.hmcflow.shared.workflow.FormValues;

/**
 * The list fields of the inspection's forms: a form's {@code dynamiclist} rows (Tasklist submits them as Json) and our
 * API's JSON lists are read by one reader, {@link FormValues#rows}, so one set of rules serves both and a problem names
 * the row alike: {@code answers[2].note}, {@code results[0].unit}. Also the rows a step offers its form.
 */
final class InspectionForms {

    /** Decimals stay decimals on their way from an API record to a row (a measured value is not a double). */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int MAX_ROWS = 200;
    private static final String CODE = "itemCode";
    private static final Pattern RESULT_PLACE = Pattern.compile("^" + F_RESULTS + "\\[(\\d+)](.*)$");

    private InspectionForms() {
    }

    /** API records (or any beans) as the rows a form list holds, offered to the step as Tasklist would submit them. */
    static TypedValue rows(List<?> records) {
        return FormLists.value(JSON.convertValue(records, new TypeReference<List<Map<String, Object>>>() {
        }));
    }

    // ---- checklist answers ----

    /** The on-site form's checklist: every item offered, code and text and basis shown, the answer left to give. */
    static List<Map<String, Object>> answerRows(InspectionChecklists.Checklist list) {
        return list.items().stream().map(i -> row(CODE, i.code(), "item", i.zh() + (i.sampling() ? "（需采样）" : ""),
                "basis", i.basis())).toList();
    }

    /** The answers recorded on site, as the confirmation and findings forms show them. */
    static List<Map<String, Object>> recordedAnswerRows(List<ChecklistAnswer> answers, InspectionChecklists.Checklist list) {
        return answers.stream().map(a -> row(CODE, a.getItemCode(), "item",
                list.item(a.getItemCode()).map(InspectionChecklists.Item::zh).orElse(""),
                "answer", answerLabel(a.getAnswer()), "note", a.getNote() == null ? "" : a.getNote())).toList();
    }

    /** The non-compliant items, as the options a violation is chosen from ({@code label}, {@code value}). */
    static List<Map<String, Object>> nonCompliantOptions(List<ChecklistAnswer> answers, InspectionChecklists.Checklist list) {
        return answers.stream().filter(a -> a.getAnswer() == ChecklistAnswer.Answer.NON_COMPLIANT)
                .map(a -> row("label", a.getItemCode() + "："
                        + list.item(a.getItemCode()).map(InspectionChecklists.Item::zh).orElse(""), "value", a.getItemCode()))
                .toList();
    }

    private static String answerLabel(ChecklistAnswer.Answer answer) {
        return switch (answer) {
            case COMPLIANT -> "符合 / Compliant";
            case NON_COMPLIANT -> "不符合 / Non-compliant";
            case NOT_APPLICABLE -> "不适用 / Not applicable";
        };
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

    /** Every item of the list answered once; a non-compliance needs a note. Problems are collected in {@code form}. */
    static List<ChecklistAnswer> answers(FormValues form, InspectionChecklists.Checklist list) {
        List<ChecklistAnswer> answers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int before = form.problems().size();
        for (FormValues.Row row : form.rows(F_CHECKLIST_ANSWERS, false, MAX_ROWS)) {
            FormValues r = row.values();
            boolean ok = true;
            String code = r.text(CODE, true, 60);
            if (code == null) {
                ok = false;
            } else if (list.item(code).isEmpty()) {
                r.reject(CODE, "hmc.validation.inspection.unknown-item", code);
                ok = false;
            } else if (!seen.add(code)) {
                r.reject(CODE, "hmc.validation.inspection.item-twice", code);
                ok = false;
            }
            String text = r.text("answer", true, 40);
            ChecklistAnswer.Answer answer = answer(text);
            if (text == null) {
                ok = false;
            } else if (answer == null) {
                r.reject("answer", "hmc.validation.one-of", "COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE");
                ok = false;
            }
            int problems = form.problems().size();
            String note = r.text("note", false, 1000);
            if (form.problems().size() > problems) {
                ok = false;
            } else if (answer == ChecklistAnswer.Answer.NON_COMPLIANT && note == null) {
                r.reject("note", "hmc.validation.inspection.note-required");
                ok = false;
            }
            if (ok) {
                answers.add(new ChecklistAnswer(code, answer, note));
            }
        }
        boolean listRefused = form.problems().stream().skip(before).anyMatch(p -> p.field().equals(F_CHECKLIST_ANSWERS));
        List<String> missing = list.items().stream().map(InspectionChecklists.Item::code)
                .filter(c -> !seen.contains(c)).toList();
        if (!missing.isEmpty() && !listRefused) {
            form.reject(F_CHECKLIST_ANSWERS, "hmc.validation.inspection.items-missing", String.join(", ", missing));
        }
        return answers;
    }

    // ---- inspectors present ----

    /** The inspectors sent, offered to the on-site form to tick who is present (all ticked to start with). */
    static List<Map<String, Object>> inspectorRows(List<Inspector> sent) {
        return sent.stream().map(i -> row("inspectorId", String.valueOf(i.getId()), "name", i.getName(),
                "certificateNo", i.getCertificateNo(), "present", true)).toList();
    }

    /** Our API's list of ids as the rows the form submits: each one present. */
    static List<Map<String, Object>> presentRows(List<Long> ids) {
        return ids == null ? null : ids.stream().map(id -> row("inspectorId", id, "present", true)).toList();
    }

    /** The ids of the rows ticked present, each once; none present is a problem of the list. */
    static List<Long> presentInspectors(FormValues form) {
        List<Long> ids = new ArrayList<>();
        for (FormValues.Row row : form.rows(F_PRESENT_INSPECTORS, false, MAX_ROWS)) {
            FormValues r = row.values();
            Integer id = r.integer("inspectorId", true, 1, Integer.MAX_VALUE);
            if (r.bool("present") && id != null && !ids.contains(id.longValue())) {
                ids.add(id.longValue());
            }
        }
        if (ids.isEmpty() && form.problems().stream().noneMatch(p -> p.field().startsWith(F_PRESENT_INSPECTORS))) {
            form.reject(F_PRESENT_INSPECTORS, "hmc.validation.required");
        }
        return ids;
    }

    static String idsText(List<Long> ids) {
        return ids == null ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    // ---- monitoring results ----

    /** The monitoring results, as the findings form shows them. */
    static List<Map<String, Object>> resultRows(List<StoredMeasurement> measured) {
        return measured.stream().map(m -> row("pollutant", m.getPollutant(), "point", m.getPoint(),
                "value", m.getValue().toPlainString() + " " + m.getUnit(),
                "limit", m.getLimit().toPlainString() + " " + m.getLimitUnit(),
                "ratio", m.getRatioToLimit().toPlainString() + (m.isExceeds() ? "（超标 / exceeds）" : ""))).toList();
    }

    /** The results as entered: the entries {@link MeasurementRules} takes, and each one's place as submitted. */
    record Results(List<MeasurementRules.Entry> entries, List<Integer> places) {
    }

    /**
     * The results as {@link MeasurementRules} takes them; a number that is no number is named here, everything else
     * ({@code results[i].value} negative, {@code results[i].unit} unknown or of the wrong medium) by the rules.
     */
    static Results results(FormValues form) {
        List<MeasurementRules.Entry> entries = new ArrayList<>();
        List<Integer> places = new ArrayList<>();
        for (FormValues.Row row : form.rows(F_RESULTS, false, MAX_ROWS)) {
            FormValues r = row.values();
            entries.add(new MeasurementRules.Entry(r.text("pollutant", false, 10), r.text("point", false, 60),
                    number(r, "value"), r.text("unit", false, 20), number(r, "limit"), r.text("limitUnit", false, 20)));
            places.add(row.index());
        }
        return new Results(entries, places);
    }

    private static BigDecimal number(FormValues row, String field) {
        String text = row.text(field, false, 40);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            row.reject(field, "hmc.validation.number");
            return null;
        }
    }

    /**
     * Runs the shared rules, naming each problem by its row's place as submitted (a blank row is skipped, not counted)
     * and keeping only one problem per field (a bad number is not also "required").
     */
    static List<Measurement> measurements(FormValues form, Results results) {
        try {
            return MeasurementRules.check(F_RESULTS, results.entries());
        } catch (InvalidInputException e) {
            Set<String> named = form.problems().stream().map(FieldProblem::field).collect(Collectors.toSet());
            for (FieldProblem p : e.problems()) {
                String field = placed(p.field(), results.places());
                if (!named.contains(field)) {
                    form.reject(field, p.messageKey(), p.args());
                }
            }
            return List.of();
        }
    }

    /** {@code results[j].unit} of the j-th entry as {@code results[i].unit}, i being the row's place as submitted. */
    private static String placed(String field, List<Integer> places) {
        Matcher m = RESULT_PLACE.matcher(field);
        if (m.matches() && Integer.parseInt(m.group(1)) < places.size()) {
            return F_RESULTS + "[" + places.get(Integer.parseInt(m.group(1))) + "]" + m.group(2);
        }
        return field;
    }

    // ---- violations chosen from the checklist ----

    static List<FoundViolation> violations(FormValues form, Map<String, ChecklistAnswer> answers) {
        List<FoundViolation> found = new ArrayList<>();
        for (FormValues.Row row : form.rows(F_VIOLATIONS, false, MAX_ROWS)) {
            FormValues r = row.values();
            boolean ok = true;
            String code = r.text(CODE, true, 60);
            ChecklistAnswer a = code == null ? null : answers.get(code);
            if (code == null) {
                ok = false;
            } else if (a == null || a.getAnswer() != ChecklistAnswer.Answer.NON_COMPLIANT) {
                r.reject(CODE, "hmc.validation.inspection.not-non-compliant", code);
                ok = false;
            }
            ViolationKind kind = null;
            String kindText = r.text("kind", true, 60);
            if (kindText == null) {
                ok = false;
            } else {
                try {
                    kind = ViolationKind.valueOf(kindText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    r.reject("kind", "hmc.validation.one-of",
                            Arrays.stream(ViolationKind.values()).map(Enum::name).collect(Collectors.joining(", ")));
                    ok = false;
                }
                if (kind == ViolationKind.EXCEEDS_STANDARD) {
                    r.reject("kind", "hmc.validation.inspection.exceedance-from-measurements");
                    ok = false;
                }
            }
            int problems = form.problems().size();
            String description = r.text("description", true, 1000);
            if (form.problems().size() > problems) {
                ok = false;
            }
            if (ok) {
                found.add(new FoundViolation(code, kind, description));
            }
        }
        return found;
    }

    /** A row of cells in the order given (name, value, name, value …). */
    private static Map<String, Object> row(Object... cells) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i += 2) {
            row.put((String) cells[i], cells[i + 1]);
        }
        return row;
    }
}
