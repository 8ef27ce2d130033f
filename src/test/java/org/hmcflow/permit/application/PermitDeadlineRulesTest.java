package org.hmcflow.permit.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hmcflow.calendar.DayUnit;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.calendar.SlaRule;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every deadline rule the permit lifecycle names resolves in the running application's {@code config/sla.yaml}. */
@H2AppTest
class PermitDeadlineRulesTest {

    /** 排污许可管理条例 Arts 9, 12 and 14, with the default unit readings (the 条例 does not say which days count). */
    private static final Map<String, Object[]> EXPECTED = Map.of(
            PermitRules.SLA_ACCEPTANCE, new Object[] {3, DayUnit.WORKING_DAYS, "Art 9"},
            PermitRules.SLA_DECISION_SIMPLIFIED, new Object[] {20, DayUnit.WORKING_DAYS, "Art 12"},
            PermitRules.SLA_DECISION_KEY, new Object[] {30, DayUnit.WORKING_DAYS, "Art 12"},
            PermitRules.SLA_DECISION_KEY_SITE_INSPECTION, new Object[] {45, DayUnit.WORKING_DAYS, "Art 12"},
            PermitRules.SLA_RENEWAL_LEAD, new Object[] {60, DayUnit.CALENDAR_DAYS, "Art 14"},
            PermitRules.SLA_RENEWAL_DECISION, new Object[] {20, DayUnit.WORKING_DAYS, "Art 14"},
            PermitRules.SLA_CHANGE_FILING, new Object[] {30, DayUnit.CALENDAR_DAYS, "Art 14"});

    @Autowired
    DeadlineService deadlines;

    @Test
    void everyPermitRuleResolvesWithAmountUnitAndLegalSource() {
        assertThat(PermitRules.SLA_RULES).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        for (String name : PermitRules.SLA_RULES) {
            SlaRule rule = deadlines.rule(name);
            Object[] expected = EXPECTED.get(name);
            assertThat(rule.amount()).as(name).isEqualTo(expected[0]);
            assertThat(rule.unit()).as(name).isEqualTo(expected[1]);
            assertThat(rule.source()).as(name).contains("排污许可管理条例 " + expected[2]).contains("Unit unverified");
            assertThat(deadlines.due(name)).as(name).isNotNull();
        }
    }

    @Test
    void everyCategoryWithAPermitDecisionHasItsDeadlineRule() {
        for (ManagementCategory category : ManagementCategory.values()) {
            for (boolean siteInspection : new boolean[] {false, true}) {
                category.decisionSlaRule(siteInspection)
                        .ifPresent(name -> assertThat(deadlines.rule(name).amount()).as(name).isPositive());
            }
        }
        int simplified = deadlines.rule(ManagementCategory.SIMPLIFIED.decisionSlaRule(false).orElseThrow()).amount();
        int key = deadlines.rule(ManagementCategory.KEY.decisionSlaRule(false).orElseThrow()).amount();
        int keyWithInspection = deadlines.rule(ManagementCategory.KEY.decisionSlaRule(true).orElseThrow()).amount();
        assertThat(List.of(simplified, key, keyWithInspection)).containsExactly(20, 30, 45);
        assertThat(ManagementCategory.REGISTRATION.decisionSlaRule(true)).isEmpty();
    }

    @Test
    void theStepsOfTheApplicationProcessHaveTheirOwnLocalPracticeRules() {
        for (String name : PermitApplicationProcess.SLA_STEP_RULES) {
            SlaRule rule = deadlines.rule(name);
            assertThat(rule.amount()).as(name).isPositive();
            assertThat(rule.unit()).as(name).isEqualTo(DayUnit.WORKING_DAYS);
            assertThat(rule.source()).as(name).contains("local practice, configurable");
        }
        // every step finishes well inside the shortest statutory limit (简化, 20 days)
        assertThat(deadlines.rule(PermitApplicationProcess.SLA_TECHNICAL_REVIEW).amount()
                + deadlines.rule(PermitApplicationProcess.SLA_JOINT_REVIEW).amount())
                .isLessThan(deadlines.rule(PermitRules.SLA_DECISION_SIMPLIFIED).amount());
    }
}
