package org.hmcflow.selfinspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hmcflow.enterprise.Pollutant;
import org.hmcflow.selfinspection.SelfInspectionService.Answer;
import org.hmcflow.selfinspection.SelfInspectionService.Filing;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;

/**
 * The rules a filing must meet that need neither the database nor the engine. Every problem is collected, so the
 * enterprise sees all of them at once; field names follow the request body ({@code items[2].finding}).
 */
final class SelfInspectionRules {

    static final int MAX_INSPECTOR_NAME = 100;
    static final int MAX_FINDING = 2000;
    static final int MAX_LOCATION = 300;

    private SelfInspectionRules() {
    }

    /**
     * Checks a filing against the checklist as of {@code today} (the bureau's calendar day).
     *
     * @return the problems found, empty when the filing may be saved (the one-per-period rule is checked apart)
     */
    static List<FieldProblem> check(Filing filing, SelfInspectionChecklist checklist, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        SelfInspectionKind kind = filing.kind();
        if (kind == null) {
            problems.add(new FieldProblem("kind", "hmc.validation.required"));
        }
        Optional<InspectionPeriod> period = InspectionPeriod.parse(kind, filing.period());
        if (kind != null && (period.isEmpty() || period.get().startsAfter(today))) {
            problems.add(new FieldProblem("period", "hmc.validation.period"));
        }
        LocalDate inspectedOn = filing.inspectedOn();
        if (inspectedOn == null) {
            problems.add(new FieldProblem("inspectedOn", "hmc.validation.required"));
        } else if (inspectedOn.isAfter(today)) {
            problems.add(new FieldProblem("inspectedOn", "hmc.validation.future-date"));
        } else if (period.isPresent() && !period.get().startsAfter(today) && !period.get().contains(inspectedOn)) {
            problems.add(new FieldProblem("inspectedOn", "hmc.validation.self-inspection-outside-period",
                    period.get().text()));
        }
        String inspector = filing.inspectorName();
        if (inspector == null || inspector.isBlank()) {
            problems.add(new FieldProblem("inspectorName", "hmc.validation.required"));
        } else if (inspector.strip().length() > MAX_INSPECTOR_NAME) {
            problems.add(new FieldProblem("inspectorName", "hmc.validation.too-long", MAX_INSPECTOR_NAME));
        }
        checkItems(filing.items() == null ? List.of() : filing.items(), kind, checklist, problems);
        return problems;
    }

    private static void checkItems(List<Answer> answers, SelfInspectionKind kind, SelfInspectionChecklist checklist,
                                   List<FieldProblem> problems) {
        Set<String> answered = new HashSet<>();
        boolean byConclusion = answers.stream().anyMatch(a -> a != null && a.answer() != null);
        for (int i = 0; i < answers.size(); i++) {
            String at = "items[" + i + "]";
            Answer answer = answers.get(i);
            if (answer == null) {
                problems.add(new FieldProblem(at, "hmc.validation.required"));
                continue;
            }
            String code = answer.itemCode();
            Optional<ChecklistItem> item = checklist.find(code);
            if (code == null || code.isBlank()) {
                problems.add(new FieldProblem(at + ".itemCode", "hmc.validation.required"));
            } else if (item.isEmpty()) {
                problems.add(new FieldProblem(at + ".itemCode", "hmc.validation.self-inspection-item", code));
            } else if (kind != null && !item.get().appliesTo(kind)) {
                problems.add(new FieldProblem(at + ".itemCode", "hmc.validation.self-inspection-item-kind", code, kind));
            } else if (!answered.add(code)) {
                problems.add(new FieldProblem(at + ".itemCode", "hmc.validation.self-inspection-item-twice", code));
            }
            checkAnswer(at, answer, problems, byConclusion);
        }
        if (kind != null) {
            for (ChecklistItem item : checklist.itemsOf(kind)) {
                if (!answered.contains(item.code())) {
                    problems.add(new FieldProblem("items", "hmc.validation.self-inspection-item-missing", item.code()));
                }
            }
        }
    }

    private static void checkAnswer(String at, Answer answer, List<FieldProblem> problems, boolean byConclusion) {
        SelfInspectionConclusion conclusion = answer.conclusion();
        if (conclusion == null) {
            // named after the shape the filing uses: the portal's form rows say "answer", the older JSON "compliant"
            problems.add(new FieldProblem(at + (byConclusion ? ".answer" : ".compliant"), "hmc.validation.required"));
        } else if (answer.answer() != null && answer.compliant() != null
                && answer.compliant() != answer.answer().compliant()) {
            problems.add(new FieldProblem(at + ".answer", "hmc.validation.self-inspection-answer-conflict"));
        }
        boolean nonCompliant = conclusion == SelfInspectionConclusion.NON_COMPLIANT;
        String finding = answer.finding();
        if (nonCompliant && (finding == null || finding.isBlank())) {
            problems.add(new FieldProblem(at + ".finding", "hmc.validation.self-inspection-finding"));
        } else if (finding != null && finding.strip().length() > MAX_FINDING) {
            problems.add(new FieldProblem(at + ".finding", "hmc.validation.too-long", MAX_FINDING));
        }
        String location = answer.location();
        if (nonCompliant && (location == null || location.isBlank())) {
            problems.add(new FieldProblem(at + ".location", "hmc.validation.self-inspection-finding"));
        } else if (location != null && location.strip().length() > MAX_LOCATION) {
            problems.add(new FieldProblem(at + ".location", "hmc.validation.too-long", MAX_LOCATION));
        }
        List<String> pollutants = answer.pollutants() == null ? List.of() : answer.pollutants();
        if (nonCompliant && pollutants.isEmpty()) {
            problems.add(new FieldProblem(at + ".pollutants", "hmc.validation.self-inspection-finding"));
        }
        for (int j = 0; j < pollutants.size(); j++) {
            if (!Pollutant.isKnown(pollutants.get(j))) {
                problems.add(new FieldProblem(at + ".pollutants[" + j + "]", "hmc.validation.unknown-pollutant",
                        pollutants.get(j)));
            }
        }
    }
}
