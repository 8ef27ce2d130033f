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
import org.hmcflow.shared.workflow.TextRows;

/**
 * 排污许可申请表 — the application as the Camunda Tasklist start form {@code permit-application-filing} sends it: the
 * Art 7 contents as plain fields, and the three lists as {@link TextRows} (a Camunda form has no repeating rows):
 * <ul>
 *   <li>{@code facilities}: {@code kind | name | parameters}, kind {@code PRODUCTION} (主要生产设施) or {@code CONTROL}
 *       (污染防治设施);</li>
 *   <li>{@code outlets}: one row per pollutant at an outlet, as the permit's own tables list them —
 *       {@code code | location | destination | pollutant | concentration limit | annual quantity kg | standard |
 *       total quota kg}; rows with the same code make one outlet (location and destination may be left blank after
 *       its first row);</li>
 *   <li>{@code documents}: {@code kind | title | reference}.</li>
 * </ul>
 * The contents then go through the same {@link ApplicationRules} as the API's JSON; a problem is named by the form's
 * row ({@code outlets[3].pollutant} is the fourth pollutant row), so the person at the form finds the line to mend.
 */
final class ApplicationForm {

    /** The form's id in {@code forms/permit/} and in the start event's {@code camunda:formRef}. */
    static final String FORM = "permit-application-filing";

    static final String F_FACILITIES = "facilities";
    static final String F_OUTLETS = "outlets";
    static final String F_DOCUMENTS = "documents";

    /** Every key the form sends, in the form's order (the model test holds the form file to it). */
    static final List<String> FIELDS = List.of("uscc", "unitName", "address", "legalRepresentative", "siteAddress",
            "projectType", "processCode", "onKeyDischargerList", "heavyMetalEmissionChange", "regionalReduction",
            "offsetAmount", "outputIncrease", "mixingOrAssemblyOnly", "productsAndCapacity", "rawMaterials",
            "eiaApprovalReference", "selfMonitoringPlan", "tradeSecretStatement", F_FACILITIES, F_OUTLETS, F_DOCUMENTS);

    private static final Map<String, FacilityKind> FACILITY_KINDS_ZH = Map.of(
            "主要生产设施", FacilityKind.PRODUCTION, "生产设施", FacilityKind.PRODUCTION,
            "污染防治设施", FacilityKind.CONTROL, "治理设施", FacilityKind.CONTROL);
    private static final Pattern RULE_OUTLET_FIELD = Pattern.compile("^outlets\\[(\\d+)](?:\\.pollutants\\[(\\d+)])?(.*)$");

    /** The contents read from the form, the problems of reading (a number that is none, an unknown kind), and the rows. */
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
        List<FieldProblem> problems = new ArrayList<>();
        FormValues checkboxes = new FormValues(values);
        String type = text(values.apply("projectType"));
        ProjectType projectType = type == null ? null : constant(ProjectType.class, type);
        if (type != null && projectType == null) {
            problems.add(new FieldProblem("projectType", "hmc.validation.one-of", names(ProjectType.values())));
        }
        List<List<Integer>> outletRows = new ArrayList<>();
        List<Outlet> outlets = outlets(text(values.apply(F_OUTLETS)), problems, outletRows);
        ApplicationContents contents = new ApplicationContents(
                text(values.apply("uscc")), text(values.apply("unitName")), text(values.apply("address")),
                text(values.apply("legalRepresentative")), text(values.apply("siteAddress")), projectType,
                text(values.apply("processCode")), checkboxes.bool("onKeyDischargerList"),
                number(values.apply("heavyMetalEmissionChange"), "heavyMetalEmissionChange", problems),
                number(values.apply("regionalReduction"), "regionalReduction", problems),
                number(values.apply("offsetAmount"), "offsetAmount", problems),
                checkboxes.bool("outputIncrease"),
                checkboxes.bool("mixingOrAssemblyOnly"),
                text(values.apply("productsAndCapacity")), text(values.apply("rawMaterials")),
                text(values.apply("eiaApprovalReference")), text(values.apply("selfMonitoringPlan")),
                text(values.apply("tradeSecretStatement")),
                facilities(text(values.apply(F_FACILITIES)), problems), outlets,
                documents(text(values.apply(F_DOCUMENTS)), problems));
        problems.addAll(checkboxes.problems());
        return new Reading(contents, problems, outletRows);
    }

    private static List<Facility> facilities(String text, List<FieldProblem> problems) {
        List<Facility> facilities = new ArrayList<>();
        List<String[]> rows = TextRows.rows(text, 3);
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            FacilityKind kind = r[0] == null ? null : FACILITY_KINDS_ZH.get(r[0]);
            if (r[0] != null && kind == null) {
                kind = constant(FacilityKind.class, r[0]);
                if (kind == null) {
                    problems.add(new FieldProblem(F_FACILITIES + "[" + i + "].kind", "hmc.validation.one-of",
                            names(FacilityKind.values())));
                }
            }
            facilities.add(new Facility(kind, r[1], r[2]));
        }
        return facilities;
    }

    /** Groups the pollutant rows by outlet code, in the order the codes first appear; records each pollutant's row. */
    private static List<Outlet> outlets(String text, List<FieldProblem> problems, List<List<Integer>> outletRows) {
        List<String[]> rows = TextRows.rows(text, 8);
        Map<String, Integer> byCode = new LinkedHashMap<>();
        List<String[]> heads = new ArrayList<>();
        List<List<OutletPollutant>> pollutants = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            String at = F_OUTLETS + "[" + k + "].";
            String code = r[0] == null ? null : r[0].toUpperCase(Locale.ROOT);
            Integer index = code == null ? null : byCode.get(code);
            if (index == null) {
                index = heads.size();
                if (code != null) {
                    byCode.put(code, index);
                }
                heads.add(new String[] {code, r[1], r[2]});
                pollutants.add(new ArrayList<>());
                outletRows.add(new ArrayList<>());
            } else {
                String[] head = heads.get(index);
                sameAsFirstRow(head, 1, r[1], at + "location", problems);
                sameAsFirstRow(head, 2, r[2], at + "destination", problems);
            }
            pollutants.get(index).add(new OutletPollutant(r[3], number(r[4], at + "concentrationLimit", problems),
                    number(r[5], at + "annualQuantityKg", problems), r[6], number(r[7], at + "totalQuotaKg", problems)));
            outletRows.get(index).add(k);
        }
        List<Outlet> outlets = new ArrayList<>();
        for (int i = 0; i < heads.size(); i++) {
            String[] head = heads.get(i);
            outlets.add(new Outlet(head[0], head[1], head[2], pollutants.get(i)));
        }
        return outlets;
    }

    /** A later row of an outlet may leave its location or destination blank, or repeat it, not contradict it. */
    private static void sameAsFirstRow(String[] head, int cell, String value, String field, List<FieldProblem> problems) {
        if (value == null) {
            return;
        }
        if (head[cell] == null) {
            head[cell] = value;
        } else if (!Objects.equals(head[cell], value)) {
            problems.add(new FieldProblem(field, "hmc.validation.outlet-rows-differ", head[0], head[cell]));
        }
    }

    private static List<Document> documents(String text, List<FieldProblem> problems) {
        List<Document> documents = new ArrayList<>();
        List<String[]> rows = TextRows.rows(text, 3);
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            DocumentKind kind = r[0] == null ? null : constant(DocumentKind.class, r[0]);
            if (r[0] != null && kind == null) {
                problems.add(new FieldProblem(F_DOCUMENTS + "[" + i + "].kind", "hmc.validation.one-of",
                        names(DocumentKind.values())));
            }
            documents.add(new Document(kind, r[1], r[2]));
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

    private static BigDecimal number(Object value, String field, List<FieldProblem> problems) {
        String s = text(value);
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "hmc.validation.number"));
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
