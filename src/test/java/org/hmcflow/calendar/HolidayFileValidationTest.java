package org.hmcflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hmcflow.calendar.CalendarFixtures.date;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** A holiday file an administrator got wrong stops the start, and the message says where. */
class HolidayFileValidationTest {

    private static final String YEAR_2027 = """
            schedules:
              - year: 2027
                source: "国务院办公厅关于2027年部分节假日安排的通知（test）"
                holidays:
                  - { name: 元旦, from: 2027-01-01, to: 2027-01-03 }
                  - { name: 春节, from: 2027-02-06, to: 2027-02-14 }
                make-up-workdays:
                  - { date: 2027-02-20, note: "春节调休上班（周六）" }
            """;

    @Test
    void aValidExtraYearIsCounted() {
        WorkingDayCalendar calendar = WorkingDayCalendar.fromYaml("holidays-2027.yaml", YEAR_2027);
        assertThat(calendar.coveredYears()).containsExactly(2027);
        assertThat(calendar.isWorkingDay(date("2027-01-01"))).isFalse();
        assertThat(calendar.isWorkingDay(date("2027-02-20"))).isTrue();
        assertThat(calendar.holidayName(date("2027-02-10"))).contains("春节");
    }

    @Test
    void malformedYamlNamesTheFile() {
        String broken = "schedules:\n  - year: 2027\n   source: [unclosed\n";
        assertThatThrownBy(() -> WorkingDayCalendar.fromYaml("holidays-2027.yaml", broken))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("holidays-2027.yaml");
    }

    @Test
    void anImpossibleDateNamesFileLineAndDate() {
        String yaml = YEAR_2027.replace("to: 2027-02-14", "to: 2027-02-30");
        assertThatThrownBy(() -> WorkingDayCalendar.fromYaml("holidays-2027.yaml", yaml))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("holidays-2027.yaml, line 6")
                .hasMessageContaining("'2027-02-30' is not a date");
    }

    @Test
    void aDateThatIsBothHolidayAndMakeUpWorkdayNamesTheDate() {
        String yaml = YEAR_2027.replace("date: 2027-02-20", "date: 2027-02-13");
        assertThatThrownBy(() -> WorkingDayCalendar.fromYaml("holidays-2027.yaml", yaml))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("2027-02-13 is both a holiday, 春节")
                .hasMessageContaining("holidays-2027.yaml, line 6")
                .hasMessageContaining("holidays-2027.yaml, line 8");
    }

    @Test
    void aYearDefinedInTwoFilesNamesBothFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("classpath:config/calendar/holidays-cn.yaml", YEAR_2027.replace("2027", "2026").replace("2026-02-20", "2026-02-28"));
        files.put("file:/etc/hmc/holidays-2026.yaml", YEAR_2027.replace("2027", "2026").replace("2026-02-20", "2026-02-28"));
        assertThatThrownBy(() -> WorkingDayCalendar.fromYamlTexts(files))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("year 2026 is defined twice")
                .hasMessageContaining("classpath:config/calendar/holidays-cn.yaml, line 2")
                .hasMessageContaining("file:/etc/hmc/holidays-2026.yaml, line 2");
    }

    @Test
    void aMakeUpWorkdayOnAWeekdayIsATypo() {
        String yaml = YEAR_2027.replace("date: 2027-02-20", "date: 2027-02-19");
        assertThatThrownBy(() -> WorkingDayCalendar.fromYaml("holidays-2027.yaml", yaml))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("2027-02-19 is a FRIDAY");
    }

    @Test
    void aHolidayRangeOfMonthsIsATypoInTheMonth() {
        String yaml = YEAR_2027.replace("to: 2027-02-14", "to: 2027-12-14");
        assertThatThrownBy(() -> WorkingDayCalendar.fromYaml("holidays-2027.yaml", yaml))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("春节 from 2027-02-06 to 2027-12-14")
                .hasMessageContaining("check the month");
    }

    @Test
    void aDateOfAnotherYearInAYearsBlockIsRefused() {
        // copying last year's block and forgetting one date
        String yaml = YEAR_2027.replace("from: 2027-02-06", "from: 2026-02-06");
        assertThatThrownBy(() -> WorkingDayCalendar.fromYaml("holidays-2027.yaml", yaml))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("date 2026-02-06 is outside year 2027");
    }

    @Test
    void aMisspelledKeyIsNamedNotIgnored() {
        String yaml = YEAR_2027.replace("make-up-workdays:", "make-up-workday:");
        assertThatThrownBy(() -> WorkingDayCalendar.fromYaml("holidays-2027.yaml", yaml))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("unknown key 'make-up-workday'")
                .hasMessageContaining("line 7");
    }

    @Test
    void aHolidayWithoutNameIsRefused() {
        String yaml = YEAR_2027.replace("name: 元旦, ", "");
        assertThatThrownBy(() -> WorkingDayCalendar.fromYaml("holidays-2027.yaml", yaml))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("has no 'name'");
    }

    @Test
    void anOverlapBetweenTwoHolidaysNamesBoth() {
        String yaml = YEAR_2027.replace("from: 2027-01-01, to: 2027-01-03", "from: 2027-02-01, to: 2027-02-06");
        assertThatThrownBy(() -> WorkingDayCalendar.fromYaml("holidays-2027.yaml", yaml))
                .isInstanceOf(CalendarDataException.class)
                .hasMessageContaining("2027-02-06 is listed twice as a holiday, 元旦")
                .hasMessageContaining("春节");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CalendarProperties.class)
    @Import(WorkingDayCalendar.class)
    static class CalendarOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(CalendarOnly.class);

    @Test
    void anAdministratorsExtraFileIsLoadedNextToTheShippedOne(@TempDir Path dir) throws IOException {
        Path extra = write(dir, "holidays-2027.yaml", YEAR_2027);
        runner.withPropertyValues(
                        "hmc.calendar.locations[0]=classpath:config/calendar/holidays-cn.yaml",
                        "hmc.calendar.locations[1]=file:" + extra)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
                    assertThat(calendar.coveredYears()).containsExactly(2025, 2026, 2027);
                    // from the last working day of 2026 over 元旦 2027
                    assertThat(calendar.plusWorkingDays(date("2026-12-31"), 1)).isEqualTo("2027-01-04");
                });
    }

    @Test
    void withoutSettingsTheShippedScheduleIsLoaded() {
        runner.run(context -> assertThat(context.getBean(WorkingDayCalendar.class).coveredYears()).containsExactly(2025, 2026));
    }

    @Test
    void theApplicationDoesNotStartWithAConflictingFile(@TempDir Path dir) throws IOException {
        Path bad = write(dir, "holidays-2027.yaml", YEAR_2027.replace("date: 2027-02-20", "date: 2027-02-13"));
        runner.withPropertyValues("hmc.calendar.locations[0]=file:" + bad)
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .isInstanceOf(CalendarDataException.class)
                        .hasMessageContaining("file:" + bad)
                        .hasMessageContaining("2027-02-13"));
    }

    @Test
    void theApplicationDoesNotStartWithAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("holidays-2027.yaml");
        runner.withPropertyValues("hmc.calendar.locations[0]=file:" + missing)
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .isInstanceOf(CalendarDataException.class)
                        .hasMessageContaining("not found: file:" + missing));
    }

    @Test
    void theApplicationDoesNotStartWhenTwoFilesDefineTheSameYear(@TempDir Path dir) throws IOException {
        Path again2026 = write(dir, "holidays-2026.yaml",
                YEAR_2027.replace("2027", "2026").replace("2026-02-20", "2026-02-28"));
        runner.withPropertyValues(
                        "hmc.calendar.locations[0]=classpath:config/calendar/holidays-cn.yaml",
                        "hmc.calendar.locations[1]=file:" + again2026)
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .hasMessageContaining("year 2026 is defined twice")
                        .hasMessageContaining("classpath:config/calendar/holidays-cn.yaml")
                        .hasMessageContaining("file:" + again2026));
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
