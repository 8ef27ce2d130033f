package org.hmcflow.permit.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hmcflow.permit.application.ApplicationContents.Document;
import org.hmcflow.permit.application.ApplicationContents.Facility;
import org.hmcflow.permit.application.ApplicationContents.Outlet;
import org.hmcflow.permit.application.ApplicationContents.OutletPollutant;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.workflow.FormValues;

/**
 * 排污许可申请表 — the application as the Camunda Tasklist start form {@code permit-application-filing} sends it: the
 * Art 7 contents as plain fields, and the three lists as the form's dynamic lists (rows of cells; Tasklist submits each
 * as one Json value, our API would send a JSON list — {@link FormValues#rows} reads both):
 * <ul>
 *   <li>{@code facilities}: {@code kind}, {@code name}, {@code parameters}; kind {@code PRODUCTION} (主要生产设施) or
 *       {@code CONTROL} (污染防治设施), the Chinese names read as well;</li>
 *   <li>{@code outlets}: one row per pollutant at an outlet, as the permit's own tables list them —
 *       {@code code}, {@code location}, {@code destination}, {@code pollutant}, {@code concentrationLimit},
 *       {@code annualQuantityKg}, {@code emissionStandard}, {@code totalQuotaKg}; rows with the same code make one
 *       outlet (location and destination may be left blank after its first row);</li>
 *   <li>{@code documents}: {@code kind}, {@code title}, {@code reference}.</li>
 * </ul>
 * The contents then go through the same {@link ApplicationRules} as the API's JSON; a problem is named by the form's
 * row ({@code outlets[3].pollutant} is the fourth pollutant row), so the person at the form finds the row to mend.
 */
final class ApplicationForm {

    /** The form's id in {@code forms/permit/} and in the start event's {@code camunda:formRef}. */
    static final String FORM = "permit-application-filing";

    static final String F_FACILITIES = "facilities";
    static final String F_OUTLETS = "outlets";
    static final String F_DOCUMENTS = "documents";

    /** The columns of each list, in the form's order (the model test holds the form file to them). */
    static final Map<String, List<String>> COLUMNS = Map.of(
            F_FACILITIES, List.of("kind", "name", "parameters"),
            F_OUTLETS, List.of("code", "location", "destination", "pollutant", "concentrationLimit", "annualQuantityKg",
                    "emissionStandard", "totalQuotaKg"),
            F_DOCUMENTS, List.of("kind", "title", "reference"));

    /** Every key the form sends, in the form's order (the model test holds the form file to it). */
    static final List<String> FIELDS = List.of("uscc", "unitName", "address", "legalRepresentative", "siteAddress",
            "projectType", "processCode", "onKeyDischargerList", "heavyMetalEmissionChange", "regionalReduction",
            "offsetAmount", "outputIncrease", "mixingOrAssemblyOnly", "productsAndCapacity", "rawMaterials",
            "eiaApprovalReference", "selfMonitoringPlan", "tradeSecretStatement", F_FACILITIES, F_OUTLETS, F_DOCUMENTS);

    /** More rows than any real site has; the rules check what is in them. */
    private static final int MAX_ROWS = 100;
    /** A cell longer than this is refused while reading (the rules hold the real limits). */
    private static final int MAX_CELL = 2000;

    private static final Map<String, FacilityKind> FACILITY_KINDS_ZH = Map.of(
            "主要生产设施", FacilityKind.PRODUCTION, "生产设施", FacilityKind.PRODUCTION,
            "污染防治设施", FacilityKind.CONTROL, "治理设施", FacilityKind.CONTROL);
    private static final Pattern RULE_OUTLET_FIELD = Pattern.compile("^outlets\\[(\\d+)](?:\\.pollutants\\[(\\d+)])?(.*)$");

    /**
     * The contents read from the form, the problems of reading (a number that is none, an unknown kind), and for each
     * outlet the form's row index of each of its pollutants.
     */
    record Reading(ApplicationContents contents, List<FieldProblem> problems, List<List<Integer>> outletRows) {

        /**
         * A problem of {@link ApplicationRules} (which names JSON paths: {@code outlets[1].pollutants[0].pollutant})
         * in the form's terms: {@code outlets[k].pollutant}, k the pollutant row; an outlet's own fields on its first row.
         */
        FieldProblem inFormTerms(FieldProblem problem) {
            Matcher m = RULE_OUTLET_FIELD.matcher(problem.field());
            if (!m.matches()) {
                return problem;
            }
            List<Integer> rows = outletRows.get(Integer.parseInt(m.group(1)));
            String rest = m.group(3);
            int row = m.group(2) != null ? rows.get(Integer.parseInt(m.group(2))) : rows.get(0);
            if (m.group(2) == null && rest.equals(".pollutants")) {
                rest = ".pollutant";
            }
            return new FieldProblem(F_OUTLETS + "[" + row + "]" + rest, problem.messageKey(), problem.args());
        }
    }

    private ApplicationForm() {
    }

    /** Reads what the form sent ({@code values} gives a field's value, null when absent). */
    static Reading read(Function<String, Object> values) {
        FormValues form = new FormValues(values);
        String type = text(values.apply("projectType"));
        ProjectType projectType = type == null ? null : constant(ProjectType.class, type);
        if (type != null && projectType == null) {
            form.reject("projectType", "hmc.validation.one-of", names(ProjectType.values()));
        }
        List<List<Integer>> outletRows = new ArrayList<>();
        List<Outlet> outlets = outlets(form, outletRows);
        ApplicationContents contents = new ApplicationContents(
                text(values.apply("uscc")), text(values.apply("unitName")), text(values.apply("address")),
                text(values.apply("legalRepresentative")), text(values.apply("siteAddress")), projectType,
                text(values.apply("processCode")), form.bool("onKeyDischargerList"),
                number(form, values.apply("heavyMetalEmissionChange"), "heavyMetalEmissionChange"),
                number(form, values.apply("regionalReduction"), "regionalReduction"),
                number(form, values.apply("offsetAmount"), "offsetAmount"),
                form.bool("outputIncrease"),
                form.bool("mixingOrAssemblyOnly"),
                text(values.apply("productsAndCapacity")), text(values.apply("rawMaterials")),
                text(values.apply("eiaApprovalReference")), text(values.apply("selfMonitoringPlan")),
                text(values.apply("tradeSecretStatement")),
                facilities(form), outlets, documents(form));
        return new Reading(contents, form.problems(), outletRows);
    }

    private static List<Facility> facilities(FormValues form) {
        List<Facility> facilities = new ArrayList<>();
        for (FormValues.Row row : form.rows(F_FACILITIES, false, MAX_ROWS)) {
            FormValues cells = row.values();
            String kindText = cells.text("kind", false, MAX_CELL);
            FacilityKind kind = kindText == null ? null : FACILITY_KINDS_ZH.get(kindText);
            if (kindText != null && kind == null) {
                kind = constant(FacilityKind.class, kindText);
                if (kind == null) {
                    cells.reject("kind", "hmc.validation.one-of", names(FacilityKind.values()));
                }
            }
            facilities.add(new Facility(kind, cells.text("name", false, MAX_CELL),
                    cells.text("parameters", false, MAX_CELL)));
        }
        return facilities;
    }

    /** Groups the pollutant rows by outlet code, in the order the codes first appear; records each pollutant's row. */
    private static List<Outlet> outlets(FormValues form, List<List<Integer>> outletRows) {
        Map<String, Integer> byCode = new LinkedHashMap<>();
        List<String[]> heads = new ArrayList<>();
        List<List<OutletPollutant>> pollutants = new ArrayList<>();
        for (FormValues.Row row : form.rows(F_OUTLETS, false, MAX_ROWS)) {
            FormValues cells = row.values();
            String codeText = cells.text("code", false, MAX_CELL);
            String code = codeText == null ? null : codeText.toUpperCase(Locale.ROOT);
            String location = cells.text("location", false, MAX_CELL);
            String destination = cells.text("destination", false, MAX_CELL);
            Integer index = code == null ? null : byCode.get(code);
            if (index == null) {
                index = heads.size();
                if (code != null) {
                    byCode.put(code, index);
                }
                heads.add(new String[] {code, location, destination});
                pollutants.add(new ArrayList<>());
                outletRows.add(new ArrayList<>());
            } else {
                String[] head = heads.get(index);
                sameAsFirstRow(head, 1, location, "location", cells);
                sameAsFirstRow(head, 2, destination, "destination", cells);
            }
            pollutants.get(index).add(new OutletPollutant(cells.text("pollutant", false, MAX_CELL),
                    number(cells, cells.text("concentrationLimit", false, MAX_CELL), "concentrationLimit"),
                    number(cells, cells.text("annualQuantityKg", false, MAX_CELL), "annualQuantityKg"),
                    cells.text("emissionStandard", false, MAX_CELL),
                    number(cells, cells.text("totalQuotaKg", false, MAX_CELL), "totalQuotaKg")));
            outletRows.get(index).add(row.index());
        }
        List<Outlet> outlets = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            String[] head = heads.get(i);
            outlets.add(new Outlet(head[0], head[1], head[2], pollutants.get(i)));
        }
        return outlets;
    }

    /** A later row of an outlet may leave its location or destination blank, or repeat it, not contradict it. */
    private static void sameAsFirstRow(String[] head, int cell, String value, String field, FormValues cells) {
        if (value == null) {
            return;
        }
        if (head[cell] == null) {
            head[cell] = value;
        } else if (!Objects.equals(head[cell], value)) {
            cells.reject(field, "hmc.validation.outlet-rows-differ", head[0], head[cell]);
        }
    }

    private static List<Document> documents(FormValues form) {
        List<Document> documents = new ArrayList<>();
        for (FormValues.Row row : form.rows(F_DOCUMENTS, false, MAX_ROWS)) {
            FormValues cells = row.values();
            String kindText = cells.text("kind", false, MAX_CELL);
            DocumentKind kind = kindText == null ? null : constant(DocumentKind.class, kindText);
            if (kindText != null && kind == null) {
                cells.reject("kind", "hmc.validation.one-of", names(DocumentKind.values()));
            }
            documents.add(new Document(kind, cells.text("title", false, MAX_CELL), cells.text("reference", false, MAX_CELL)));
        }
        return documents;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** A number cell or field; not a number is a problem of that field (named by its row when {@code form} is a row's). */
    private static BigDecimal number(FormValues form, Object value, String field) {
        String s = text(value);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            form.reject(field, "hmc.validation.number");
            return null;
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
    }
}
