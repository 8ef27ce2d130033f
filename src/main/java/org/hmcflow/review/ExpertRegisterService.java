package org.hmcflow.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 专家库 — the expert register and the experts' declared conflicts of interest. Admins keep it; reviewers and
 * supervisors read it (to name experts as parties). Every change is audited; bad input is refused with every bad
 * field named, nothing written.
 */
@Service
public class ExpertRegisterService {

    static final String CASE_EXPERT = "REVIEW_EXPERT";

    /** An expert's fields as entered; {@code active} null means active. */
    public record ExpertInput(String name, String organisation, String specialty, String title, String phone,
                              Boolean active) {
    }

    private final ExpertRepository experts;
    private final ExpertConflictRepository conflicts;
    private final EnterpriseService enterprises;
    private final AuditTrail audit;
    private final Clock clock;

    ExpertRegisterService(ExpertRepository experts, ExpertConflictRepository conflicts, EnterpriseService enterprises,
                          AuditTrail audit, Clock clock) {
        this.experts = experts;
        this.conflicts = conflicts;
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Expert> experts(Actor actor) {
        requireRead(actor);
        return experts.findAll(Sort.by("id"));
    }

    @Transactional(readOnly = true)
    public Expert expert(Actor actor, Long id) {
        requireRead(actor);
        return experts.findById(id).orElseThrow(() -> new NotFoundException("expert " + id));
    }

    @Transactional
    public Expert register(Actor actor, ExpertInput input) {
        requireManage(actor);
        check(input);
        Expert expert = experts.save(new Expert(input.name().strip(), input.organisation().strip(),
                input.specialty().strip(), input.title().strip(), blankToNull(input.phone()),
                input.active() == null || input.active(), clock.instant()));
        audit.record(CASE_EXPERT, expert.getId(), "REGISTERED", actor, null, changes(expert));
        return expert;
    }

    @Transactional
    public Expert update(Actor actor, Long id, ExpertInput input) {
        requireManage(actor);
        Expert expert = experts.findById(id).orElseThrow(() -> new NotFoundException("expert " + id));
        check(input);
        expert.update(input.name().strip(), input.organisation().strip(), input.specialty().strip(),
                input.title().strip(), blankToNull(input.phone()), input.active() == null || input.active());
        audit.record(CASE_EXPERT, expert.getId(), "UPDATED", actor, null, changes(expert));
        return expert;
    }

    /** Takes an expert out of new reviews; the opinions the expert gave stay. */
    @Transactional
    public Expert deactivate(Actor actor, Long id, String reason) {
        requireManage(actor);
        Expert expert = experts.findById(id).orElseThrow(() -> new NotFoundException("expert " + id));
        expert.deactivate();
        audit.record(CASE_EXPERT, expert.getId(), "DEACTIVATED", actor, reason, Map.of("active", false));
        return expert;
    }

    @Transactional(readOnly = true)
    public List<ExpertConflict> conflicts(Actor actor, Long expertId) {
        requireRead(actor);
        return expertId == null ? conflicts.findAllByOrderByIdAsc() : conflicts.findByExpertIdOrderByIdAsc(expertId);
    }

    /** Declares that an expert must never review an enterprise's cases (回避), with the reason. */
    @Transactional
    public ExpertConflict declareConflict(Actor actor, Long expertId, Long enterpriseId, String reason) {
        requireManage(actor);
        experts.findById(expertId).orElseThrow(() -> new NotFoundException("expert " + expertId));
        List<FieldProblem> problems = new ArrayList<>();
        if (enterpriseId == null) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.required"));
        } else if (enterprises.find(enterpriseId).isEmpty()) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.unknown-enterprise"));
        } else if (conflicts.existsByExpertIdAndEnterpriseId(expertId, enterpriseId)) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.review.conflict-exists"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "hmc.validation.required"));
        } else if (reason.strip().length() > 300) {
            problems.add(new FieldProblem("reason", "hmc.validation.too-long", 300));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ExpertConflict conflict = conflicts.save(new ExpertConflict(expertId, enterpriseId, reason.strip(),
                LocalDate.now(clock), actor.username(), clock.instant()));
        audit.record(CASE_EXPERT, expertId, "CONFLICT_DECLARED", actor, conflict.getReason(),
                Map.of("conflictId", conflict.getId(), "enterpriseId", enterpriseId));
        return conflict;
    }

    private static void check(ExpertInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        required(problems, "name", input.name(), 100);
        required(problems, "organisation", input.organisation(), 200);
        required(problems, "specialty", input.specialty(), 200);
        required(problems, "title", input.title(), 100);
        if (input.phone() != null && input.phone().strip().length() > 30) {
            problems.add(new FieldProblem("phone", "hmc.validation.too-long", 30));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void required(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "hmc.validation.required"));
        } else if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "hmc.validation.too-long", max));
        }
    }

    private static Map<String, Object> changes(Expert e) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", e.getName());
        changes.put("organisation", e.getOrganisation());
        changes.put("specialty", e.getSpecialty());
        changes.put("title", e.getTitle());
        changes.put("phone", e.getPhone());
        changes.put("active", e.isActive());
        return changes;
    }

    private static void requireRead(Actor actor) {
        if (!(actor.isDepartmentStaff() || actor.is(Role.SUPERVISOR) || actor.is(Role.ADMIN))) {
            throw new ForbiddenException("hmc.error.bureau-only");
        }
    }

    private static void requireManage(Actor actor) {
        if (!actor.is(Role.ADMIN)) {
            throw new ForbiddenException("hmc.error.review.admins-only");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
