package org.hmcflow.selfinspection;

import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.hazard.HazardSource;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 隐患自查: filing an enterprise's periodic self-inspection, reading filings, and who is overdue. */
@Service
public class SelfInspectionService {

    public static final String CASE_TYPE = "SELF_INSPECTION";

    /** A filing; the enterprise is the filer's own. */
    public record Filing(SelfInspectionKind kind, String period, LocalDate inspectedOn, String inspectorName,
                         List<Answer> items) {
    }

    /**
     * One checklist item's answer. A non-compliant answer needs the finding, where it was found and the heavy metals
     * involved (element symbols); for a compliant one the finding is an optional remark.
     */
    public record Answer(String itemCode, Boolean compliant, SelfInspectionConclusion answer, String finding,
                         String location, List<String> pollutants) {

        /** The older shape: compliant true/false only. */
        public Answer(String itemCode, Boolean compliant, String finding, String location, List<String> pollutants) {
            this(itemCode, compliant, null, finding, location, pollutants);
        }

        /** The conclusion, from {@code answer} when given, else from {@code compliant}; null when neither is. */
        public SelfInspectionConclusion conclusion() {
            if (answer != null) {
                return answer;
            }
            return compliant == null ? null
                    : compliant ? SelfInspectionConclusion.COMPLIANT : SelfInspectionConclusion.NON_COMPLIANT;
        }
    }

    /** Filters of the list; null means any. An enterprise user always sees its own filings only. */
    public record Filter(Long enterpriseId, SelfInspectionKind kind, String period) {
    }

    private final SelfInspectionRepository inspections;
    private final SelfInspectionChecklist checklist;
    private final HazardService hazards;
    private final EnterpriseService enterprises;
    private final AuditTrail audit;
    private final Clock clock;
    private final int graceDays;

    SelfInspectionService(SelfInspectionRepository inspections, SelfInspectionChecklist checklist,
                          HazardService hazards, EnterpriseService enterprises, AuditTrail audit, Clock clock,
                          @Value("${hmc.self-inspection.grace-days:10}") int graceDays) {
        if (graceDays < 0) {
            throw new IllegalStateException("hmc.self-inspection.grace-days must not be negative, was " + graceDays);
        }
        this.inspections = inspections;
        this.checklist = checklist;
        this.hazards = hazards;
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
        this.graceDays = graceDays;
    }

    /**
     * Files a self-inspection for the actor's enterprise. The inspection, its items, its audit row and one hazard
     * report (with its process) per non-compliant item are written in one transaction: all of them or none.
     *
     * @throws ForbiddenException    the actor is not an enterprise user
     * @throws InvalidInputException the filing breaks a rule; every bad field is named
     */
    @Transactional
    public SelfInspection file(Actor actor, Filing filing) {
        if (!actor.is(Role.ENTERPRISE) || actor.enterpriseId() == null) {
            throw new ForbiddenException("hmc.error.enterprises-only");
        }
        LocalDate today = LocalDate.now(clock);
        List<FieldProblem> problems = new ArrayList<>(SelfInspectionRules.check(filing, checklist, today));
        boolean periodOk = problems.stream().noneMatch(p -> p.field().equals("period") || p.field().equals("kind"));
        if (periodOk && inspections.existsByEnterpriseIdAndKindAndPeriod(actor.enterpriseId(), filing.kind(), filing.period())) {
            problems.add(new FieldProblem("period", "hmc.validation.duplicate-period"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        List<SelfInspectionItem> items = filing.items().stream().map(a -> new SelfInspectionItem(a.itemCode(),
                a.conclusion(), strip(a.finding()), strip(a.location()), distinct(a.pollutants()))).toList();
        SelfInspection inspection;
        try {
            inspection = inspections.saveAndFlush(new SelfInspection(actor.enterpriseId(), filing.kind(),
                    filing.period(), filing.inspectedOn(), filing.inspectorName().strip(), actor.username(),
                    clock.instant(), items));
        } catch (DataIntegrityViolationException e) {
            // Two filings of the same period at once: the unique key lets one through; the other hears why.
            throw InvalidInputException.of("period", "hmc.validation.duplicate-period");
        }

        List<String> nonCompliant = new ArrayList<>();
        for (SelfInspectionItem item : inspection.getItems()) {
            if (item.isCompliant()) {
                continue;
            }
            ChecklistItem question = checklist.find(item.getItemCode()).orElseThrow();
            Hazard hazard = hazards.report(actor, new HazardService.Report(actor.enterpriseId(),
                    HazardSource.SELF_INSPECTION, question.zh(), item.getFinding(), item.getLocation(),
                    item.getPollutants(), inspection.getId()));
            item.reportedAs(hazard.getId());
            nonCompliant.add(item.getItemCode());
        }

        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("enterpriseId", inspection.getEnterpriseId());
        changes.put("kind", inspection.getKind().name());
        changes.put("period", inspection.getPeriod());
        changes.put("inspectedOn", inspection.getInspectedOn().toString());
        changes.put("inspectorName", inspection.getInspectorName());
        changes.put("items", inspection.getItems().size());
        changes.put("nonCompliantItems", nonCompliant);
        changes.put("hazardIds", inspection.hazardIds());
        audit.record(CASE_TYPE, inspection.getId(), "FILED", actor, null, changes);
        return inspection;
    }

    /** A filing with its items, if the actor may see it; another enterprise's filing is "not found". */
    @Transactional(readOnly = true)
    public SelfInspection visible(Actor actor, Long id) {
        SelfInspection inspection = inspections.findWithItemsById(id)
                .orElseThrow(() -> new NotFoundException("self-inspection " + id));
        if (actor.is(Role.ENTERPRISE) && !inspection.getEnterpriseId().equals(actor.enterpriseId())) {
            throw new NotFoundException("self-inspection " + id);
        }
        return inspection;
    }

    /** Filings the actor may see, newest first; items are loaded with them. */
    @Transactional(readOnly = true)
    public Page<SelfInspection> list(Actor actor, Filter filter, int page, int size) {
        Long enterpriseId = actor.is(Role.ENTERPRISE) ? actor.enterpriseId() : filter.enterpriseId();
        Specification<SelfInspection> spec = (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (enterpriseId != null) {
                p.add(cb.equal(root.get("enterpriseId"), enterpriseId));
            }
            if (filter.kind() != null) {
                p.add(cb.equal(root.get("kind"), filter.kind()));
            }
            if (filter.period() != null) {
                p.add(cb.equal(root.get("period"), filter.period()));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        Page<SelfInspection> result = inspections.findAll(spec, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "id")));
        result.forEach(s -> s.getItems().size()); // batch-loads the items while the session is open
        return result;
    }

    /**
     * 逾期未自查: for every enterprise, a row for each kind whose latest due period (see {@link OverdueRules}) it has
     * not filed. Grace days after the period's end: {@code hmc.self-inspection.grace-days}, default 10 calendar days.
     */
    @Transactional(readOnly = true)
    public List<OverdueSelfInspection> overdue() {
        LocalDate today = LocalDate.now(clock);
        List<OverdueRules.Registered> registered = enterprises.all().stream()
                .map(e -> new OverdueRules.Registered(e.getId(), e.getName(), e.getCounty(),
                        LocalDate.ofInstant(e.getCreatedAt(), clock.getZone())))
                .toList();
        return OverdueRules.overdue(registered, p -> inspections.enterpriseIdsFiled(p.kind(), p.text()), today, graceDays);
    }

    /** Where one period of an enterprise's self-inspection calendar stands. */
    public enum ScheduleStatus {
        /** 已填报 */
        FILED,
        /** 可填报 — the current period: may be filed now, due after it ends. */
        OPEN,
        /** 待填报 — ended, still inside the grace days. */
        DUE,
        /** 逾期未自查 — the grace days have passed. */
        OVERDUE,
        /** 无需填报 — it ended before the enterprise was registered. */
        NOT_OWED
    }

    /**
     * One period of the calendar (自查日历).
     *
     * @param dueBy        the last on-time day (the period's end plus the grace days)
     * @param inspectionId the filing, when filed
     */
    public record ScheduleEntry(SelfInspectionKind kind, String period, LocalDate start, LocalDate end, LocalDate dueBy,
                                ScheduleStatus status, Long inspectionId) {
    }

    /**
     * 自查日历 — for each kind, the period before the current one and the current one, with where each stands for the
     * actor's enterprise: routine first, earlier period first. Empty for users of no enterprise.
     */
    @Transactional(readOnly = true)
    public List<ScheduleEntry> schedule(Actor actor) {
        if (!actor.is(Role.ENTERPRISE) || actor.enterpriseId() == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate registeredOn = enterprises.find(actor.enterpriseId())
                .map(e -> LocalDate.ofInstant(e.getCreatedAt(), clock.getZone())).orElse(today);
        List<ScheduleEntry> entries = new ArrayList<>();
        for (SelfInspectionKind kind : SelfInspectionKind.values()) {
            InspectionPeriod current = InspectionPeriod.containing(kind, today);
            for (InspectionPeriod period : List.of(current.previous(), current)) {
                Long filed = inspections.idFiled(actor.enterpriseId(), kind, period.text()).orElse(null);
                LocalDate dueBy = period.dueBy(graceDays);
                ScheduleStatus status;
                if (filed != null) {
                    status = ScheduleStatus.FILED;
                } else if (period.contains(today)) {
                    status = ScheduleStatus.OPEN;
                } else if (registeredOn.isAfter(period.end())) {
                    status = ScheduleStatus.NOT_OWED;
                } else {
                    status = today.isAfter(dueBy) ? ScheduleStatus.OVERDUE : ScheduleStatus.DUE;
                }
                entries.add(new ScheduleEntry(kind, period.text(), period.start(), period.end(), dueBy, status, filed));
            }
        }
        return entries;
    }

    /** The bureau's calendar day, from the injected clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public SelfInspectionChecklist checklist() {
        return checklist;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }
}
