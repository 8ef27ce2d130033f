package org.hmcflow.calendar;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the holiday schedules are: Spring resource locations, read in order, e.g.
 * {@code classpath:config/calendar/holidays-cn.yaml} and {@code file:/etc/hmc/holidays-2027.yaml}.
 */
@ConfigurationProperties(prefix = "hmc.calendar")
record CalendarProperties(@DefaultValue("classpath:config/calendar/holidays-cn.yaml") List<String> locations) {

    CalendarProperties {
        locations = locations == null ? List.of() : List.copyOf(locations);
    }
}
