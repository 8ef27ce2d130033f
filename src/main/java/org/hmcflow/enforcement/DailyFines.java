package org.hmcflow.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * 按日连续处罚 (环境保护法 Art 59; 按日连续处罚暂行办法): the original fine multiplied by the days the violation continued,
 * counted from the day after the re-inspection that found it continuing up to and including the day of the
 * re-inspection that finds it corrected. Calendar days: the law counts each day the violation goes on.
 */
public final class DailyFines {

    /** The computation shown to the bureau and entered as the penalty. */
    public record Computation(BigDecimal baseAmount, LocalDate firstDay, LocalDate lastDay, int days, BigDecimal amount) {
    }

    private DailyFines() {
    }

    /**
     * @param baseAmount       the original fine (原处罚数额)
     * @param continuingFound  day of the re-inspection that found the violation continuing
     * @param until            day of the re-inspection that found it corrected (or today, for a running total)
     */
    public static Computation compute(BigDecimal baseAmount, LocalDate continuingFound, LocalDate until) {
        if (baseAmount == null || baseAmount.signum() <= 0) {
            throw new IllegalArgumentException("the original fine must be positive, was " + baseAmount);
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(continuingFound, until));
        return new Computation(baseAmount, continuingFound.plusDays(1), until, (int) days,
                baseAmount.multiply(BigDecimal.valueOf(days)));
    }
}
