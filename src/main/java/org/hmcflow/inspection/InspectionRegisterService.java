package org.hmcflow.inspection;

import static org.hmcflow.inspection.InspectionAccess.requireManage;
import static org.hmcflow.inspection.InspectionAccess.requireRead;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.department.Department;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.permit.application.ManagementCategory;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Actor;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registers a draw uses: the 监管名录 (supervision register), the 执法人员名录 (inspector register) and declared
 * conflicts of interest. Every change is audited; bad input is refused with every bad field named, nothing written.
 */
@Service
@Transactional(readOnly = true)
public class InspectionRegisterService {

    static final String CASE_ENTRY = "SUPERVISION_ENTRY";
    static final String CASE_INSPECTOR = "INSPECTOR";

    /** How an enterprise is classified for supervision; a null credit colour means "not yet rated". */
    public record Classification(ManagementCategory permitCategory, Boolean keyMonitored, Boolean keyRiskSource,
                                 CreditColour creditColour) {
    }

    /** An inspector as entered; a blank county means the department's county, or city level. */
    public record InspectorInput(String name, String departmentCode, String county, String certificateNo,
                                 Boolean active) {
    }

    /** An enterprise of the enterprise register with its supervision entry, if it has one yet. */
    public record RegisterRow(Enterprise enterprise, Optional<SupervisionEntry> entry) {
    }

    private final SupervisionEntryRepository entries;
    private final InspectorRepository inspectors;
    private final InspectorConflictRepository conflicts;
    private final EnterpriseService enterprises;
    private final DepartmentService departments;
    private final AuditTrail audit;
    private final Clock clock;

    InspectionRegisterService(SupervisionEntryRepository entries, InspectorRepository inspectors,
                              InspectorConflictRepository conflicts, EnterpriseService enterprises,
                              DepartmentService departments, AuditTrail audit, Clock clock) {
        this.entries = entries;
        this.inspectors = inspectors;
        this.conflicts = conflicts;
        this.enterprises = enterprises;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- supervision register ----

    public List<RegisterRow> enterprises(Actor actor) {
        requireRead(actor);
        Map<Long, SupervisionEntry> byEnterprise = entries.findAll().stream()
                .collect(Collectors.toMap(SupervisionEntry::getEnterpriseId, e -> e));
        return enterprises.all().stream()
                .map(e -> new RegisterRow(e, Optional.ofNullable(byEnterprise.get(e.getId())))).toList();
    }

    /** Enters an enterprise into the supervision register, or changes its entry. */
    @Transactional
    public RegisterRow classify(Actor actor, Long enterpriseId, Classification c) {
        requireManage(actor);
        Enterprise enterprise = enterprises.find(enterpriseId)
                .orElseThrow(() -> new NotFoundException("enterprise " + enterpriseId));
        List<FieldProblem> problems = new ArrayList<>();
        required(problems, "permitCategory", c.permitCategory());
        required(problems, "keyMonitored", c.keyMonitored());
        required(problems, "keyRiskSource", c.keyRiskSource());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new RegisterRow(enterprise, Optional.of(save(actor, enterpriseId, c)));
    }

    private SupervisionEntry save(Actor actor, Long enterpriseId, Classification c) {
        SupervisionEntry entry = entries.findById(enterpriseId).orElseGet(() -> new SupervisionEntry(enterpriseId));
        boolean created = entry.isNew();
        entry.classify(c.permitCategory(), c.keyMonitored(), c.keyRiskSource(), c.creditColour(), actor.username(),
                clock.instant());
        entry = entries.save(entry);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("permitCategory", c.permitCategory().name());
        changes.put("keyMonitored", c.keyMonitored());
        changes.put("keyRiskSource", c.keyRiskSource());
        changes.put("creditColour", c.creditColour() == null ? null : c.creditColour().name());
        audit.record(CASE_ENTRY, enterpriseId, created ? "ENTERED" : "RECLASSIFIED", actor, null, changes);
        return entry;
    }

    // ---- inspector register ----

    public List<Inspector> inspectors(Actor actor) {
        requireRead(actor);
        return inspectors.findAll(Sort.by("id"));
    }

    public Inspector inspector(Actor actor, Long id) {
        requireRead(actor);
        return inspectors.findById(id).orElseThrow(() -> new NotFoundException("inspector " + id));
    }

    /** Inspectors by id, for showing names next to a draw (no permission check: callers have checked). */
    Map<Long, Inspector> inspectorsById(Set<Long> ids) {
        return inspectors.findAllById(ids).stream().collect(Collectors.toMap(Inspector::getId, i -> i));
    }

    @Transactional
    public Inspector registerInspector(Actor actor, InspectorInput input) {
        requireManage(actor);
        String county = checkInspector(input, null);
        Inspector inspector = inspectors.save(new Inspector(input.name().strip(), input.departmentCode(), county,
                input.certificateNo().strip(), input.active() == null || input.active(), clock.instant()));
        audit.record(CASE_INSPECTOR, inspector.getId(), "REGISTERED", actor, null, inspectorChanges(inspector));
        return inspector;
    }

    @Transactional
    public Inspector updateInspector(Actor actor, Long id, InspectorInput input) {
        requireManage(actor);
        Inspector inspector = inspectors.findById(id).orElseThrow(() -> new NotFoundException("inspector " + id));
        String county = checkInspector(input, id);
        inspector.update(input.name().strip(), input.departmentCode(), county, input.certificateNo().strip(),
                input.active() == null || input.active());
        audit.record(CASE_INSPECTOR, inspector.getId(), "UPDATED", actor, null, inspectorChanges(inspector));
        return inspector;
    }

    /** Checks an inspector's fields; returns the county to store. */
    private String checkInspector(InspectorInput input, Long self) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.name() == null || input.name().isBlank()) {
            problems.add(new FieldProblem("name", "hmc.validation.required"));
        }
        String county = blankToNull(input.county());
        Optional<Department> department = departments.find(input.departmentCode());
        if (input.departmentCode() == null || input.departmentCode().isBlank()) {
            problems.add(new FieldProblem("departmentCode", "hmc.validation.required"));
        } else if (department.isEmpty()) {
            problems.add(new FieldProblem("departmentCode", "hmc.validation.unknown-department"));
        }
        if (county != null && !knownCounties().contains(county)) {
            problems.add(new FieldProblem("county", "hmc.validation.unknown-county", county));
        } else if (department.isPresent() && department.get().getCounty() != null) {
            if (county == null) {
                county = department.get().getCounty();
            } else if (!county.equals(department.get().getCounty())) {
                problems.add(new FieldProblem("county", "hmc.validation.inspection.county-department",
                        department.get().getCounty()));
            }
        }
        String certificate = input.certificateNo() == null ? "" : input.certificateNo().strip();
        if (certificate.isEmpty()) {
            problems.add(new FieldProblem("certificateNo", "hmc.validation.required"));
        } else if (inspectors.findByCertificateNo(certificate).filter(other -> !other.getId().equals(self)).isPresent()) {
            problems.add(new FieldProblem("certificateNo", "hmc.validation.inspection.certificate-taken"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return county;
    }

    private static Map<String, Object> inspectorChanges(Inspector i) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", i.getName());
        changes.put("departmentCode", i.getDepartmentCode());
        changes.put("county", i.getCounty());
        changes.put("certificateNo", i.getCertificateNo());
        changes.put("active", i.isActive());
        return changes;
    }

    // ---- conflicts of interest ----

    public List<InspectorConflict> conflicts(Actor actor, Long inspectorId) {
        requireRead(actor);
        return inspectorId == null ? conflicts.findAllByOrderByIdAsc() : conflicts.findByInspectorIdOrderByIdAsc(inspectorId);
    }

    /** Declares that an inspector must never be sent to an enterprise (回避), with the reason. */
    @Transactional
    public InspectorConflict declareConflict(Actor actor, Long inspectorId, Long enterpriseId, String reason) {
        requireManage(actor);
        List<FieldProblem> problems = new ArrayList<>();
        if (inspectorId == null) {
            problems.add(new FieldProblem("inspectorId", "hmc.validation.required"));
        } else if (!inspectors.existsById(inspectorId)) {
            problems.add(new FieldProblem("inspectorId", "hmc.validation.unknown-inspector"));
        }
        if (enterpriseId == null) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.required"));
        } else if (enterprises.find(enterpriseId).isEmpty()) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.unknown-enterprise"));
        } else if (inspectorId != null && conflicts.existsByInspectorIdAndEnterpriseId(inspectorId, enterpriseId)) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.inspection.conflict-exists"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "hmc.validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return saveConflict(actor, inspectorId, enterpriseId, reason.strip());
    }

    private InspectorConflict saveConflict(Actor actor, Long inspectorId, Long enterpriseId, String reason) {
        InspectorConflict conflict = conflicts.save(new InspectorConflict(inspectorId, enterpriseId, reason,
                actor.username(), clock.instant()));
        audit.record(CASE_INSPECTOR, inspectorId, "CONFLICT_DECLARED", actor, reason,
                Map.of("conflictId", conflict.getId(), "enterpriseId", enterpriseId));
        return conflict;
    }

    @Transactional
    public void withdrawConflict(Actor actor, Long conflictId) {
        requireManage(actor);
        InspectorConflict conflict = conflicts.findById(conflictId)
                .orElseThrow(() -> new NotFoundException("conflict " + conflictId));
        conflicts.delete(conflict);
        audit.record(CASE_INSPECTOR, conflict.getInspectorId(), "CONFLICT_WITHDRAWN", actor, conflict.getReason(),
                Map.of("conflictId", conflict.getId(), "enterpriseId", conflict.getEnterpriseId()));
    }

    // ---- shared ----

    /** 县（市、区） known to the department table (the county governments of the plans). */
    Set<String> knownCounties() {
        return departments.all().stream().map(Department::getCounty).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- demo data (the default profile's demo seeding; recorded as the system's changes) ----

    /** Enters a demo enterprise into the supervision register unless it has an entry. */
    @Transactional
    public void seedEntry(Long enterpriseId, Classification c) {
        if (!entries.existsById(enterpriseId)) {
            save(AuditTrail.SYSTEM, enterpriseId, c);
        }
    }

    /** Registers a demo inspector unless the certificate number is taken; returns the inspector either way. */
    @Transactional
    public Inspector seedInspector(String name, String departmentCode, String county, String certificateNo) {
        return inspectors.findByCertificateNo(certificateNo).orElseGet(() -> {
            Inspector inspector = inspectors.save(new Inspector(name, departmentCode, county, certificateNo, true,
                    clock.instant()));
            audit.record(CASE_INSPECTOR, inspector.getId(), "REGISTERED", AuditTrail.SYSTEM, null,
                    inspectorChanges(inspector));
            return inspector;
        });
    }

    /** Declares a demo conflict unless it is declared. */
    @Transactional
    public void seedConflict(Long inspectorId, Long enterpriseId, String reason) {
        if (!conflicts.existsByInspectorIdAndEnterpriseId(inspectorId, enterpriseId)) {
            saveConflict(AuditTrail.SYSTEM, inspectorId, enterpriseId, reason);
        }
    }

    private static void required(List<FieldProblem> problems, String field, Object value) {
        if (value == null) {
            problems.add(new FieldProblem(field, "hmc.validation.required"));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
