package org.hmcflow.permit.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the permit lifecycle ({@code hmc.permit} in {@code config/application.yaml}).
 *
 * @param bureauGroup         the department that accepts, reviews and decides applications (排污许可管理条例 Art 6:
 *                            the city-level bureau where the site is)
 * @param validity            how long a permit is valid (Art 14: five years)
 * @param executionReports    the execution reports (Art 22) a permit of each category requires; the frequency is set
 *                            per permit in law, so this is the bureau's default, not a verified national rule
 * @param reportDueDayOfMonth the day of the month after a period a report is due (15 Jan for the annual report; ◐
 *                            local practice)
 * @param minimumHeld         a period's report is not due if the permit was held less than this within it (◐ local
 *                            practice: annual 3 months, quarterly 1 month, monthly 10 days)
 */
@ConfigurationProperties(prefix = "hmc.permit")
@Validated
public record PermitProperties(
        @DefaultValue("city-epb") @NotBlank String bureauGroup,
        @DefaultValue("P5Y") @NotNull Period validity,
        @NotEmpty Map<ManagementCategory, List<ReportKind>> executionReports,
        @DefaultValue("15") @Min(1) @Max(28) int reportDueDayOfMonth,
        @NotEmpty Map<ReportKind, Period> minimumHeld) {

    public List<ReportKind> reportsFor(ManagementCategory category) {
        return executionReports.getOrDefault(category, List.of());
    }
}
