package org.hmcflow.permit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.permit.application.ApplicationContents.Outlet;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

/**
 * The Tasklist start form's values read into an application: the dynamic lists' rows (Tasklist's Json text or a list
 * of maps alike) grouped into outlets, kinds in either language, and every problem named by the form's row — those of
 * reading and those of {@link ApplicationRules} alike.
 */
class ApplicationFormTest {

    private static ApplicationForm.Reading read(Map<String, Object> values) {
        return ApplicationForm.read(values::get);
    }

    @Test
    void theFormsRowsBecomeTheSameContentsAsTheApisLists() {
        ApplicationForm.Reading reading = read(PermitTasklistPathTest.filingForm());
        assertThat(reading.problems()).isEmpty();
        ApplicationContents c = reading.contents();
        assertThat(ApplicationRules.check(c, Applications.USCC_1)).isEmpty();
        assertThat(c.projectType()).isEqualTo(ProjectType.EXISTING);
        assertThat(c.onKeyDischargerList()).isTrue();
        assertThat(c.heavyMetalEmissionChange()).isEqualByComparingTo("0");
        assertThat(c.regionalReduction()).as("left empty").isNull();
        assertThat(c.facilities()).extracting(ApplicationContents.Facility::kind)
                .containsExactly(FacilityKind.PRODUCTION, FacilityKind.CONTROL);
        assertThat(c.outlets()).extracting(Outlet::code, Outlet::location, Outlet::destination)
                .containsExactly(tuple("DW001", "厂区", "龙塘污水处理厂"), tuple("DA001", "厂区", "大气"));
        assertThat(c.outlets().get(0).pollutants()).extracting(ApplicationContents.OutletPollutant::pollutant)
                .containsExactly("Pb", "Cd");
        assertThat(c.outlets().get(0).pollutants().get(1).totalQuotaKg()).isEqualByComparingTo("1.5");
        assertThat(c.documents()).extracting(ApplicationContents.Document::kind, ApplicationContents.Document::reference)
                .containsExactly(tuple(DocumentKind.EIA_APPROVAL, "清环审〔2019〕18号"), tuple(DocumentKind.SELF_MONITORING_PLAN, null));
        assertThat(ApplicationRules.annualHeavyMetalEmission(c)).isEqualByComparingTo("16.9");
    }

    @Test
    void theFormsRowsFileTheSameApplicationAsTheApisBody() {
        // the API's body for the same application: outlets nest their pollutants, where the form has a row each
        Map<String, Object> body = new LinkedHashMap<>(PermitTasklistPathTest.filingForm());
        body.put("outlets", List.of(
                Map.of("code", "DW001", "location", "厂区", "destination", "龙塘污水处理厂", "pollutants", List.of(
                        PermitApiScenarios.pollutant("Pb", 0.5, 12.5, 15), PermitApiScenarios.pollutant("Cd", 0.05, 1.2, 1.5))),
                Map.of("code", "DA001", "location", "厂区", "destination", "大气", "pollutants", List.of(
                        PermitApiScenarios.pollutant("Pb", 0.5, 3.2, 4)))));
        ApplicationContents api = new ObjectMapper().convertValue(body, PermitApi.ApplicationRequest.class).toContents();
        ApplicationContents form = read(PermitTasklistPathTest.filingForm()).contents();
        assertThat(form).usingRecursiveComparison().withComparatorForType(java.math.BigDecimal::compareTo,
                java.math.BigDecimal.class).isEqualTo(api);
    }

    @Test
    void tasklistsJsonTextReadsAsTheSameRows() throws Exception {
        Map<String, Object> values = new LinkedHashMap<>(PermitTasklistPathTest.filingForm());
        ObjectMapper json = new ObjectMapper();
        for (String list : List.of("facilities", "outlets", "documents")) {
            values.put(list, json.writeValueAsString(values.get(list))); // what a Json variable's value reads as
        }
        ApplicationForm.Reading asJson = read(values);
        assertThat(asJson.problems()).isEmpty();
        assertThat(asJson.contents()).isEqualTo(read(PermitTasklistPathTest.filingForm()).contents());
        // the kinds may also be written in Chinese
        values.put("facilities", List.of(Map.of("kind", "主要生产设施", "name", "涂膏线", "parameters", "2 条"),
                Map.of("kind", "污染防治设施", "name", "废水站", "parameters", "300 m³/d")));
        assertThat(read(values).contents().facilities()).extracting(ApplicationContents.Facility::kind)
                .containsExactly(FacilityKind.PRODUCTION, FacilityKind.CONTROL);
        values.put("outlets", "DW001 | 厂区 | 龙塘污水处理厂 | Pb");
        assertThat(read(values).problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                .as("the old text rows are no list").containsExactly(tuple("outlets", "hmc.validation.rows"));
    }

    @Test
    void problemsOfReadingNameTheRowAndCell() {
        Map<String, Object> values = new LinkedHashMap<>(PermitTasklistPathTest.filingForm());
        values.put("projectType", "GREENFIELD");
        values.put("regionalReduction", "很多");
        values.put("onKeyDischargerList", "maybe");
        values.put("facilities", List.of(Map.of("kind", "MACHINE", "name", "涂膏线", "parameters", "2 条"),
                Map.of("kind", "CONTROL", "name", "废水站", "parameters", "300 m³/d")));
        values.put("outlets", List.of(row("DW001", "厂区", "龙塘污水处理厂", "Pb", "0,5", 12.5, 15),
                row("DW001", "车间", "", "Cd", 0.05, 1.2, 1.5)));
        values.put("documents", List.of(Map.of("kind", "EIA", "title", "批复", "reference", "清环审〔2019〕18号")));
        List<FieldProblem> problems = read(values).problems();
        assertThat(problems).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactlyInAnyOrder(
                tuple("projectType", "hmc.validation.one-of"),
                tuple("regionalReduction", "hmc.validation.number"),
                tuple("onKeyDischargerList", "hmc.validation.boolean"),
                tuple("facilities[0].kind", "hmc.validation.one-of"),
                tuple("outlets[0].concentrationLimit", "hmc.validation.number"),
                tuple("outlets[1].location", "hmc.validation.outlet-rows-differ"),
                tuple("documents[0].kind", "hmc.validation.one-of"));
    }

    @Test
    void theRulesProblemsAreNamedByTheFormsRowNotTheJsonPath() {
        Map<String, Object> values = new LinkedHashMap<>(PermitTasklistPathTest.filingForm());
        Map<String, Object> secondOfDw001 = row("DW001", "", "", "Hg", 0.005, -1, 1); // written after the gas outlet
        secondOfDw001.put("emissionStandard", "");
        values.put("outlets", List.of(row("DW001", "厂区", "龙塘污水处理厂", "Pb", 0.5, 12.5, 15),
                row("DA001", "厂区", "大气", "Pb", 0.5, 3.2, 4), Map.of(), secondOfDw001,
                row("DX002", "厂区", "", "Cd", 0.1, 1, 1)));
        ApplicationForm.Reading reading = read(values);
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.contents().outlets()).extracting(Outlet::code).containsExactly("DW001", "DA001", "DX002");
        List<FieldProblem> named = ApplicationRules.check(reading.contents(), Applications.USCC_1).stream()
                .map(reading::inFormTerms).toList();
        assertThat(named).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactlyInAnyOrder(
                // a blank row (added, never filled) is skipped but keeps its place: rows are named as submitted
                tuple("outlets[3].annualQuantityKg", "hmc.validation.not-negative"),
                tuple("outlets[3].emissionStandard", "hmc.validation.required"),
                tuple("outlets[4].code", "hmc.validation.outlet-code"),
                tuple("outlets[4].destination", "hmc.validation.required"));
    }

    private static Map<String, Object> row(String code, String location, String destination, String pollutant,
                                           Object concentration, Object quantity, Object quota) {
        return PermitTasklistPathTest.outletRow(code, location, destination, pollutant, concentration, quantity, quota);
    }

    @Test
    void anEmptyFormNamesEveryRequiredField() {
        List<FieldProblem> named = ApplicationRules.check(read(Map.of()).contents(), Applications.USCC_1);
        assertThat(named).extracting(FieldProblem::field).contains("uscc", "unitName", "address", "legalRepresentative",
                "siteAddress", "projectType", "productsAndCapacity", "rawMaterials", "eiaApprovalReference",
                "selfMonitoringPlan", "facilities", "outlets", "documents");
    }
}
