package org.hmcflow.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * 工作日历 — which days a bureau works: Monday to Friday unless an official holiday (法定节假日), and a Saturday or
 * Sunday only when it is a make-up workday (调休上班).
 *
 * <p>The schedules are data, announced by the State Council each November: they are read at start-up from every
 * location in {@code hmc.calendar.locations} (Spring resource locations, e.g.
 * {@code classpath:config/calendar/holidays-cn.yaml}, {@code file:/etc/hmc/holidays-2027.yaml}). A file that is
 * malformed or contradicts itself or another file stops the start with a {@link CalendarDataException} naming the
 * file, line and date. A year no file covers is counted with weekends only, with one warning per year in the log.
 *
 * <p>Counting follows 民法典 Art 201: the day a period starts from never counts. Thread-safe: an administrator's
 * {@link #reload} (e.g. next year's schedule added to a file) swaps the whole loaded set at once, and each answer is
 * counted on one set.
 */
@Component
public class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    /** The loaded schedules; a reload replaces the whole snapshot at once, so a reader never sees half a load. */
    private volatile Snapshot snapshot;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
    /** Where to read from again on {@link #reload}; null for a calendar made from texts. */
    private final List<String> locations;
    private final ResourceLoader resourceLoader;

    @Autowired
    WorkingDayCalendar(CalendarProperties properties, ResourceLoader resourceLoader) {
        this(load(properties.locations(), resourceLoader), properties.locations(), resourceLoader);
    }

    private WorkingDayCalendar(List<YearSchedule> schedules, List<String> locations, ResourceLoader resourceLoader) {
        this.snapshot = Snapshot.of(schedules);
        this.locations = locations;
        this.resourceLoader = resourceLoader;
        snapshot.log();
    }

    /** One complete load: the schedules, and the days they make off or worked. */
    private record Snapshot(List<YearSchedule> schedules, Map<LocalDate, String> holidayNames,
                            Set<LocalDate> makeUpWorkdays, Set<Integer> coveredYears) {

        static Snapshot of(List<YearSchedule> schedules) {
            Map<Integer, YearSchedule> byYear = new HashMap<>();
            Map<LocalDate, YearSchedule.Holiday> holidays = new HashMap<>();
            Map<LocalDate, YearSchedule.MakeUpWorkday> makeUps = new HashMap<>();
            for (YearSchedule schedule : schedules) {
                YearSchedule earlier = byYear.putIfAbsent(schedule.year(), schedule);
                if (earlier != null) {
                    throw new CalendarDataException("Holiday calendar: year " + schedule.year() + " is defined twice, in "
                            + earlier.origin() + " and in " + schedule.origin() + "; keep one");
                }
                for (YearSchedule.Holiday holiday : schedule.holidays()) {
                    for (LocalDate d = holiday.from(); !d.isAfter(holiday.to()); d = d.plusDays(1)) {
                        YearSchedule.Holiday other = holidays.putIfAbsent(d, holiday);
                        if (other != null) {
                            throw new CalendarDataException("Holiday calendar: " + d + " is listed twice as a holiday, "
                                    + other.name() + " (" + other.origin() + ") and " + holiday.name() + " (" + holiday.origin() + ")");
                        }
                    }
                }
                for (YearSchedule.MakeUpWorkday makeUp : schedule.makeUpWorkdays()) {
                    YearSchedule.MakeUpWorkday other = makeUps.putIfAbsent(makeUp.date(), makeUp);
                    if (other != null) {
                        throw new CalendarDataException("Holiday calendar: make-up workday " + makeUp.date() + " is listed twice, "
                                + other.origin() + " and " + makeUp.origin());
                    }
                }
            }
            for (YearSchedule.MakeUpWorkday makeUp : makeUps.values()) {
                YearSchedule.Holiday holiday = holidays.get(makeUp.date());
                if (holiday != null) {
                    throw new CalendarDataException("Holiday calendar: " + makeUp.date() + " is both a holiday, " + holiday.name()
                            + " (" + holiday.origin() + "), and a make-up workday (" + makeUp.origin() + "); it can only be one");
                }
            }
            Map<LocalDate, String> names = new HashMap<>();
            holidays.forEach((date, holiday) -> names.put(date, holiday.name()));
            return new Snapshot(List.copyOf(schedules), Map.copyOf(names), Set.copyOf(makeUps.keySet()),
                    Collections.unmodifiableSortedSet(new TreeSet<>(byYear.keySet())));
        }

        void log() {
            if (coveredYears.isEmpty()) {
                log.warn("No holiday schedule loaded (hmc.calendar.locations); working days are counted with weekends only");
            } else {
                log.info("Working-day calendar covers {} ({} holidays, {} make-up workdays)",
                        coveredYears, holidayNames.size(), makeUpWorkdays.size());
            }
        }
    }

    /** What a {@link #reload} changed: the years covered before and after. */
    public record Reload(Set<Integer> coveredBefore, Set<Integer> coveredAfter) {

        /** Years covered now that were not before. */
        public Set<Integer> added() {
            Set<Integer> added = new TreeSet<>(coveredAfter);
            added.removeAll(coveredBefore);
            return Collections.unmodifiableSet(added);
        }
    }

    /**
     * 日历更新 — reads every file of {@code hmc.calendar.locations} again and, if they are all valid, replaces the
     * loaded schedules in one step; a file that is missing or malformed leaves the calendar as it was and throws.
     *
     * @throws CalendarDataException naming the file, line and date of the problem
     * @throws IllegalStateException for a calendar not read from locations
     */
    public synchronized Reload reload() {
        if (locations == null) {
            throw new IllegalStateException("This calendar was not read from hmc.calendar.locations");
        }
        Snapshot next = Snapshot.of(load(locations, resourceLoader));
        Set<Integer> before = snapshot.coveredYears();
        snapshot = next;
        next.log();
        return new Reload(before, next.coveredYears());
    }

    /**
     * This calendar as it was without the schedules of {@code years} (counted with weekends only there), e.g. to
     * see what a deadline was before a year's schedule was loaded.
     */
    public WorkingDayCalendar without(Set<Integer> years) {
        return new WorkingDayCalendar(snapshot.schedules().stream().filter(s -> !years.contains(s.year())).toList(),
                null, null);
    }

    /** A calendar from YAML text in the layout of {@code config/calendar/holidays-cn.yaml}; for tests and tools. */
    public static WorkingDayCalendar fromYaml(String sourceName, String yamlText) {
        return fromYamlTexts(Map.of(sourceName, yamlText));
    }

    /**
     * A calendar read from resource locations ({@code classpath:...}, {@code file:...}) without Spring, e.g. the real
     * schedule in another module's unit test: {@code fromLocations(List.of("classpath:config/calendar/holidays-cn.yaml"))}.
     */
    public static WorkingDayCalendar fromLocations(List<String> locations) {
        return new WorkingDayCalendar(load(locations, new DefaultResourceLoader()), null, null);
    }

    /** Several files at once, by name, in iteration order (use a {@link LinkedHashMap}). */
    static WorkingDayCalendar fromYamlTexts(Map<String, String> textsBySourceName) {
        List<YearSchedule> schedules = new ArrayList<>();
        textsBySourceName.forEach((name, text) -> schedules.addAll(HolidayScheduleReader.read(name, text)));
        return new WorkingDayCalendar(schedules, null, null);
    }

    private static List<YearSchedule> load(List<String> locations, ResourceLoader resourceLoader) {
        List<YearSchedule> schedules = new ArrayList<>();
        for (String location : locations) {
            Resource resource = resourceLoader.getResource(location.strip());
            if (!resource.exists()) {
                throw new CalendarDataException("Holiday calendar file not found: " + location
                        + " (listed in hmc.calendar.locations)");
            }
            String text;
            try (InputStream in = resource.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CalendarDataException("Holiday calendar file " + location + " cannot be read: " + e.getMessage(), e);
            }
            schedules.addAll(HolidayScheduleReader.read(location, text));
        }
        return schedules;
    }

    /** Monday to Friday unless a holiday; Saturday or Sunday only if a make-up workday. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return isWorkingDay(snapshot, date);
    }

    private boolean isWorkingDay(Snapshot loaded, LocalDate date) {
        if (loaded.holidayNames().containsKey(date)) {
            return false;
        }
        if (loaded.makeUpWorkdays().contains(date)) {
            return true;
        }
        warnIfUncovered(loaded, date.getYear());
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code days}-th working day after {@code from}; {@code from} itself never counts. With {@code days == 0}:
     * {@code from} if it is a working day, else the next working day.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        return step(from, days, 1);
    }

    /**
     * The {@code days}-th working day before {@code from}; {@code from} itself never counts. With {@code days == 0}:
     * {@code from} if it is a working day, else the previous working day.
     *
     * @throws IllegalArgumentException if {@code days} is negative
     */
    public LocalDate minusWorkingDays(LocalDate from, int days) {
        return step(from, days, -1);
    }

    private LocalDate step(LocalDate from, int days, int direction) {
        Objects.requireNonNull(from, "from");
        if (days < 0) {
            throw new IllegalArgumentException("Working days must be 0 or more, was " + days);
        }
        Snapshot loaded = snapshot;
        LocalDate date = from;
        if (days == 0) {
            while (!isWorkingDay(loaded, date)) {
                date = date.plusDays(direction);
            }
            return date;
        }
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(direction);
            if (isWorkingDay(loaded, date)) {
                counted++;
            }
        }
        return date;
    }

    /** Working days in {@code (fromExclusive, toInclusive]}; 0 if {@code toInclusive} is not after {@code fromExclusive}. */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        Snapshot loaded = snapshot;
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(loaded, d)) {
                count++;
            }
        }
        return count;
    }

    /** The years whose official schedule is loaded, ascending. */
    public Set<Integer> coveredYears() {
        return snapshot.coveredYears();
    }

    public boolean covers(int year) {
        return snapshot.coveredYears().contains(year);
    }

    /** The holiday's Chinese name (e.g. 春节) if {@code date} is an official day off. */
    public Optional<String> holidayName(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return Optional.ofNullable(snapshot.holidayNames().get(date));
    }

    private void warnIfUncovered(Snapshot loaded, int year) {
        if (!loaded.coveredYears().contains(year) && warnedYears.add(year)) {
            log.warn("No official holiday schedule loaded for {}: its working days are counted with weekends only, so "
                    + "deadlines reaching into {} may be short. Load {}'s schedule (国务院办公厅 notice, published each "
                    + "November) into a file listed in hmc.calendar.locations.", year, year, year);
        }
    }
}
