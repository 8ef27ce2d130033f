package org.hmcflow.permit.afterissue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hmcflow.calendar.DayUnit;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.calendar.SlaRule;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The after-issue settings as the running application reads them from {@code config/}: the deadline rules with their
 * unit and legal source, the reminder leads, the approvers, the bar and the fine ranges; and every delegate the three
 * models name is a whitelisted bean.
 */
@H2AppTest
class PermitLifecycleSettingsTest {

    @Autowired
    DeadlineService deadlines;
    @Autowired
    PermitLifecycleProperties properties;
    @Autowired
    ApplicationContext context;

    @Test
    void everyAfterIssueRuleResolvesWithAmountUnitAndSource() {
        Object[][] expected = {
                {PermitLifecycleProcess.SLA_RENEWAL_LEAD, 60, DayUnit.CALENDAR_DAYS, "排污许可管理条例 Art 14"},
                {PermitLifecycleProcess.SLA_RENEWAL_ACCEPTANCE, 3, DayUnit.WORKING_DAYS, "排污许可管理条例 Art 9"},
                {PermitLifecycleProcess.SLA_RENEWAL_DECISION, 20, DayUnit.WORKING_DAYS, "排污许可管理条例 Art 14"},
                {PermitLifecycleProcess.SLA_CHANGE_FILING, 30, DayUnit.CALENDAR_DAYS, "排污许可管理条例 Art 14"},
                {PermitLifecycleProcess.SLA_CHANGE_REVIEW, 20, DayUnit.WORKING_DAYS, "行政许可法 Art 42"},
                {PermitLifecycleProcess.SLA_CANCELLATION_APPROVAL, 10, DayUnit.WORKING_DAYS, "local practice, configurable"}};
        assertThat(PermitLifecycleProcess.SLA_RULES).hasSize(expected.length);
        for (Object[] e : expected) {
            SlaRule rule = deadlines.rule((String) e[0]);
            assertThat(rule.amount()).as((String) e[0]).isEqualTo(e[1]);
            assertThat(rule.unit()).as((String) e[0]).isEqualTo(e[2]);
            assertThat(rule.source()).as((String) e[0]).contains((String) e[3]);
        }
    }

    @Test
    void remindersApproversBarAndFinesAreSettingsWithTheirDefaults() {
        assertThat(properties.leadsDescending()).containsExactly(60, 30, 7);
        assertThat(properties.supervisorsWithinDays()).isEqualTo(30);
        assertThat(properties.escalateWithinDays()).isEqualTo(7);
        assertThat(properties.approverGroup()).isEqualTo("hmc-supervisor");
        assertThat(properties.barPeriod()).isEqualTo(Period.ofYears(3));
        PermitLifecycleProperties.PenaltyRange fraud = properties.penalties().get(CancellationGround.FRAUD);
        assertThat(fraud.min()).isEqualByComparingTo(new BigDecimal("200000"));
        assertThat(fraud.max()).isEqualByComparingTo(new BigDecimal("500000"));
        assertThat(fraud.source()).contains("Art 40");
        PermitLifecycleProperties.PenaltyRange forged = properties.penalties().get(CancellationGround.FORGED_OR_TRANSFERRED);
        assertThat(forged.min()).isEqualByComparingTo(new BigDecimal("100000"));
        assertThat(forged.max()).isEqualByComparingTo(new BigDecimal("300000"));
        assertThat(forged.source()).contains("Art 41");
        for (CancellationGround ground : CancellationGround.values()) {
            assertThat(properties.penalties().containsKey(ground)).as(ground + " carries a fine exactly when it bars")
                    .isEqualTo(ground.bars());
        }
    }

    @Test
    void everyDelegateAndListenerTheModelsNameIsAWhitelistedBean() throws Exception {
        Pattern expression = Pattern.compile("(?:delegateExpression|camunda:delegateExpression)=\"\\$\\{(\\w+)}\"");
        for (String key : List.of(PermitLifecycleProcess.RENEWAL_KEY, PermitLifecycleProcess.CHANGE_KEY,
                PermitLifecycleProcess.CANCELLATION_KEY)) {
            Matcher m = expression.matcher(Files.readString(Path.of("processes/permit/" + key + ".bpmn")));
            int found = 0;
            while (m.find()) {
                found++;
                assertThat(context.containsBean(m.group(1))).as(key + ": bean " + m.group(1)).isTrue();
                assertThat(context.findAnnotationOnBean(m.group(1), WorkflowBean.class)).as(m.group(1) + " whitelisted")
                        .isNotNull();
            }
            assertThat(found).as(key).isGreaterThan(3);
        }
    }
}
