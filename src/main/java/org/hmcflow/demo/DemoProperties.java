package org.hmcflow.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code hmc.demo.enabled}: the built-in demo accounts and demo enterprises of the embedded default. */
@ConfigurationProperties(prefix = "hmc.demo")
record DemoProperties(boolean enabled) {
}
