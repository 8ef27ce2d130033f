package org.hmcflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hmcflow.calendar.CalendarFixtures.REAL_CALENDAR;
import static org.hmcflow.calendar.CalendarFixtures.clockAt;
import static org.hmcflow.calendar.CalendarFixtures.shanghai;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.Test;

/** The BPMN facade gives Camunda the same instants as {@link DeadlineService}, as {@link Date}s. */
class DeadlinesTest {

    private final DeadlineService service = new DeadlineService(REAL_CALENDAR,
            CalendarFixtures.sla(Map.of(
                    "hazard.triage", new SlaRule(3, DayUnit.WORKING_DAYS, "local practice", null),
                    "hazard.rectify", new SlaRule(15, DayUnit.WORKING_DAYS, "local practice", 3))),
            clockAt("2026-02-12T10:00"));
    private final Deadlines deadlines = new Deadlines(service);

    @Test
    void dueIsTheServicesInstant() {
        assertThat(deadlines.due("hazard.triage"))
                .isEqualTo(Date.from(service.due("hazard.triage")))
                .isEqualTo(Date.from(shanghai("2026-02-24T23:59")));
    }

    @Test
    void reminderUsesTheRulesOwnLead() {
        // hazard.rectify: 15 working days from 12 Feb → Wed 11 Mar; 3 working days before → Fri 6 Mar 09:00
        assertThat(deadlines.due("hazard.rectify")).isEqualTo(Date.from(shanghai("2026-03-11T23:59")));
        assertThat(deadlines.reminder("hazard.rectify"))
                .isEqualTo(Date.from(service.reminderBefore(service.due("hazard.rectify"), "hazard.rectify")))
                .isEqualTo(Date.from(shanghai("2026-03-06T09:00")));
    }

    @Test
    void reminderBeforeADateUsesTheDefaultLead() {
        Date due = Date.from(shanghai("2026-03-06T23:59"));
        assertThat(deadlines.reminderBefore(due))
                .isEqualTo(Date.from(service.reminderBefore(due.toInstant(), null)))
                .isEqualTo(Date.from(shanghai("2026-03-04T09:00")));
        assertThatThrownBy(() -> deadlines.reminderBefore(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is the variable set?");
    }

    @Test
    void workingDaysFromNowTakesTheLongJuelPasses() {
        assertThat(deadlines.workingDaysFromNow(3L))
                .isEqualTo(Date.from(service.dueAfterWorkingDays(3)))
                .isEqualTo(Date.from(shanghai("2026-02-24T23:59")));
        assertThat(deadlines.workingDaysFromNow(3)).isEqualTo(deadlines.workingDaysFromNow(3L));
        assertThat(deadlines.workingDaysFromNow(3.0)).isEqualTo(deadlines.workingDaysFromNow(3L));
    }

    @Test
    void workingDaysFromNowRefusesWhatIsNotAWholePeriod() {
        assertThatThrownBy(() -> deadlines.workingDaysFromNow(2.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> deadlines.workingDaysFromNow(0L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 365");
        assertThatThrownBy(() -> deadlines.workingDaysFromNow(4_294_967_299L)) // would wrap to 3 as an int
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> deadlines.workingDaysFromNow(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is the variable set?");
    }

    @Test
    void bpmnExpressionsResolveThroughTheEnginesExpressionLanguage() {
        JuelExpressionManager el = new JuelExpressionManager(Map.of("deadlines", deadlines));
        StartProcessVariableScope scope = StartProcessVariableScope.getSharedInstance();
        // the smallest engine context an expression needs outside a running engine
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setDelegateInterceptor(invocation -> invocation.proceed());
        Context.setProcessEngineConfiguration(configuration);
        try {
            assertThat(el.createExpression("${deadlines.due('hazard.triage')}").getValue(scope))
                    .isEqualTo(Date.from(shanghai("2026-02-24T23:59")));
            assertThat(el.createExpression("${deadlines.workingDaysFromNow(3)}").getValue(scope))
                    .isEqualTo(Date.from(shanghai("2026-02-24T23:59")));
            assertThat(el.createExpression("${deadlines.reminder('hazard.triage')}").getValue(scope))
                    .isEqualTo(Date.from(shanghai("2026-02-13T09:00")));
        } finally {
            Context.removeProcessEngineConfiguration();
        }
    }
}
