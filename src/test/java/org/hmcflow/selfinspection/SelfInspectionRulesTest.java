package org.hmcflow.selfinspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hmcflow.selfinspection.SelfInspectionKind.COMPREHENSIVE;
import static org.hmcflow.selfinspection.SelfInspectionKind.ROUTINE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hmcflow.selfinspection.SelfInspectionService.Answer;
import org.hmcflow.selfinspection.SelfInspectionService.Filing;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

/** What a filing must meet before anything is written; every problem is named by its field. */
class SelfInspectionRulesTest {

    private static final SelfInspectionChecklist CHECKLIST =
            SelfInspectionChecklist.fromYaml("test.yaml", SelfInspectionChecklistTest.SMALL);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Answer ok(String code) {
        return new Answer(code, true, null, null, null);
    }

    private static Answer bad(String code) {
        return new Answer(code, false, "沉淀池出水口pH在线仪表离线三天", "污水处理站", List.of("Pb", "Cd"));
    }

    private static Filing routine(String period, LocalDate on, Answer... answers) {
        return new Filing(ROUTINE, period, on, "陈工", List.of(answers));
    }

    private static List<FieldProblem> check(Filing filing) {
        return SelfInspectionRules.check(filing, CHECKLIST, TODAY);
    }

    private static List<String> fields(Filing filing) {
        return check(filing).stream().map(FieldProblem::field).toList();
    }

    @Test
    void aCompleteMonthlyCheckPasses() {
        assertThat(check(routine("2026-10", LocalDate.of(2026, 10, 28), ok("WASTEWATER_TREATMENT"),
                bad("HAZARDOUS_WASTE_STORAGE")))).isEmpty();
        // The current month may be filed as soon as the site was walked.
        assertThat(check(routine("2026-11", TODAY, bad("HAZARDOUS_WASTE_STORAGE"), ok("WASTEWATER_TREATMENT")))).isEmpty();
    }

    @Test
    void aYearlyCheckAsksTheComprehensiveItemsToo() {
        Filing withoutPlan = new Filing(COMPREHENSIVE, "2026", LocalDate.of(2026, 3, 2), "陈工",
                List.of(ok("WASTEWATER_TREATMENT"), ok("HAZARDOUS_WASTE_STORAGE")));
        assertThat(check(withoutPlan)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("items");
            assertThat(p.messageKey()).isEqualTo("hmc.validation.self-inspection-item-missing");
            assertThat(p.args()).containsExactly("EMERGENCY_PLAN");
        });
        Filing complete = new Filing(COMPREHENSIVE, "2026", LocalDate.of(2026, 3, 2), "陈工",
                List.of(ok("WASTEWATER_TREATMENT"), ok("HAZARDOUS_WASTE_STORAGE"), ok("EMERGENCY_PLAN")));
        assertThat(check(complete)).isEmpty();
    }

    @Test
    void unknownForeignAndRepeatedItemsAreNamedByIndex() {
        List<FieldProblem> problems = check(routine("2026-10", LocalDate.of(2026, 10, 5), ok("WASTEWATER_TREATMENT"),
                ok("NO_SUCH_ITEM"), ok("EMERGENCY_PLAN"), ok("WASTEWATER_TREATMENT"), ok(" ")));
        assertThat(problems).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple("items[1].itemCode", "hmc.validation.self-inspection-item"),
                org.assertj.core.groups.Tuple.tuple("items[2].itemCode", "hmc.validation.self-inspection-item-kind"),
                org.assertj.core.groups.Tuple.tuple("items[3].itemCode", "hmc.validation.self-inspection-item-twice"),
                org.assertj.core.groups.Tuple.tuple("items[4].itemCode", "hmc.validation.required"),
                org.assertj.core.groups.Tuple.tuple("items", "hmc.validation.self-inspection-item-missing"));
        assertThat(problems.get(0).args()).containsExactly("NO_SUCH_ITEM");
        assertThat(problems.get(4).args()).containsExactly("HAZARDOUS_WASTE_STORAGE");
    }

    @Test
    void aNonCompliantItemNeedsFindingLocationAndKnownPollutants() {
        Answer bare = new Answer("HAZARDOUS_WASTE_STORAGE", false, " ", null, List.of());
        assertThat(fields(routine("2026-10", LocalDate.of(2026, 10, 5), ok("WASTEWATER_TREATMENT"), bare)))
                .containsExactly("items[1].finding", "items[1].location", "items[1].pollutants");
        Answer wrongMetal = new Answer("HAZARDOUS_WASTE_STORAGE", false, "渗漏", "危废库", List.of("Pb", "lead"));
        assertThat(check(routine("2026-10", LocalDate.of(2026, 10, 5), ok("WASTEWATER_TREATMENT"), wrongMetal)))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("items[1].pollutants[1]");
                    assertThat(p.messageKey()).isEqualTo("hmc.validation.unknown-pollutant");
                });
        Answer noAnswer = new Answer("HAZARDOUS_WASTE_STORAGE", null, null, null, null);
        assertThat(fields(routine("2026-10", LocalDate.of(2026, 10, 5), ok("WASTEWATER_TREATMENT"), noAnswer)))
                .containsExactly("items[1].compliant");
        // A compliant item may carry a remark, but no finding is required.
        Answer remark = new Answer("HAZARDOUS_WASTE_STORAGE", true, "台账已更新", null, null);
        assertThat(check(routine("2026-10", LocalDate.of(2026, 10, 5), ok("WASTEWATER_TREATMENT"), remark))).isEmpty();
    }

    @Test
    void overlongTextIsRefused() {
        Answer longFinding = new Answer("HAZARDOUS_WASTE_STORAGE", false, "x".repeat(2001), "y".repeat(301), List.of("Pb"));
        assertThat(fields(routine("2026-10", LocalDate.of(2026, 10, 5), ok("WASTEWATER_TREATMENT"), longFinding)))
                .containsExactly("items[1].finding", "items[1].location");
        Filing longName = new Filing(ROUTINE, "2026-10", LocalDate.of(2026, 10, 5), "名".repeat(101),
                List.of(ok("WASTEWATER_TREATMENT"), ok("HAZARDOUS_WASTE_STORAGE")));
        assertThat(fields(longName)).containsExactly("inspectorName");
    }

    @Test
    void malformedAndFuturePeriodsAreRefused() {
        for (String period : List.of("2026-13", "2026-1", "26-10", "2026", "2026-10-01", "1999-12", "", "２０２６-10")) {
            assertThat(fields(routine(period, LocalDate.of(2026, 10, 5), ok("WASTEWATER_TREATMENT"),
                    ok("HAZARDOUS_WASTE_STORAGE")))).as(period).containsExactly("period");
        }
        assertThat(fields(new Filing(COMPREHENSIVE, "2026-10", LocalDate.of(2026, 10, 5), "陈工",
                List.of(ok("WASTEWATER_TREATMENT"), ok("HAZARDOUS_WASTE_STORAGE"), ok("EMERGENCY_PLAN")))))
                .containsExactly("period");
        assertThat(fields(routine("2026-12", TODAY, ok("WASTEWATER_TREATMENT"), ok("HAZARDOUS_WASTE_STORAGE"))))
                .containsExactly("period");
        assertThat(fields(new Filing(COMPREHENSIVE, "2027", TODAY, "陈工",
                List.of(ok("WASTEWATER_TREATMENT"), ok("HAZARDOUS_WASTE_STORAGE"), ok("EMERGENCY_PLAN")))))
                .containsExactly("period");
    }

    @Test
    void theInspectionDateLiesInThePeriodAndNotAhead() {
        assertThat(check(routine("2026-11", TODAY.plusDays(1), ok("WASTEWATER_TREATMENT"), ok("HAZARDOUS_WASTE_STORAGE"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("inspectedOn");
                    assertThat(p.messageKey()).isEqualTo("hmc.validation.future-date");
                });
        assertThat(check(routine("2026-10", LocalDate.of(2026, 11, 1), ok("WASTEWATER_TREATMENT"), ok("HAZARDOUS_WASTE_STORAGE"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("inspectedOn");
                    assertThat(p.messageKey()).isEqualTo("hmc.validation.self-inspection-outside-period");
                    assertThat(p.args()).containsExactly("2026-10");
                });
        assertThat(fields(routine("2026-10", null, ok("WASTEWATER_TREATMENT"), ok("HAZARDOUS_WASTE_STORAGE"))))
                .containsExactly("inspectedOn");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<Answer> answers = new ArrayList<>();
        answers.add(ok("NO_SUCH_ITEM"));
        answers.add(new Answer("HAZARDOUS_WASTE_STORAGE", false, null, "危废库", List.of("Pb")));
        Filing filing = new Filing(ROUTINE, "2027-01", LocalDate.of(2027, 1, 3), " ", answers);
        assertThat(fields(filing)).containsExactly("period", "inspectedOn", "inspectorName", "items[0].itemCode",
                "items[1].finding", "items");
        assertThat(fields(new Filing(null, "2026-10", TODAY, "陈工", List.of()))).containsExactly("kind");
    }

    @Test
    void thePortalsRowsAnswerWithAConclusionAndNameTheirFieldsAfterIt() {
        LocalDate on = LocalDate.of(2026, 10, 5);
        Answer notApplicable = new Answer("WASTEWATER_TREATMENT", null, SelfInspectionConclusion.NOT_APPLICABLE, null,
                null, null);
        Answer nonCompliant = new Answer("HAZARDOUS_WASTE_STORAGE", null, SelfInspectionConclusion.NON_COMPLIANT, " ",
                "危废库", List.of("Pb"));
        assertThat(notApplicable.conclusion().compliant()).isTrue();
        assertThat(fields(routine("2026-10", on, notApplicable, nonCompliant))).containsExactly("items[1].finding");
        // an unanswered row of a filing that answers by conclusion is named after its radio, not "compliant"
        Answer unanswered = new Answer("HAZARDOUS_WASTE_STORAGE", null, null, null, null, null);
        assertThat(fields(routine("2026-10", on, notApplicable, unanswered))).containsExactly("items[1].answer");
        // both shapes at once must agree
        Answer contradicting = new Answer("HAZARDOUS_WASTE_STORAGE", true, SelfInspectionConclusion.NON_COMPLIANT,
                "渗漏", "危废库", List.of("Pb"));
        assertThat(check(routine("2026-10", on, notApplicable, contradicting)))
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("items[1].answer",
                        "hmc.validation.self-inspection-answer-conflict"));
    }
}
