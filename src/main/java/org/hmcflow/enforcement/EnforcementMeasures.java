package org.hmcflow.enforcement;

import static org.hmcflow.enforcement.EnforcementProcess.*;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hmcflow.inspection.ViolationKind;
import org.hmcflow.shared.workflow.Workflow;
import org.springframework.stereotype.Service;

/**
 * 措施研判 — asks the decision table {@code processes/enforcement/enforcement-measures.dmn} (deployed with the
 * processes) which measure of 环境保护部令第30号 fits a violation, with its grounds. The rules live in the table, where
 * the bureau can read and change them; this class only hands over the facts and reads the answer.
 */
@Service
public class EnforcementMeasures {

    /**
     * Kinds whose law gives an order to correct and a fine but no production measure (清洁生产促进法 Art 39,
     * 土壤污染防治法 Art 94): a case made only of these may not be decided as 限制生产 or 停产整治.
     */
    public static final Set<ViolationKind> ORDER_ONLY = EnumSet.of(ViolationKind.CLEANER_PRODUCTION_AUDIT_NOT_DONE,
            ViolationKind.SOIL_RISK_DUTY_NOT_DONE);

    private final Workflow workflow;

    EnforcementMeasures(Workflow workflow) {
        this.workflow = workflow;
    }

    /** The proposal for one violation; {@code limitedStillExceeds}: 限制生产 was ordered and it still exceeds. */
    public MeasureProposal propose(Finding f, boolean limitedStillExceeds) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(IN_KIND, f.kind().name());
        inputs.put(IN_HEAVY_METAL, f.heavyMetal());
        inputs.put(IN_RATIO, f.ratioToLimit() == null ? null : f.ratioToLimit().doubleValue());
        inputs.put(IN_LIMITED_STILL_EXCEEDS, limitedStillExceeds);
        List<Map<String, Object>> results = workflow.evaluateDecision(DECISION_MEASURES, inputs);
        if (results.size() != 1) {
            throw new IllegalStateException("Decision " + DECISION_MEASURES + " gave " + results.size()
                    + " results for " + inputs + "; its last row should match anything");
        }
        Map<String, Object> r = results.get(0);
        return new MeasureProposal(Measure.valueOf(String.valueOf(r.get(OUT_MEASURE))),
                String.valueOf(r.get(OUT_RULE_CODE)), String.valueOf(r.get(OUT_GROUNDS)));
    }

    /** The case's proposal: the most severe over its violations, with that violation's grounds (first one wins a tie). */
    public static MeasureProposal mostSevere(List<MeasureProposal> proposals) {
        MeasureProposal worst = proposals.get(0);
        for (MeasureProposal p : proposals) {
            if (p.measure().ordinal() > worst.measure().ordinal()) {
                worst = p;
            }
        }
        return worst;
    }
}
