package org.hmcflow.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the pages show them: in the user's language (zh: 2026年12月8日 09:30; en: Dec 8, 2026, 9:30 AM)
 * and the application's time zone (the injected clock's). Templates call it as {@code @portalDates}.
 */
@Component("portalDates")
public class PortalDates {

    private final Clock clock;

    PortalDates(Clock clock) {
        this.clock = clock;
    }

    public String dateTime(Instant at, Locale locale) {
        return at == null ? null : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(at.atZone(clock.getZone()));
    }

    public String date(LocalDate day, Locale locale) {
        return day == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }
}
