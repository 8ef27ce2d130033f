package org.hmcflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code hmc.inspection.draw} from the real {@code config/application.yaml}, validated as at start-up. */
class DrawSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DrawProperties.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Settings.class);

    @Test
    void theShippedSettingsBind() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            DrawProperties draw = context.getBean(DrawProperties.class);
            assertThat(draw.baseRate()).isEqualByComparingTo("0.1");
            assertThat(draw.keyDischargerRate()).isEqualByComparingTo("0.3");
            assertThat(draw.poorCreditRate()).isEqualByComparingTo("0.5");
            assertThat(draw.inspectorsPerInspection()).isEqualTo(2);
            assertThat(draw.recentInspectionDays()).isEqualTo(365);
        });
    }

    @Test
    void aRateOutsideZeroToOneStopsTheStart() {
        runner.withPropertyValues("hmc.inspection.draw.poor-credit-rate=1.2").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("poorCreditRate"));
        runner.withPropertyValues("hmc.inspection.draw.base-rate=-0.01").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("baseRate"));
        runner.withPropertyValues("hmc.inspection.draw.key-discharger-rate=1", "hmc.inspection.draw.base-rate=0")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void fewerThanTwoInspectorsOrAMisspelledKeyStopsTheStart() {
        runner.withPropertyValues("hmc.inspection.draw.inspectors-per-inspection=1").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("inspectorsPerInspection"));
        runner.withPropertyValues("hmc.inspection.draw.base-rat=0.2").run(context ->
                assertThat(context).hasFailed());
    }
}
