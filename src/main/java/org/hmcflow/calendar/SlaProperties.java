package org.hmcflow.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The deadline rules, {@code hmc.sla} in {@code config/sla.yaml}. Validated at start-up: a rule without a unit, a
 * positive amount or a source stops the application, and so does any key under {@code hmc.sla} that binds to nothing
 * (a misspelled key, or a dotted rule name written without brackets, which Spring would otherwise drop silently).
 *
 * @param dueTime                        a deadline ends at this time of its due day (in {@code hmc.time-zone})
 * @param reminderTime                   reminders fire at this time of their day
 * @param defaultReminderLeadWorkingDays working days between reminder and due day when a rule sets none
 * @param rules                          by name, e.g. {@code hazard.triage}; names are lower case, dot- or
 *                                       dash-separated (in YAML, write a dotted key as {@code "[hazard.triage]"})
 */
@ConfigurationProperties(prefix = "hmc.sla", ignoreUnknownFields = false)
@Validated
public record SlaProperties(
        @DefaultValue("23:59") @NotNull LocalTime dueTime,
        @DefaultValue("09:00") @NotNull LocalTime reminderTime,
        @DefaultValue("2") @PositiveOrZero @Max(60) int defaultReminderLeadWorkingDays,
        @NotEmpty Map<@Pattern(regexp = "[a-z0-9]+([.-][a-z0-9]+)*") String, @Valid @NotNull SlaRule> rules) {

    public SlaProperties {
        rules = rules == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }
}
