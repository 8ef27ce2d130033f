package org.hmcflow.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * 办理时限 — one deadline rule from {@code config/sla.yaml}: {@code amount} days counted in {@code unit}.
 *
 * @param amount                  days, more than 0
 * @param unit                    working or calendar days
 * @param source                  the legal or plan source, or a plain statement that there is none and the value
 *                                is local practice; shown to whoever has to defend the deadline
 * @param reminderLeadWorkingDays working days before the due day to remind; {@code null} = the default
 *                                ({@code hmc.sla.default-reminder-lead-working-days})
 */
public record SlaRule(
        @Positive int amount,
        @NotNull DayUnit unit,
        @NotBlank String source,
        @PositiveOrZero Integer reminderLeadWorkingDays) {
}
