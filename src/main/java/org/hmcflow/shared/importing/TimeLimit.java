package org.hmcflow.shared.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 时限要求 — a time limit as the plans write it, read into one of three kinds:
 * <ul>
 *   <li>{@link Kind#BY_DATE}: done by a day — "2020年底前" and "到2020年底" (31 Dec 2020), "2019年6月底前" (30 Jun
 *       2019), "2019年6月15日前", or an ISO date "2019-06-15";</li>
 *   <li>{@link Kind#PERIODIC_FROM}: reported on periodically from a year on — "2018年起", "从2018年开始" (from 1 Jan
 *       2018);</li>
 *   <li>{@link Kind#ONGOING}: "持续实施", "长期坚持", "长期" — reported on periodically with no end; it can fall behind
 *       but never finishes.</li>
 * </ul>
 * Anything else is not guessed: {@link #parse} answers empty and the import names the cell.
 *
 * @param kind    which of the three
 * @param date    the last day ({@code BY_DATE}) or the first day ({@code PERIODIC_FROM}); null for {@code ONGOING}
 * @param written the cell as the plan writes it
 */
public record TimeLimit(Kind kind, LocalDate date, String written) {

    public enum Kind {
        BY_DATE, PERIODIC_FROM, ONGOING
    }

    private static final Pattern YEAR_END = Pattern.compile("(?:到)?(\\d{4})年底(?:前)?");
    private static final Pattern MONTH_END = Pattern.compile("(?:到)?(\\d{4})年(\\d{1,2})月底(?:前)?");
    private static final Pattern DAY = Pattern.compile("(?:到)?(\\d{4})年(\\d{1,2})月(\\d{1,2})日(?:前)?");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern FROM_YEAR = Pattern.compile("(?:从|自)?(\\d{4})年(?:起|开始)");
    private static final Pattern ONGOING_WORDS = Pattern.compile("持续实施|长期坚持|长期");

    public TimeLimit {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ONGOING) != (date == null)) {
            throw new IllegalArgumentException(kind + " with date " + date);
        }
    }

    /** The time limit a cell states, or empty when it is none of the forms above (the import reports the cell). */
    public static Optional<TimeLimit> parse(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        String written = cell.strip();
        String s = written.replaceAll("\\s+", "");
        try {
            Matcher m;
            if ((m = YEAR_END.matcher(s)).matches()) {
                return Optional.of(new TimeLimit(Kind.BY_DATE, LocalDate.of(year(m, 1), 12, 31), written));
            }
            if ((m = MONTH_END.matcher(s)).matches()) {
                return Optional.of(new TimeLimit(Kind.BY_DATE,
                        YearMonth.of(year(m, 1), Integer.parseInt(m.group(2))).atEndOfMonth(), written));
            }
            if ((m = DAY.matcher(s)).matches() || (m = ISO.matcher(s)).matches()) {
                return Optional.of(new TimeLimit(Kind.BY_DATE, LocalDate.of(year(m, 1),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), written));
            }
            if ((m = FROM_YEAR.matcher(s)).matches()) {
                return Optional.of(new TimeLimit(Kind.PERIODIC_FROM, LocalDate.of(year(m, 1), 1, 1), written));
            }
        } catch (DateTimeException e) {
            return Optional.empty(); // "2019年13月底前", "2019年2月30日前": not a date
        }
        if (ONGOING_WORDS.matcher(s).matches()) {
            return Optional.of(new TimeLimit(Kind.ONGOING, null, written));
        }
        return Optional.empty();
    }

    private static int year(Matcher m, int group) {
        int year = Integer.parseInt(m.group(group));
        if (year < 1990 || year > 2100) {
            throw new DateTimeException("year " + year);
        }
        return year;
    }

    /** Whether the item can be finished (a date to meet) rather than reported on for good or from a year on. */
    public boolean finishes() {
        return kind == Kind.BY_DATE;
    }
}
