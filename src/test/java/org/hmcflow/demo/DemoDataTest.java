package org.hmcflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hmcflow.HmcFlowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

class DemoDataTest {

    @Test
    void aProdProfileRefusesDemoAccounts() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("postgres", "prod");
        assertThatThrownBy(() -> DemoData.refuseInProduction(new DemoProperties(true), prod))
                .hasMessageContaining("prod").hasMessageContaining("HMC_DEMO_ENABLED=false");
        DemoData.refuseInProduction(new DemoProperties(false), prod);
        MockEnvironment dev = new MockEnvironment();
        DemoData.refuseInProduction(new DemoProperties(true), dev);
    }

    @Test
    void theApplicationDoesNotStartUnderProdWithDemoAccountsEnabled() {
        SpringApplication app = new SpringApplication(HmcFlowApplication.class);
        app.setAdditionalProfiles("prod");
        assertThatThrownBy(() -> {
            try (ConfigurableApplicationContext ignored = app.run("--hmc.demo.enabled=true",
                    "--spring.datasource.url=jdbc:h2:mem:prodguard", "--server.port=0",
                    "--camunda.bpm.job-execution.enabled=false")) {
                // not reached
            }
        }).hasStackTraceContaining("Demo accounts are enabled");
        assertThat(new DemoProperties(false).enabled()).isFalse();
    }
}
