package org.hmcflow.demo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
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
}
