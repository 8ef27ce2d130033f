package org.hmcflow.hazard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the hazard lifecycle ({@code hmc.hazard}).
 *
 * @param triageGroup the department that triages every report (市环境保护局 in the Qingyuan plan, 附表2 rows 36–37)
 * @param maxReportFiles how many files a report may carry when it is filed
 */
@ConfigurationProperties(prefix = "hmc.hazard")
record HazardProperties(@DefaultValue("city-epb") String triageGroup, @DefaultValue("10") int maxReportFiles) {
}
