package org.hmcflow.inspection;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the random draw ({@code hmc.inspection.draw}), checked at start-up: a rate outside 0..1, fewer than two
 * inspectors per inspection or a misspelled key stops the application. A draw stores the values it used.
 *
 * @param baseRate                the share of other enterprises drawn per plan
 * @param keyDischargerRate       the share of key dischargers (重点管理 permit, key-monitored or key risk source)
 * @param poorCreditRate          the share of enterprises rated yellow or red (环发〔2013〕150号)
 * @param inspectorsPerInspection inspectors sent to each inspection (at least two: 行政处罚法 Art 42)
 * @param recentInspectionDays    an inspector who inspected an enterprise within this many days is not sent again
 */
@ConfigurationProperties(prefix = "hmc.inspection.draw", ignoreUnknownFields = false)
@Validated
record DrawProperties(
        @DefaultValue("0.1") @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal baseRate,
        @DefaultValue("0.3") @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal keyDischargerRate,
        @DefaultValue("0.5") @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal poorCreditRate,
        @DefaultValue("2") @Min(2) @Max(10) int inspectorsPerInspection,
        @DefaultValue("365") @Min(0) @Max(3650) int recentInspectionDays) {

    DrawSnapshot.Settings toSettings() {
        return new DrawSnapshot.Settings(baseRate, keyDischargerRate, poorCreditRate, inspectorsPerInspection,
                recentInspectionDays);
    }
}
