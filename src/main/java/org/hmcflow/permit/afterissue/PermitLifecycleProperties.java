package org.hmcflow.permit.afterissue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the permit after issue ({@code hmc.permit.lifecycle} in {@code config/application.yaml}); the day limits
 * are rules of {@code config/sla.yaml} ({@code permit.renewal.*}, {@code permit.change.*}, {@code permit.cancellation.*}).
 *
 * @param reminderLeadDays     calendar days before expiry on which the enterprise is reminded to renew (排污许可管理条例
 *                             Art 14: apply at least 60 days before expiry); a reminder day that is a day off moves to
 *                             the working day before it, so the enterprise never has less time than the setting says
 * @param supervisorsWithinDays a reminder this close to expiry (or closer) also goes to the supervisors
 * @param escalateWithinDays   a reminder this close to expiry (or closer) is an escalation (enterprise, bureau and
 *                             supervisors)
 * @param approverGroup        who approves ending a permit (注销/撤销/吊销): the bureau's head or supervisors
 * @param barPeriod            how long an enterprise whose permit was 撤销 (Art 40) or 吊销 (Art 41) may not apply again
 * @param penalties            the fine range of each ground that carries one (Art 40: ¥200k–500k; Art 41: ¥100k–300k)
 */
@ConfigurationProperties(prefix = "hmc.permit.lifecycle")
@Validated
record PermitLifecycleProperties(
        @DefaultValue({"60", "30", "7"}) @NotEmpty List<@Positive Integer> reminderLeadDays,
        @DefaultValue("30") @Positive int supervisorsWithinDays,
        @DefaultValue("7") @Positive int escalateWithinDays,
        @DefaultValue("hmc-supervisor") @NotBlank String approverGroup,
        @DefaultValue("P3Y") @NotNull Period barPeriod,
        @NotEmpty Map<CancellationGround, @Valid PenaltyRange> penalties) {

    /** A fine range in yuan, both ends included. */
    public record PenaltyRange(@NotNull BigDecimal min, @NotNull BigDecimal max, @NotBlank String source) {
        boolean contains(BigDecimal amount) {
            return amount.compareTo(min) >= 0 && amount.compareTo(max) <= 0;
        }
    }

    /** The lead days, farthest from expiry first. */
    List<Integer> leadsDescending() {
        return reminderLeadDays.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }
}
