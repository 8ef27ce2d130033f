package org.hmcflow.calendar;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one holiday file ({@code config/calendar/holidays-cn.yaml} shows the layout) into year schedules.
 *
 * <p>It walks the YAML node tree instead of binding objects: every value stays the text the administrator wrote
 * (SnakeYAML would otherwise turn {@code 2026-02-15} into a {@code java.util.Date} at midnight UTC), and every
 * error can name the line. Checks that need only one year are made here; checks across years and files are made
 * by {@link WorkingDayCalendar}.
 */
final class HolidayScheduleReader {

    /** Longer ranges are almost always a typo in the month; see the file's header comment. */
    static final int MAX_HOLIDAY_DAYS = 14;

    private final String sourceName;

    private HolidayScheduleReader(String sourceName) {
        this.sourceName = sourceName;
    }

    static List<YearSchedule> read(String sourceName, String yamlText) {
        return new HolidayScheduleReader(sourceName).read(yamlText);
    }

    private List<YearSchedule> read(String yamlText) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yamlText));
        } catch (YAMLException e) {
            throw new CalendarDataException("Holiday calendar " + sourceName + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new CalendarDataException("Holiday calendar " + sourceName + " is empty; expected a 'schedules' list");
        }
        Map<String, Node> top = mapping(root, "the file", Set.of("schedules"), Set.of("schedules"));
        SequenceNode list = sequence(top.get("schedules"), "schedules");
        List<YearSchedule> schedules = new ArrayList<>();
        for (Node entry : list.getValue()) {
            schedules.add(yearSchedule(entry));
        }
        return schedules;
    }

    private YearSchedule yearSchedule(Node node) {
        Map<String, Node> fields = mapping(node, "a year's schedule",
                Set.of("year", "source", "holidays", "make-up-workdays"), Set.of("year", "source", "holidays"));
        Node yearNode = fields.get("year");
        int year;
        try {
            year = Integer.parseInt(scalar(yearNode, "year"));
        } catch (NumberFormatException e) {
            throw error(yearNode, "year '" + scalar(yearNode, "year") + "' is not a number");
        }
        if (year < 2000 || year > 2100) {
            throw error(yearNode, "year " + year + " is out of range 2000..2100");
        }
        String source = text(fields.get("source"), "source of " + year);
        String where = "year " + year;

        List<YearSchedule.Holiday> holidays = new ArrayList<>();
        for (Node h : sequence(fields.get("holidays"), "holidays of " + year).getValue()) {
            Map<String, Node> hf = mapping(h, "a holiday of " + year, Set.of("name", "from", "to"), Set.of("name", "from", "to"));
            String name = text(hf.get("name"), "holiday name");
            LocalDate from = date(hf.get("from"), year, where);
            LocalDate to = date(hf.get("to"), year, where);
            if (to.isBefore(from)) {
                throw error(h, "holiday " + name + " ends (" + to + ") before it starts (" + from + ")");
            }
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            if (days > MAX_HOLIDAY_DAYS) {
                throw error(h, "holiday " + name + " from " + from + " to " + to + " lasts " + days + " days, more than "
                        + MAX_HOLIDAY_DAYS + "; check the month (if it is really the schedule, split it into two entries)");
            }
            holidays.add(new YearSchedule.Holiday(name, from, to, origin(h)));
        }

        List<YearSchedule.MakeUpWorkday> makeUps = new ArrayList<>();
        Node makeUpNode = fields.get("make-up-workdays");
        if (makeUpNode != null && !isNull(makeUpNode)) {
            for (Node m : sequence(makeUpNode, "make-up-workdays of " + year).getValue()) {
                Map<String, Node> mf = mapping(m, "a make-up workday of " + year, Set.of("date", "note"), Set.of("date", "note"));
                LocalDate date = date(mf.get("date"), year, where);
                String note = text(mf.get("note"), "make-up workday note");
                DayOfWeek dow = date.getDayOfWeek();
                if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                    throw error(m, "make-up workday " + date + " is a " + dow
                            + ", already a working day; a make-up workday (调休上班) is always a Saturday or Sunday");
                }
                makeUps.add(new YearSchedule.MakeUpWorkday(date, note, origin(m)));
            }
        }
        return new YearSchedule(year, source, origin(node), holidays, makeUps);
    }

    private LocalDate date(Node node, int year, String where) {
        String text = scalar(node, "date");
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(node, "'" + text + "' is not a date; write YYYY-MM-DD");
        }
        boolean inYear = date.getYear() == year;
        boolean decemberBefore = date.getYear() == year - 1 && date.getMonthValue() == 12;
        if (!inYear && !decemberBefore) {
            throw error(node, "date " + date + " is outside " + where
                    + " (a year's schedule holds dates of that year and of the December before it)");
        }
        return date;
    }

    private Map<String, Node> mapping(Node node, String what, Set<String> allowed, Set<String> required) {
        if (!(node instanceof MappingNode mappingNode)) {
            throw error(node, what + " must be a mapping with keys " + new TreeSet<>(allowed));
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode.getValue()) {
            String key = scalar(tuple.getKeyNode(), "key");
            if (!allowed.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + "; expected " + new TreeSet<>(allowed));
            }
            if (fields.put(key, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), "key '" + key + "' appears twice in " + what);
            }
        }
        for (String key : required) {
            if (!fields.containsKey(key)) {
                throw error(node, what + " has no '" + key + "'");
            }
        }
        return fields;
    }

    private SequenceNode sequence(Node node, String what) {
        if (!(node instanceof SequenceNode sequenceNode)) {
            throw error(node, what + " must be a list");
        }
        return sequenceNode;
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalarNode)) {
            throw error(node, what + " must be a single value");
        }
        return scalarNode.getValue().strip();
    }

    private String text(Node node, String what) {
        String value = isNull(node) ? "" : scalar(node, what);
        if (value.isEmpty()) {
            throw error(node, what + " is empty");
        }
        return value;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private String origin(Node node) {
        return sourceName + ", line " + (node.getStartMark().getLine() + 1);
    }

    private CalendarDataException error(Node node, String message) {
        return new CalendarDataException("Holiday calendar " + origin(node) + ": " + message);
    }
}
