package org.hmcflow.permit.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import org.hmcflow.permit.application.ApplicationContents.Facility;
import org.hmcflow.permit.application.ApplicationContents.Outlet;
import org.hmcflow.permit.application.ApplicationContents.OutletPollutant;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

/** The rules an application's contents meet before anything is stored; every bad field named by its request path. */
class ApplicationRulesTest {

    private static final String OWN = Applications.USCC_1;

    @Test
    void aCompleteApplicationPassesAndItsAnnualHeavyMetalsAreTheOutletsSum() {
        ApplicationContents contents = Applications.existingLeadBatterySite().build();
        assertThat(ApplicationRules.check(contents, OWN)).isEmpty();
        assertThat(ApplicationRules.annualHeavyMetalEmission(contents)).isEqualByComparingTo("15.7");
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ApplicationContents good = Applications.existingLeadBatterySite().build();
        ApplicationContents bad = new ApplicationContents("91441802MA5HMC0019", " ", good.address(),
                good.legalRepresentative(), good.siteAddress(), null, null, null, BigDecimal.ONE, new BigDecimal("-2"),
                null, null, null, good.productsAndCapacity(), good.rawMaterials(), good.eiaApprovalReference(),
                "x".repeat(4001), null,
                List.of(new Facility(FacilityKind.CONTROL, "废水处理站", "300 m³/d")),
                List.of(new Outlet("DX001", "厂区", "污水处理厂", List.of(
                                new OutletPollutant("Pb", BigDecimal.ONE, new BigDecimal("-1"), "GB 30484-2013", BigDecimal.TEN),
                                new OutletPollutant("Xx", BigDecimal.ONE, BigDecimal.ONE, "GB 30484-2013", BigDecimal.TEN))),
                        new Outlet("DW001", "厂区", "污水处理厂", List.of(
                                new OutletPollutant("Cd", BigDecimal.ONE, new BigDecimal("2"), "", BigDecimal.ONE),
                                new OutletPollutant("Cd", null, BigDecimal.ZERO, "GB 30484-2013", BigDecimal.ONE))),
                        new Outlet("DW001", "厂区", "污水处理厂", List.of(
                                new OutletPollutant("Ni", BigDecimal.ONE, BigDecimal.ONE, "GB 21900-2008", BigDecimal.ONE)))),
                List.of());

        List<FieldProblem> problems = ApplicationRules.check(bad, OWN);

        assertThat(problems).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactlyInAnyOrder(
                tuple("uscc", "hmc.validation.uscc"),
                tuple("unitName", "hmc.validation.required"),
                tuple("projectType", "hmc.validation.required"),
                tuple("regionalReduction", "hmc.validation.not-negative"),
                tuple("selfMonitoringPlan", "hmc.validation.too-long"),
                tuple("facilities", "hmc.validation.facilities-both"),
                tuple("outlets[0].code", "hmc.validation.outlet-code"),
                tuple("outlets[0].pollutants[0].annualQuantityKg", "hmc.validation.not-negative"),
                tuple("outlets[0].pollutants[1].pollutant", "hmc.validation.unknown-pollutant"),
                tuple("outlets[1].pollutants[0].annualQuantityKg", "hmc.validation.exceeds-quota"),
                tuple("outlets[1].pollutants[0].emissionStandard", "hmc.validation.required"),
                tuple("outlets[1].pollutants[1].pollutant", "hmc.validation.pollutant-duplicate"),
                tuple("outlets[1].pollutants[1].concentrationLimit", "hmc.validation.required"),
                tuple("outlets[2].code", "hmc.validation.outlet-duplicate"),
                tuple("documents", "hmc.validation.required"));
    }

    @Test
    void aValidCodeOfAnotherEnterpriseIsRefusedAndOutletCodesFollowHj608() {
        ApplicationContents good = Applications.existingLeadBatterySite().build();
        assertThat(ApplicationRules.check(good, "91440300708461136T")).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(tuple("uscc", "hmc.validation.uscc-not-yours"));
        for (String code : List.of("DA001", "DW999")) {
            assertThat(ApplicationRules.OUTLET_CODE.matcher(code).matches()).as(code).isTrue();
        }
        for (String code : List.of("DA01", "DA0001", "da001", "DX001", "DW00A", " DA001")) {
            assertThat(ApplicationRules.OUTLET_CODE.matcher(code).matches()).as(code).isFalse();
        }
    }
}
