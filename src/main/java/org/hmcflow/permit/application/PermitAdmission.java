package org.hmcflow.permit.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.workflow.Workflow;
import org.springframework.stereotype.Service;

/**
 * 准入审查 — the checks a permit application passes before technical review: the admission rules
 * ({@code permit-admission}) and the management category ({@code permit-management-category}), both decision tables
 * in {@code processes/permit/}, deployed with the processes and evaluated by the engine.
 *
 * <p>The rules themselves live in the tables, where a bureau can read and change them; this class only checks the
 * facts, hands them over and reads the answer. Decision tables compare one input with constants and cannot do
 * arithmetic, so the derived inputs are computed here, in exact decimals ({@link AdmissionFacts#admissionInputs()}):
 * <ul>
 *   <li>{@code netEmissionChange} = {@code heavyMetalEmissionChange − regionalReduction}; a technical upgrade in the
 *       key control area passes only when it is below zero (增产减污: emissions must fall, so a reduction merely equal
 *       to the addition is not enough);</li>
 *   <li>{@code offsetCoversIncrease} = {@code offsetAmount ≥ heavyMetalEmissionChange}; outside the key control area
 *       an offset equal to the addition is enough (等量替代).</li>
 * </ul>
 */
@Service
class PermitAdmission {

    private final Workflow workflow;

    PermitAdmission(Workflow workflow) {
        this.workflow = workflow;
    }

    /**
     * Evaluates both tables for an application.
     *
     * @throws InvalidInputException naming every missing or negative fact (field names as in {@link AdmissionFacts})
     */
    public AdmissionDecision decide(AdmissionFacts facts) {
        check(facts);
        Map<String, Object> admission = single(PermitRules.DECISION_ADMISSION, facts.admissionInputs());
        Map<String, Object> category = single(PermitRules.DECISION_CATEGORY, facts.categoryInputs());
        Object categoryName = category.get(PermitRules.OUT_CATEGORY);
        return new AdmissionDecision(
                Verdict.valueOf(text(admission, PermitRules.OUT_VERDICT)),
                text(admission, PermitRules.OUT_RULE_CODE),
                text(admission, PermitRules.OUT_GROUNDS),
                categoryName == null ? null : ManagementCategory.valueOf(categoryName.toString()),
                text(category, PermitRules.OUT_CATEGORY_RULE_CODE),
                text(category, PermitRules.OUT_CATEGORY_GROUNDS));
    }

    private static void check(AdmissionFacts facts) {
        if (facts == null) {
            throw InvalidInputException.of("facts", "hmc.validation.required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (facts.industry() == null || facts.industry().isBlank()) {
            problems.add(new FieldProblem("industry", "hmc.validation.required"));
        }
        if (facts.projectType() == null) {
            problems.add(new FieldProblem("projectType", "hmc.validation.required"));
        }
        if (facts.heavyMetalEmissionChange() == null) {
            problems.add(new FieldProblem("heavyMetalEmissionChange", "hmc.validation.required"));
        }
        notNegative("regionalReduction", facts.regionalReduction(), problems);
        notNegative("offsetAmount", facts.offsetAmount(), problems);
        notNegative("annualHeavyMetalEmission", facts.annualHeavyMetalEmission(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void notNegative(String field, BigDecimal amount, List<FieldProblem> problems) {
        if (amount == null) {
            problems.add(new FieldProblem(field, "hmc.validation.required"));
        } else if (amount.signum() < 0) {
            problems.add(new FieldProblem(field, "hmc.validation.min", 0));
        }
    }

    /** Both tables are FIRST-hit tables with a last row that matches anything: exactly one result, or a broken table. */
    private Map<String, Object> single(String decisionKey, Map<String, Object> inputs) {
        List<Map<String, Object>> results = workflow.evaluateDecision(decisionKey, inputs);
        if (results.size() != 1) {
            throw new IllegalStateException("Decision " + decisionKey + " gave " + results.size()
                    + " results instead of one for " + inputs + "; its last row should match anything");
        }
        return results.get(0);
    }

    private static String text(Map<String, Object> result, String output) {
        Object value = result.get(output);
        if (value == null) {
            throw new IllegalStateException("Decision result " + result + " has no '" + output + "'");
        }
        return value.toString();
    }
}
