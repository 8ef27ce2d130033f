package org.hmcflow.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hmcflow.enterprise.Pollutant;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;

/**
 * Turns monitoring results as they are entered (strings and numbers from a form or the API) into {@link Measurement}s,
 * naming every bad field at once: an unknown pollutant, a missing or negative value, an unknown unit, a unit of the
 * wrong medium for the outlet or for the limit, a limit that is not positive.
 */
public final class MeasurementRules {

    /** One result as entered; {@code field} prefixes the names in problems, e.g. {@code results[2]}. */
    public record Entry(String pollutant, String point, BigDecimal value, String unit, BigDecimal limit, String limitUnit) {
    }

    private MeasurementRules() {
    }

    /** All entries checked; throws {@link InvalidInputException} listing every problem, or returns them all valid. */
    public static List<Measurement> check(String field, List<Entry> entries) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Measurement> measurements = new ArrayList<>();
        if (entries == null || entries.isEmpty()) {
            throw InvalidInputException.of(field, "hmc.validation.required");
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String at = field + "[" + i + "].";
            Measurement m = check(at, e, problems);
            if (m != null) {
                measurements.add(m);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(measurements);
    }

    private static Measurement check(String at, Entry e, List<FieldProblem> problems) {
        int before = problems.size();
        Pollutant pollutant = null;
        if (e.pollutant() == null || e.pollutant().isBlank()) {
            problems.add(new FieldProblem(at + "pollutant", "hmc.validation.required"));
        } else if (!Pollutant.isKnown(e.pollutant().strip())) {
            problems.add(new FieldProblem(at + "pollutant", "hmc.validation.unknown-pollutant", e.pollutant()));
        } else {
            pollutant = Pollutant.valueOf(e.pollutant().strip());
        }
        if (e.point() == null || e.point().isBlank()) {
            problems.add(new FieldProblem(at + "point", "hmc.validation.required"));
        }
        if (e.value() == null) {
            problems.add(new FieldProblem(at + "value", "hmc.validation.required"));
        } else if (e.value().signum() < 0) {
            problems.add(new FieldProblem(at + "value", "hmc.validation.negative-measurement"));
        }
        if (e.limit() == null) {
            problems.add(new FieldProblem(at + "limit", "hmc.validation.required"));
        } else if (e.limit().signum() <= 0) {
            problems.add(new FieldProblem(at + "limit", "hmc.validation.limit-positive"));
        }
        Optional<ConcentrationUnit> unit = unit(at + "unit", e.unit(), problems);
        Optional<ConcentrationUnit> limitUnit = unit(at + "limitUnit", e.limitUnit(), problems);
        Optional<ConcentrationUnit.Medium> outletMedium = ConcentrationUnit.mediumOfOutlet(e.point());
        if (unit.isPresent() && outletMedium.isPresent() && unit.get().medium() != outletMedium.get()) {
            problems.add(new FieldProblem(at + "unit", "hmc.validation.unit-for-outlet", unit.get().symbol(), e.point()));
        } else if (unit.isPresent() && limitUnit.isPresent() && unit.get().medium() != limitUnit.get().medium()) {
            problems.add(new FieldProblem(at + "unit", "hmc.validation.unit-mismatch", unit.get().symbol(),
                    limitUnit.get().symbol()));
        }
        if (limitUnit.isPresent() && outletMedium.isPresent() && limitUnit.get().medium() != outletMedium.get()) {
            problems.add(new FieldProblem(at + "limitUnit", "hmc.validation.unit-for-outlet", limitUnit.get().symbol(),
                    e.point()));
        }
        if (problems.size() > before) {
            return null;
        }
        return new Measurement(pollutant, e.point().strip(), e.value(), unit.get(), e.limit(), limitUnit.get());
    }

    private static Optional<ConcentrationUnit> unit(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "hmc.validation.required"));
            return Optional.empty();
        }
        Optional<ConcentrationUnit> unit = ConcentrationUnit.parse(text);
        if (unit.isEmpty()) {
            problems.add(new FieldProblem(field, "hmc.validation.unknown-unit", text));
        }
        return unit;
    }
}
