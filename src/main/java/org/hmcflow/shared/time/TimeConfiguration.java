package org.hmcflow.shared.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    /** Deadlines are counted in the bureau's zone, whatever the server's default zone is. */
    @Bean
    Clock clock(@Value("${hmc.time-zone:Asia/Shanghai}") String zone) {
        return new EngineClock(ZoneId.of(zone));
    }
}
