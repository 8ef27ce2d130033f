package org.hmcflow.permit.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hmcflow.enterprise.Pollutant;
import org.hmcflow.enterprise.Uscc;
import org.hmcflow.permit.application.ApplicationContents.Document;
import org.hmcflow.permit.application.ApplicationContents.Facility;
import org.hmcflow.permit.application.ApplicationContents.Outlet;
import org.hmcflow.permit.application.ApplicationContents.OutletPollutant;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;

/**
 * The rules an application's contents must meet before anything is stored. Every problem is collected, each named by
 * its field path as the HTTP request spells it ({@code outlets[0].pollutants[1].pollutant}), so one answer names every
 * bad field. Completeness in the legal sense (a document the bureau still wants) is not an input error: that is the
 * acceptance step's 补正 notice.
 */
final class ApplicationRules {

    /** HJ 608-2017 outlet codes: DA (废气, waste gas) or DW (废水, wastewater) and three digits. */
    static final Pattern OUTLET_CODE = Pattern.compile("D[AW]\\d{3}");
    static final int MAX_LINES = 50;

    private ApplicationRules() {
    }

    /**
     * Checks contents filed for the enterprise whose registered USCC is {@code ownUscc}.
     *
     * @return every problem found; empty when the contents may be stored
     */
    static List<FieldProblem> check(ApplicationContents c, String ownUscc) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c == null) {
            problems.add(new FieldProblem("application", "hmc.validation.required"));
            return problems;
        }
        if (blank(c.uscc())) {
            problems.add(new FieldProblem("uscc", "hmc.validation.required"));
        } else if (!Uscc.isValid(c.uscc())) {
            problems.add(new FieldProblem("uscc", "hmc.validation.uscc"));
        } else if (!c.uscc().equals(ownUscc)) {
            problems.add(new FieldProblem("uscc", "hmc.validation.uscc-not-yours"));
        }
        text(problems, "unitName", c.unitName(), true, 200);
        text(problems, "address", c.address(), true, 300);
        text(problems, "legalRepresentative", c.legalRepresentative(), true, 100);
        text(problems, "siteAddress", c.siteAddress(), true, 300);
        if (c.projectType() == null) {
            problems.add(new FieldProblem("projectType", "hmc.validation.required"));
        }
        text(problems, "processCode", c.processCode(), false, 60);
        notNegative(problems, "regionalReduction", c.regionalReduction(), false);
        notNegative(problems, "offsetAmount", c.offsetAmount(), false);
        text(problems, "productsAndCapacity", c.productsAndCapacity(), true, 2000);
        text(problems, "rawMaterials", c.rawMaterials(), true, 2000);
        text(problems, "eiaApprovalReference", c.eiaApprovalReference(), true, 100);
        text(problems, "selfMonitoringPlan", c.selfMonitoringPlan(), true, 4000);
        text(problems, "tradeSecretStatement", c.tradeSecretStatement(), false, 2000);
        facilities(problems, c.facilities());
        outlets(problems, c.outlets());
        documents(problems, c.documents());
        return problems;
    }

    /** 年排放量 — the site's heavy metals per year: the sum of every outlet's permitted annual quantity. */
    static BigDecimal annualHeavyMetalEmission(ApplicationContents c) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Outlet o : c.outlets()) {
            for (OutletPollutant p : o.pollutants()) {
                sum = sum.add(p.annualQuantityKg());
            }
        }
        return sum;
    }

    private static void facilities(List<FieldProblem> problems, List<Facility> facilities) {
        if (facilities == null || facilities.isEmpty()) {
            problems.add(new FieldProblem("facilities", "hmc.validation.required"));
            return;
        }
        if (facilities.size() > MAX_LINES) {
            problems.add(new FieldProblem("facilities", "hmc.validation.too-many", MAX_LINES));
            return;
        }
        Set<FacilityKind> kinds = new HashSet<>();
        for (int i = 0; i < facilities.size(); i++) {
            String at = "facilities[" + i + "]";
            Facility f = facilities.get(i);
            if (f == null) {
                problems.add(new FieldProblem(at, "hmc.validation.required"));
                continue;
            }
            if (f.kind() == null) {
                problems.add(new FieldProblem(at + ".kind", "hmc.validation.required"));
            } else {
                kinds.add(f.kind());
            }
            text(problems, at + ".name", f.name(), true, 200);
            text(problems, at + ".parameters", f.parameters(), true, 1000);
        }
        if (!kinds.isEmpty() && kinds.size() < FacilityKind.values().length) {
            problems.add(new FieldProblem("facilities", "hmc.validation.facilities-both"));
        }
    }

    private static void outlets(List<FieldProblem> problems, List<Outlet> outlets) {
        if (outlets == null || outlets.isEmpty()) {
            problems.add(new FieldProblem("outlets", "hmc.validation.required"));
            return;
        }
        if (outlets.size() > MAX_LINES) {
            problems.add(new FieldProblem("outlets", "hmc.validation.too-many", MAX_LINES));
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < outlets.size(); i++) {
            String at = "outlets[" + i + "]";
            Outlet o = outlets.get(i);
            if (o == null) {
                problems.add(new FieldProblem(at, "hmc.validation.required"));
                continue;
            }
            if (blank(o.code())) {
                problems.add(new FieldProblem(at + ".code", "hmc.validation.required"));
            } else if (!OUTLET_CODE.matcher(o.code()).matches()) {
                problems.add(new FieldProblem(at + ".code", "hmc.validation.outlet-code"));
            } else if (!codes.add(o.code())) {
                problems.add(new FieldProblem(at + ".code", "hmc.validation.outlet-duplicate", o.code()));
            }
            text(problems, at + ".location", o.location(), true, 300);
            text(problems, at + ".destination", o.destination(), true, 300);
            pollutants(problems, at, o.pollutants());
        }
    }

    private static void pollutants(List<FieldProblem> problems, String outlet, List<OutletPollutant> pollutants) {
        if (pollutants == null || pollutants.isEmpty()) {
            problems.add(new FieldProblem(outlet + ".pollutants", "hmc.validation.required"));
            return;
        }
        if (pollutants.size() > Pollutant.values().length) {
            problems.add(new FieldProblem(outlet + ".pollutants", "hmc.validation.too-many", Pollutant.values().length));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < pollutants.size(); j++) {
            String at = outlet + ".pollutants[" + j + "]";
            OutletPollutant p = pollutants.get(j);
            if (p == null) {
                problems.add(new FieldProblem(at, "hmc.validation.required"));
                continue;
            }
            if (blank(p.pollutant())) {
                problems.add(new FieldProblem(at + ".pollutant", "hmc.validation.required"));
            } else if (!Pollutant.isKnown(p.pollutant())) {
                problems.add(new FieldProblem(at + ".pollutant", "hmc.validation.unknown-pollutant", p.pollutant()));
            } else if (!seen.add(p.pollutant())) {
                problems.add(new FieldProblem(at + ".pollutant", "hmc.validation.pollutant-duplicate", p.pollutant()));
            }
            notNegative(problems, at + ".concentrationLimit", p.concentrationLimit(), true);
            boolean quantityOk = notNegative(problems, at + ".annualQuantityKg", p.annualQuantityKg(), true);
            boolean quotaOk = notNegative(problems, at + ".totalQuotaKg", p.totalQuotaKg(), true);
            if (quantityOk && quotaOk && p.annualQuantityKg().compareTo(p.totalQuotaKg()) > 0) {
                problems.add(new FieldProblem(at + ".annualQuantityKg", "hmc.validation.exceeds-quota",
                        p.totalQuotaKg().toPlainString()));
            }
            text(problems, at + ".emissionStandard", p.emissionStandard(), true, 200);
        }
    }

    private static void documents(List<FieldProblem> problems, List<Document> documents) {
        if (documents == null || documents.isEmpty()) {
            problems.add(new FieldProblem("documents", "hmc.validation.required"));
            return;
        }
        if (documents.size() > MAX_LINES) {
            problems.add(new FieldProblem("documents", "hmc.validation.too-many", MAX_LINES));
            return;
        }
        for (int i = 0; i < documents.size(); i++) {
            String at = "documents[" + i + "]";
            Document d = documents.get(i);
            if (d == null) {
                problems.add(new FieldProblem(at, "hmc.validation.required"));
                continue;
            }
            if (d.kind() == null) {
                problems.add(new FieldProblem(at + ".kind", "hmc.validation.required"));
            }
            text(problems, at + ".title", d.title(), true, 200);
            text(problems, at + ".reference", d.reference(), false, 100);
        }
    }

    private static void text(List<FieldProblem> problems, String field, String value, boolean required, int max) {
        if (blank(value)) {
            if (required) {
                problems.add(new FieldProblem(field, "hmc.validation.required"));
            }
        } else if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "hmc.validation.too-long", max));
        }
    }

    /** Returns whether the amount is present and not negative. */
    private static boolean notNegative(List<FieldProblem> problems, String field, BigDecimal amount, boolean required) {
        if (amount == null) {
            if (required) {
                problems.add(new FieldProblem(field, "hmc.validation.required"));
            }
            return false;
        }
        if (amount.signum() < 0) {
            problems.add(new FieldProblem(field, "hmc.validation.not-negative"));
            return false;
        }
        return true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
