package org.hmcflow.credit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The credit record's one entry: violations of closed cases, the blacklist and delisting. */
@Service
public class CreditService {

    public static final String CASE_TYPE_BLACKLIST = "BLACKLIST";

    /** One violation of a closed case, as enforcement hands it over. */
    public record ClosedViolation(String kind, String measure) {
    }

    private final CreditViolationRepository violations;
    private final BlacklistRepository blacklist;
    private final AuditTrail audit;
    private final Clock clock;

    CreditService(CreditViolationRepository violations, BlacklistRepository blacklist, AuditTrail audit, Clock clock) {
        this.violations = violations;
        this.blacklist = blacklist;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records the violations of a case closed on {@code closedOn}; joins the closing transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordClosedCase(Long enterpriseId, Long caseId, LocalDate closedOn, List<ClosedViolation> closed) {
        for (ClosedViolation v : closed) {
            violations.save(new CreditViolation(enterpriseId, caseId, v.kind(), v.measure(), closedOn));
        }
    }

    /** Lists the enterprise publicly; joins the closing transaction (the case's audit row records the decision). */
    @Transactional(propagation = Propagation.MANDATORY)
    public BlacklistEntry list(Long enterpriseId, Long caseId, String grounds, Actor actor) {
        BlacklistEntry entry = blacklist.save(new BlacklistEntry(enterpriseId, caseId, grounds, LocalDate.now(clock),
                actor.username()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("enterpriseId", enterpriseId);
        changes.put("caseId", caseId);
        changes.put("grounds", grounds);
        changes.put("listedOn", entry.getListedOn().toString());
        audit.record(CASE_TYPE_BLACKLIST, entry.getId(), "LISTED", actor, null, changes);
        return entry;
    }

    /** Delists an entry with a reason (bureau staff or supervisors). */
    @Transactional
    public BlacklistEntry delist(Actor actor, Long entryId, String reason) {
        if (!actor.isDepartmentStaff() && !actor.is(Role.SUPERVISOR)) {
            throw new ForbiddenException("hmc.error.staff-only");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "hmc.validation.required");
        }
        if (reason.length() > 2000) {
            throw InvalidInputException.of("reason", "hmc.validation.too-long", 2000);
        }
        BlacklistEntry entry = blacklist.findById(entryId).orElseThrow(() -> new NotFoundException("blacklist " + entryId));
        if (entry.getDelistedOn() != null) {
            throw new ConflictException("hmc.error.already-delisted");
        }
        entry.delist(LocalDate.now(clock), reason.strip(), actor.username());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("delistedOn", entry.getDelistedOn().toString());
        audit.record(CASE_TYPE_BLACKLIST, entry.getId(), "DELISTED", actor, reason.strip(), changes);
        return entry;
    }

    /** The credit evaluation inputs of one enterprise; staff only. */
    @Transactional(readOnly = true)
    public List<CreditViolation> violationsOf(Actor actor, Long enterpriseId) {
        if (actor.is(Role.ENTERPRISE)) {
            throw new ForbiddenException("hmc.error.staff-only");
        }
        return violations.findByEnterpriseIdOrderByIdAsc(enterpriseId);
    }

    /** The public blacklist: entries not delisted. */
    @Transactional(readOnly = true)
    public List<BlacklistEntry> publicList() {
        return blacklist.findByDelistedOnIsNullOrderByListedOnDescIdDesc();
    }

    @Transactional(readOnly = true)
    public List<BlacklistEntry> entriesOf(Long enterpriseId) {
        return blacklist.findByEnterpriseIdOrderByIdAsc(enterpriseId);
    }
}
