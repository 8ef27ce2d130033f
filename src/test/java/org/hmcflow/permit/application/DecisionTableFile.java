package org.hmcflow.permit.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One decision table file of {@code processes/permit/}, parsed and evaluated by a standalone DMN engine (no Spring, no
 * process engine), telling which row decided each evaluation.
 */
final class DecisionTableFile {

    /** What one evaluation gave: the id of the row that decided (null if none matched) and the outputs. */
    record Outcome(String ruleId, Map<String, Object> outputs) {

        Object get(String output) {
            return outputs.get(output);
        }
    }

    private final DmnEngine engine;
    private final DmnDecision decision;
    private final DmnModelInstance model;
    private final List<String> matched = new ArrayList<>();

    DecisionTableFile(String file, String decisionKey) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(event -> {
            matched.clear();
            event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matched::add);
        }));
        this.engine = configuration.buildEngine();
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            this.model = Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.decision = engine.parseDecision(decisionKey, model);
    }

    static DecisionTableFile admission() {
        return new DecisionTableFile("processes/permit/permit-admission.dmn", PermitRules.DECISION_ADMISSION);
    }

    static DecisionTableFile category() {
        return new DecisionTableFile("processes/permit/permit-management-category.dmn", PermitRules.DECISION_CATEGORY);
    }

    synchronized Outcome evaluate(Map<String, Object> variables) {
        matched.clear();
        List<Map<String, Object>> results = new ArrayList<>();
        for (DmnDecisionResultEntries entries : engine.evaluateDecision(decision, variables)) {
            results.add(new LinkedHashMap<>(entries.getEntryMap()));
        }
        if (matched.size() > 1 || results.size() > 1) {
            throw new AssertionError("a FIRST table decided with several rows: " + matched);
        }
        return new Outcome(matched.isEmpty() ? null : matched.get(0), results.isEmpty() ? Map.of() : results.get(0));
    }

    /** The ids of the table's rows, top to bottom. */
    Set<String> ruleIds() {
        Set<String> ids = new LinkedHashSet<>();
        model.getModelElementsByType(Rule.class).forEach(rule -> ids.add(rule.getId()));
        return ids;
    }

    /** The annotation of each row (its {@code description}), by row id; blank when a row has none. */
    Map<String, String> ruleDescriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Rule rule : model.getModelElementsByType(Rule.class)) {
            Description description = rule.getDescription();
            descriptions.put(rule.getId(), description == null ? "" : description.getTextContent().strip());
        }
        return descriptions;
    }
}
