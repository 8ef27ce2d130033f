package org.hmcflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hmcflow.HmcFlowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boots the real application under the prod profile. Runs in a JVM of its own (see the surefire "isolated"
 * execution): a process engine that starts and stops here must not touch the engines of the other tests.
 */
class ProdProfileStartupTest {

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
