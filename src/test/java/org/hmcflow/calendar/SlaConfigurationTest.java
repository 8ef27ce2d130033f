package org.hmcflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.calendar.CalendarFixtures.clockAt;
import static org.hmcflow.calendar.CalendarFixtures.shanghai;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;

/**
 * The real {@code config/application.yaml} and the {@code config/sla.yaml} it imports, bound and validated as at
 * start-up, with the calendar package's beans wired as in the application.
 */
class SlaConfigurationTest {

    /** The package's beans found the way the application finds them: component and properties scanning. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = WorkingDayCalendar.class, excludeFilters = @Filter(Configuration.class))
    @ConfigurationPropertiesScan(basePackageClasses = WorkingDayCalendar.class)
    static class CalendarModule {

        @Bean
        Clock clock() {
            return clockAt("2026-02-12T10:00"); // Thursday before 春节 2026
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(CalendarModule.class);

    /** Every rule the processes and the permit module rely on, with the unit the domain reference gives. */
    private static final Map<String, Object[]> EXPECTED = Map.ofEntries(
            Map.entry("permit.execution-report", new Object[] {1, DayUnit.WORKING_DAYS}),
            Map.entry("permit.execution-report.grace", new Object[] {5, DayUnit.WORKING_DAYS}),
            Map.entry("permit.execution-report.review", new Object[] {10, DayUnit.WORKING_DAYS}),
            Map.entry("permit.execution-report.correction", new Object[] {10, DayUnit.WORKING_DAYS}),
            Map.entry("supervision.order-answer", new Object[] {5, DayUnit.WORKING_DAYS}),
            Map.entry("supervision.order-review", new Object[] {3, DayUnit.WORKING_DAYS}),
            Map.entry("hazard.triage", new Object[] {3, DayUnit.WORKING_DAYS}),
            Map.entry("hazard.plan", new Object[] {10, DayUnit.WORKING_DAYS}),
            Map.entry("hazard.plan-review", new Object[] {5, DayUnit.WORKING_DAYS}),
            Map.entry("hazard.rectify", new Object[] {15, DayUnit.WORKING_DAYS}),
            Map.entry("hazard.expert", new Object[] {10, DayUnit.WORKING_DAYS}),
            Map.entry("hazard.verify", new Object[] {5, DayUnit.WORKING_DAYS}),
            Map.entry("hazard.lift-supervision", new Object[] {5, DayUnit.WORKING_DAYS}),
            Map.entry("hazard.recheck", new Object[] {20, DayUnit.WORKING_DAYS}),
            Map.entry("hazard.recheck-task", new Object[] {5, DayUnit.WORKING_DAYS}),
            Map.entry("permit.acceptance", new Object[] {3, DayUnit.WORKING_DAYS}),
            Map.entry("permit.decision.simplified", new Object[] {20, DayUnit.WORKING_DAYS}),
            Map.entry("permit.decision.key", new Object[] {30, DayUnit.WORKING_DAYS}),
            Map.entry("permit.decision.key-site-inspection", new Object[] {45, DayUnit.WORKING_DAYS}),
            Map.entry("permit.renewal.decision", new Object[] {20, DayUnit.WORKING_DAYS}),
            Map.entry("permit.change.filing", new Object[] {30, DayUnit.CALENDAR_DAYS}),
            Map.entry("permit.renewal.lead", new Object[] {60, DayUnit.CALENDAR_DAYS}),
            // the steps inside the permit application's statutory limit: local practice, like the hazard steps
            Map.entry("permit.correction", new Object[] {20, DayUnit.WORKING_DAYS}),
            Map.entry("permit.technical-review", new Object[] {10, DayUnit.WORKING_DAYS}),
            Map.entry("permit.joint-review", new Object[] {5, DayUnit.WORKING_DAYS}),
            Map.entry("permit.site-inspection", new Object[] {10, DayUnit.WORKING_DAYS}),
            // after issue: the bureau's change review and the approval of ending a permit (no national limit)
            Map.entry("permit.change.review", new Object[] {20, DayUnit.WORKING_DAYS}),
            Map.entry("permit.cancellation.approval", new Object[] {10, DayUnit.WORKING_DAYS}),
            // 执法 enforcement: 部令第30号 sets the plan's 15 working days; the bureau's own steps are local practice
            Map.entry("enforcement.decide", new Object[] {5, DayUnit.WORKING_DAYS}),
            Map.entry("enforcement.correction", new Object[] {20, DayUnit.WORKING_DAYS}),
            Map.entry("enforcement.approval", new Object[] {3, DayUnit.WORKING_DAYS}),
            Map.entry("enforcement.plan", new Object[] {15, DayUnit.WORKING_DAYS}),
            Map.entry("enforcement.reinspect", new Object[] {10, DayUnit.WORKING_DAYS}),
            Map.entry("enforcement.escalation-choice", new Object[] {5, DayUnit.WORKING_DAYS}),
            Map.entry("enforcement.daily-fine-recheck", new Object[] {10, DayUnit.WORKING_DAYS}),
            Map.entry("enforcement.closure-approval", new Object[] {20, DayUnit.WORKING_DAYS}),
            Map.entry("enforcement.close", new Object[] {5, DayUnit.WORKING_DAYS}),
            Map.entry("enforcement.police-acceptance", new Object[] {10, DayUnit.WORKING_DAYS}),
            // the inspection's steps (监督检查): no national limits, local practice
            Map.entry("inspection.prepare", new Object[] {5, DayUnit.WORKING_DAYS}),
            Map.entry("inspection.on-site", new Object[] {10, DayUnit.WORKING_DAYS}),
            Map.entry("inspection.confirm", new Object[] {3, DayUnit.WORKING_DAYS}),
            Map.entry("inspection.dispute-answer", new Object[] {5, DayUnit.WORKING_DAYS}),
            Map.entry("inspection.monitoring", new Object[] {10, DayUnit.WORKING_DAYS}),
            Map.entry("inspection.findings", new Object[] {5, DayUnit.WORKING_DAYS}));

    /** Enforcement rules that a law sets, or bounds: their source names it. */
    private static final Map<String, String> ENFORCEMENT_SOURCES = Map.of(
            "enforcement.plan", "环境保护部令第30号",
            "enforcement.daily-fine-recheck", "部令第28号",
            "enforcement.police-acceptance", "行政执法机关移送涉嫌犯罪案件的规定");

    /** Rules no law sets: their source must say so rather than invent one. */
    private static final java.util.Set<String> LOCAL_PRACTICE_PERMIT_STEPS = java.util.Set.of("permit.correction",
            "permit.technical-review", "permit.joint-review", "permit.site-inspection", "permit.change.review",
            "permit.cancellation.approval", "permit.execution-report", "permit.execution-report.grace",
            "permit.execution-report.review", "permit.execution-report.correction");

    @Test
    void everyRuleOfTheRealFileLoadsWithAmountUnitAndSource() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            SlaProperties sla = context.getBean(SlaProperties.class);
            assertThat(sla.rules()).containsOnlyKeys(EXPECTED.keySet());
            EXPECTED.forEach((name, expected) -> {
                SlaRule rule = sla.rules().get(name);
                assertThat(rule.amount()).as(name).isEqualTo(expected[0]);
                assertThat(rule.unit()).as(name).isEqualTo(expected[1]);
                assertThat(rule.source()).as(name).isNotBlank();
                if (ENFORCEMENT_SOURCES.containsKey(name)) {
                    assertThat(rule.source()).as(name).contains(ENFORCEMENT_SOURCES.get(name));
                } else if (name.startsWith("hazard.") || name.startsWith("enforcement.") || name.startsWith("inspection.")
                        || name.startsWith("supervision.")
                        || LOCAL_PRACTICE_PERMIT_STEPS.contains(name)) {
                    // no national day limit exists for these: the source must say so rather than invent one
                    assertThat(rule.source()).as(name).contains("No national limit; local practice, configurable");
                } else {
                    assertThat(rule.source()).as(name).contains("排污许可管理条例 Art").contains("Unit unverified");
                }
            });
            assertThat(sla.dueTime()).isEqualTo(LocalTime.of(23, 59));
            assertThat(sla.reminderTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(sla.defaultReminderLeadWorkingDays()).isEqualTo(2);
        });
    }

    @Test
    void theWiredServiceCountsTheRealRulesOnTheRealCalendar() {
        runner.run(context -> {
            DeadlineService deadlines = context.getBean(DeadlineService.class);
            // 3 working days from Thu 12 Feb 2026: 13 Feb, Sat 14 Feb (调休), Tue 24 Feb (after 春节)
            assertThat(deadlines.due("hazard.triage")).isEqualTo(shanghai("2026-02-24T23:59"));
            assertThat(context.getBean("deadlines", Deadlines.class).due("hazard.triage"))
                    .isEqualTo(Date.from(shanghai("2026-02-24T23:59")));
        });
    }

    @Test
    void theFacadeIsTheBeanNamedDeadlinesThatBpmnExpressionsMayReach() {
        runner.run(context -> {
            // the engine's expression whitelist is exactly the beans with this mark
            assertThat(context.getBeanNamesForAnnotation(WorkflowBean.class)).containsExactly("deadlines");
        });
    }

    @Test
    void defaultsApplyWhenTheTimesAreNotSet() {
        new ApplicationContextRunner()
                .withUserConfiguration(CalendarModule.class)
                .withPropertyValues("hmc.sla.rules[x.y].amount=1", "hmc.sla.rules[x.y].unit=working-days",
                        "hmc.sla.rules[x.y].source=test")
                .run(context -> {
                    SlaProperties sla = context.getBean(SlaProperties.class);
                    assertThat(sla.dueTime()).isEqualTo(LocalTime.of(23, 59));
                    assertThat(sla.reminderTime()).isEqualTo(LocalTime.of(9, 0));
                    assertThat(sla.defaultReminderLeadWorkingDays()).isEqualTo(2);
                    assertThat(sla.rules().get("x.y").unit()).isEqualTo(DayUnit.WORKING_DAYS);
                    assertThat(sla.rules().get("x.y").reminderLeadWorkingDays()).isNull();
                });
    }

    @Test
    void aRuleWithoutPositiveAmountStopsTheStart() {
        runner.withPropertyValues("hmc.sla.rules[hazard.triage].amount=0")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("hmc.sla.rules[hazard.triage].amount"));
    }

    @Test
    void aRuleWithoutSourceOrUnitStopsTheStart() {
        new ApplicationContextRunner()
                .withUserConfiguration(CalendarModule.class)
                .withPropertyValues("hmc.sla.rules[local.thing].amount=5", "hmc.sla.rules[local.thing].source= ")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("hmc.sla.rules[local.thing].unit")
                        .hasStackTraceContaining("hmc.sla.rules[local.thing].source"));
    }

    @Test
    void aDottedRuleNameWithoutBracketsStopsTheStartInsteadOfVanishing() {
        // YAML "hazard.new:" without brackets and quotes: Spring would bind nothing and the rule would be missing
        // only when a process first asks for it
        runner.withPropertyValues("hmc.sla.rules.hazard.new.amount=5", "hmc.sla.rules.hazard.new.unit=WORKING_DAYS",
                        "hmc.sla.rules.hazard.new.source=test")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("hmc.sla.rules.hazard.new.amount"));
    }

    @Test
    void aMisspelledKeyInARuleStopsTheStart() {
        runner.withPropertyValues("hmc.sla.rules[hazard.triage].reminder-lead-days=1")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("hmc.sla.rules[hazard.triage].reminder-lead-days"));
    }
}
