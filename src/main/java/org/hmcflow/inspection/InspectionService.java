package org.hmcflow.inspection;

import static org.hmcflow.inspection.InspectionAccess.requireManage;
import static org.hmcflow.inspection.InspectionAccess.requireRead;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.enterprise.Pollutant;
import org.hmcflow.inspection.DrawSnapshot.EnterpriseRow;
import org.hmcflow.inspection.DrawSnapshot.InspectorRow;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspection plans, their random draw (双随机), its verification by re-running it, and the public list (一公开). The
 * one entry for the web layer and other capabilities.
 */
@Service
@Transactional(readOnly = true)
public class InspectionService {

    static final String CASE_PLAN = "INSPECTION_PLAN";
    /** Seeds stay below 2⁵³, so they survive any JSON reader (JavaScript numbers) unchanged. */
    public static final long MAX_SEED = (1L << 53) - 1;

    /** A plan as entered. */
    public record PlanInput(String name, PlanType type, Integer year, String county, String scope,
                            List<String> scopePollutants, LocalDate periodStart, LocalDate periodEnd,
                            LocalDate publishAfter) {
    }

    /** A draw with what it drew, by enterprise id. */
    public record Drawn(InspectionPlan plan, InspectionDraw draw, List<DrawnInspection> inspections) {
    }

    /**
     * The result of re-running a draw from its stored seed and snapshot.
     *
     * @param snapshotIntact             the stored snapshot still has the SHA-256 stored (and audited) with the draw
     * @param resultMatches              the algorithm, run again, produced exactly the stored inspections
     * @param matches                    both: the stored list is what this seed and these registers give
     * @param enterpriseRegisterUnchanged the supervision register still reads as it did for the draw (information only:
     *                                   a register may change after a draw without touching the draw)
     * @param inspectorRegisterUnchanged the same for the inspectors, their conflicts and recent inspections
     * @param differingEnterpriseIds     enterprises drawn in only one of stored and recomputed lists, or with
     *                                   different inspectors
     */
    public record Verification(Long planId, Long drawId, String algorithm, long seed, String snapshotSha256,
                               boolean snapshotIntact, boolean resultMatches, boolean matches,
                               boolean enterpriseRegisterUnchanged, boolean inspectorRegisterUnchanged,
                               List<Long> differingEnterpriseIds) {
    }

    private final InspectionPlanRepository plans;
    private final InspectionDrawRepository draws;
    private final DrawnInspectionRepository drawn;
    private final SupervisionEntryRepository entries;
    private final InspectorRepository inspectors;
    private final InspectorConflictRepository conflicts;
    private final InspectionRegisterService registers;
    private final EnterpriseService enterprises;
    private final AuditTrail audit;
    private final DrawProperties settings;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    InspectionService(InspectionPlanRepository plans, InspectionDrawRepository draws, DrawnInspectionRepository drawn,
                      SupervisionEntryRepository entries, InspectorRepository inspectors,
                      InspectorConflictRepository conflicts, InspectionRegisterService registers,
                      EnterpriseService enterprises, AuditTrail audit, DrawProperties settings, Clock clock) {
        this.plans = plans;
        this.draws = draws;
        this.drawn = drawn;
        this.entries = entries;
        this.inspectors = inspectors;
        this.conflicts = conflicts;
        this.registers = registers;
        this.enterprises = enterprises;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- plans ----

    @Transactional
    public InspectionPlan createPlan(Actor actor, PlanInput input) {
        requireManage(actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            problems.add(new FieldProblem("name", "hmc.validation.required"));
        }
        if (input.type() == null) {
            problems.add(new FieldProblem("type", "hmc.validation.required"));
        }
        if (input.scope() == null || input.scope().isBlank()) {
            problems.add(new FieldProblem("scope", "hmc.validation.required"));
        }
        String county = InspectionRegisterService.blankToNull(input.county());
        if (county == null && input.type() == PlanType.PERIODIC) {
            problems.add(new FieldProblem("county", "hmc.validation.inspection.county-required"));
        } else if (county != null && !registers.knownCounties().contains(county)) {
            problems.add(new FieldProblem("county", "hmc.validation.unknown-county", county));
        }
        List<String> pollutants = input.scopePollutants() == null ? List.of() : input.scopePollutants();
        for (int i = 0; i < pollutants.size(); i++) {
            if (!Pollutant.isKnown(pollutants.get(i))) {
                problems.add(new FieldProblem("scopePollutants[" + i + "]", "hmc.validation.unknown-pollutant",
                        pollutants.get(i)));
            }
        }
        checkPeriod(problems, input);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        InspectionPlan plan = plans.save(new InspectionPlan(input.name().strip(), input.type(), input.year(), county,
                input.scope().strip(), pollutants.stream().distinct().map(Pollutant::valueOf).toList(),
                input.periodStart(), input.periodEnd(), input.publishAfter(), actor.username(), clock.instant()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", plan.getName());
        changes.put("type", plan.getType().name());
        changes.put("year", plan.getYear());
        changes.put("county", plan.getCounty());
        changes.put("scope", plan.getScope());
        changes.put("scopePollutants", String.join(",", pollutants));
        changes.put("periodStart", plan.getPeriodStart().toString());
        changes.put("periodEnd", plan.getPeriodEnd().toString());
        changes.put("publishAfter", plan.getPublishAfter().toString());
        audit.record(CASE_PLAN, plan.getId(), "CREATED", actor, null, changes);
        return plan;
    }

    /** The period lies within the plan's year, ends after it starts, and the list is not public before it starts. */
    private static void checkPeriod(List<FieldProblem> problems, PlanInput input) {
        if (input.year() == null) {
            problems.add(new FieldProblem("year", "hmc.validation.required"));
        }
        if (input.periodStart() == null) {
            problems.add(new FieldProblem("periodStart", "hmc.validation.required"));
        } else if (input.year() != null && input.periodStart().getYear() != input.year()) {
            problems.add(new FieldProblem("periodStart", "hmc.validation.inspection.period-year", input.year()));
        }
        if (input.periodEnd() == null) {
            problems.add(new FieldProblem("periodEnd", "hmc.validation.required"));
        } else if (input.periodStart() != null && input.periodEnd().isBefore(input.periodStart())) {
            problems.add(new FieldProblem("periodEnd", "hmc.validation.inspection.period-order"));
        } else if (input.year() != null && input.periodEnd().getYear() != input.year()) {
            problems.add(new FieldProblem("periodEnd", "hmc.validation.inspection.period-year", input.year()));
        }
        if (input.publishAfter() == null) {
            problems.add(new FieldProblem("publishAfter", "hmc.validation.required"));
        } else if (input.periodStart() != null && input.publishAfter().isBefore(input.periodStart())) {
            problems.add(new FieldProblem("publishAfter", "hmc.validation.inspection.publish-before-period"));
        }
    }

    public List<InspectionPlan> plans(Actor actor, Integer year, String county) {
        requireRead(actor);
        return plans.findAll().stream()
                .filter(p -> year == null || p.getYear() == year)
                .filter(p -> county == null || county.equals(p.getCounty()))
                .sorted(Comparator.comparing(InspectionPlan::getId).reversed()).toList();
    }

    public InspectionPlan plan(Actor actor, Long id) {
        requireRead(actor);
        return plans.findById(id).orElseThrow(() -> new NotFoundException("plan " + id));
    }

    /** Whether the plan has been drawn (no permission check: callers have read the plan). */
    boolean isDrawn(Long planId) {
        return draws.findByPlanId(planId).isPresent();
    }

    public Optional<Drawn> drawOf(Actor actor, Long planId) {
        InspectionPlan plan = plan(actor, planId);
        return draws.findByPlanId(planId).map(d -> new Drawn(plan, d, drawn.findByDrawIdOrderByEnterpriseIdAsc(d.getId())));
    }

    public List<AuditEvent> trail(Actor actor, Long planId) {
        return audit.trailOf(CASE_PLAN, plan(actor, planId).getId());
    }

    // ---- the draw ----

    /**
     * Draws a plan: once, within its period. The seed is the caller's (e.g. a number drawn in public) or a fresh random
     * one below 2⁵³. The draw, its inspections and its audit row (with seed and hashes) are written together.
     *
     * @throws ConflictException when the plan has a draw, its period is over, nothing is in scope, or an enterprise
     *                           has too few eligible inspectors (all of them named; nothing is written)
     */
    @Transactional
    public Drawn draw(Actor actor, Long planId, Long requestedSeed) {
        requireManage(actor);
        if (requestedSeed != null && (requestedSeed < 0 || requestedSeed > MAX_SEED)) {
            throw InvalidInputException.of("seed", "hmc.validation.range", 0, MAX_SEED);
        }
        InspectionPlan plan = plans.lockById(planId).orElseThrow(() -> new NotFoundException("plan " + planId));
        Optional<InspectionDraw> existing = draws.findByPlanId(planId);
        if (existing.isPresent()) {
            throw new ConflictException("hmc.error.inspection.already-drawn",
                    existing.get().getDrawnAt().atZone(clock.getZone()).toLocalDate().toString());
        }
        Instant now = clock.instant();
        if (LocalDate.ofInstant(now, clock.getZone()).isAfter(plan.getPeriodEnd())) {
            throw new ConflictException("hmc.error.inspection.period-over", plan.getPeriodEnd().toString());
        }
        DrawSnapshot snapshot = snapshotOf(plan, settings.toSettings(), Long.MAX_VALUE, now);
        if (snapshot.enterprises().isEmpty()) {
            throw new ConflictException("hmc.error.inspection.empty-scope");
        }
        long seed = requestedSeed != null ? requestedSeed : seeds.nextLong() & MAX_SEED;
        List<RandomDraw.Selected> selected;
        try {
            selected = RandomDraw.draw(seed, snapshot);
        } catch (NotEnoughInspectorsException e) {
            String names = e.enterpriseIds().stream().map(id -> enterprises.find(id).map(Enterprise::getName)
                    .orElse(String.valueOf(id))).collect(Collectors.joining("、"));
            throw new ConflictException("hmc.error.inspection.not-enough-inspectors", e.required(), names);
        }
        DrawSnapshot.Encoded encoded = snapshot.encode();
        InspectionDraw draw = draws.save(new InspectionDraw(planId, seed, encoded, actor.username(), now));
        List<DrawnInspection> rows = drawn.saveAll(selected.stream().map(s -> new DrawnInspection(draw.getId(), s)).toList());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("drawId", draw.getId());
        changes.put("algorithm", draw.getAlgorithm());
        changes.put("seed", seed);
        changes.put("snapshotSha256", encoded.sha256());
        changes.put("enterpriseRegisterSha256", encoded.enterpriseRegisterSha256());
        changes.put("inspectorRegisterSha256", encoded.inspectorRegisterSha256());
        changes.put("inScope", snapshot.enterprises().size());
        changes.put("drawn", selected.stream().map(s -> String.valueOf(s.enterpriseId())).collect(Collectors.joining(",")));
        audit.record(CASE_PLAN, planId, "DRAWN", actor, null, changes);
        return new Drawn(plan, draw, rows.stream().sorted(Comparator.comparing(DrawnInspection::getEnterpriseId)).toList());
    }

    /**
     * Runs a plan's draw again from its stored seed and snapshot and compares with what was stored; also reports
     * whether today's registers, read as of the draw, still give the same snapshot. Changes nothing.
     */
    public Verification verify(Actor actor, Long planId) {
        InspectionPlan plan = plan(actor, planId);
        InspectionDraw draw = draws.findByPlanId(planId).orElseThrow(() -> new NotFoundException("draw of plan " + planId));
        List<RandomDraw.Selected> stored = drawn.findByDrawIdOrderByEnterpriseIdAsc(draw.getId()).stream()
                .map(DrawnInspection::asSelected).toList();
        DrawSnapshot snapshot = null;
        boolean intact = DrawSnapshot.sha256(draw.getSnapshot()).equals(draw.getSnapshotSha256());
        try {
            snapshot = DrawSnapshot.decode(draw.getSnapshot());
            intact = intact && snapshot.encode().json().equals(draw.getSnapshot()) && snapshot.plan().id() == planId;
        } catch (IllegalArgumentException e) {
            intact = false;
        }
        List<RandomDraw.Selected> rerun = List.of();
        if (snapshot != null && RandomDraw.ALGORITHM.equals(draw.getAlgorithm())) {
            try {
                rerun = RandomDraw.draw(draw.getSeed(), snapshot);
            } catch (NotEnoughInspectorsException e) {
                rerun = List.of();
            }
        }
        boolean same = snapshot != null && rerun.equals(stored);
        boolean enterprisesUnchanged = false;
        boolean inspectorsUnchanged = false;
        if (snapshot != null) {
            DrawSnapshot.Encoded today = snapshotOf(plan, snapshot.settings(), draw.getId(), draw.getDrawnAt()).encode();
            enterprisesUnchanged = today.enterpriseRegisterSha256().equals(draw.getEnterpriseRegisterSha256());
            inspectorsUnchanged = today.inspectorRegisterSha256().equals(draw.getInspectorRegisterSha256());
        }
        return new Verification(planId, draw.getId(), draw.getAlgorithm(), draw.getSeed(), draw.getSnapshotSha256(),
                intact, same, intact && same, enterprisesUnchanged, inspectorsUnchanged, differences(stored, rerun));
    }

    private static List<Long> differences(List<RandomDraw.Selected> a, List<RandomDraw.Selected> b) {
        Map<Long, RandomDraw.Selected> left = a.stream().collect(Collectors.toMap(RandomDraw.Selected::enterpriseId, s -> s));
        Map<Long, RandomDraw.Selected> right = b.stream().collect(Collectors.toMap(RandomDraw.Selected::enterpriseId, s -> s));
        Set<Long> ids = new HashSet<>(left.keySet());
        ids.addAll(right.keySet());
        return ids.stream().filter(id -> !java.util.Objects.equals(left.get(id), right.get(id))).sorted().toList();
    }

    /**
     * The registers as a draw of {@code plan} at {@code at} reads them. Earlier draws count only when their id is below
     * {@code beforeDrawId}, so that a re-run reads the registers as the draw did, never its own or later inspections:
     * a periodic plan's enterprises already drawn by a periodic plan of the same year have met their yearly
     * obligation; an inspector sent to an enterprise by a draw within {@code recentInspectionDays} before {@code at}
     * is not sent there again.
     */
    DrawSnapshot snapshotOf(InspectionPlan plan, DrawSnapshot.Settings drawSettings, long beforeDrawId, Instant at) {
        Map<Long, SupervisionEntry> byEnterprise = entries.findAll().stream()
                .collect(Collectors.toMap(SupervisionEntry::getEnterpriseId, Function.identity()));
        List<Enterprise> inScope = enterprises.all().stream()
                .filter(e -> byEnterprise.containsKey(e.getId()) && plan.covers(e.getCounty(), e.getKeyPollutants()))
                .toList();
        Set<Long> scopeIds = inScope.stream().map(Enterprise::getId).collect(Collectors.toSet());
        Set<Long> inspectedThisYear = plan.getType() == PlanType.PERIODIC
                ? new HashSet<>(drawn.inspectedUnderPeriodicPlans(plan.getYear(), beforeDrawId)) : Set.of();
        List<EnterpriseRow> enterpriseRows = inScope.stream().map(e -> {
            SupervisionEntry entry = byEnterprise.get(e.getId());
            return new EnterpriseRow(e.getId(), e.getCounty(), entry.getPermitCategory(), entry.isKeyMonitored(),
                    entry.isKeyRiskSource(), entry.getCreditColour(), inspectedThisYear.contains(e.getId()));
        }).toList();

        Map<Long, List<Long>> recent = new HashMap<>();
        Instant since = at.minus(Duration.ofDays(drawSettings.recentInspectionDays()));
        for (DrawnInspection i : drawn.drawnBetween(since, at, beforeDrawId)) {
            for (Long inspectorId : i.getInspectorIds()) {
                recent.computeIfAbsent(inspectorId, k -> new ArrayList<>()).add(i.getEnterpriseId());
            }
        }
        Map<Long, List<Long>> declared = conflicts.findAll().stream().collect(Collectors.groupingBy(
                InspectorConflict::getInspectorId, Collectors.mapping(InspectorConflict::getEnterpriseId, Collectors.toList())));
        List<InspectorRow> inspectorRows = inspectors.findByActiveTrueOrderByIdAsc().stream()
                .filter(i -> plan.getCounty() == null || i.covers(plan.getCounty()))
                .map(i -> new InspectorRow(i.getId(), i.getCounty(),
                        declared.getOrDefault(i.getId(), List.of()).stream().filter(scopeIds::contains).toList(),
                        recent.getOrDefault(i.getId(), List.of()).stream().filter(scopeIds::contains).toList()))
                .toList();
        return new DrawSnapshot(DrawSnapshot.FORMAT, new DrawSnapshot.Plan(plan.getId(), plan.getType(), plan.getYear(),
                plan.getCounty()), drawSettings, enterpriseRows, inspectorRows);
    }

    // ---- publication (一公开) ----

    /** Drawn plans whose list is public today, newest first. Needs no login. */
    public List<Drawn> published() {
        return plans.publishedOn(LocalDate.now(clock)).stream()
                .map(p -> draws.findByPlanId(p.getId()).map(d -> new Drawn(p, d, drawn.findByDrawIdOrderByEnterpriseIdAsc(d.getId()))))
                .flatMap(Optional::stream).toList();
    }

    /** A plan's drawn list if it is public today; otherwise "not found", whether or not the plan exists. */
    public Drawn published(Long planId) {
        InspectionPlan plan = plans.findById(planId).filter(p -> p.publishedOn(LocalDate.now(clock)))
                .orElseThrow(() -> new NotFoundException("plan " + planId));
        InspectionDraw draw = draws.findByPlanId(planId).orElseThrow(() -> new NotFoundException("plan " + planId));
        return new Drawn(plan, draw, drawn.findByDrawIdOrderByEnterpriseIdAsc(draw.getId()));
    }

    /** The enterprises and inspectors a draw names, by id. */
    record Names(Map<Long, Enterprise> enterprises, Map<Long, Inspector> inspectors) {
    }

    /** Who a draw names, for showing it (no permission check: callers have checked that the draw may be seen). */
    Names namesIn(Drawn drawn) {
        Set<Long> inspectorIds = drawn.inspections().stream().flatMap(i -> i.getInspectorIds().stream())
                .collect(Collectors.toSet());
        return new Names(enterprises.all().stream().collect(Collectors.toMap(Enterprise::getId, Function.identity())),
                registers.inspectorsById(inspectorIds));
    }
}
