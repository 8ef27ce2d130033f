package org.hmcflow.enterprise;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enterprise register: the one entry other capabilities use. */
@Service
@Transactional(readOnly = true)
public class EnterpriseService {

    /** The audit trail's case type of the register's rows. */
    static final String CASE_TYPE = "ENTERPRISE";

    private final EnterpriseRepository enterprises;
    private final Clock clock;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Set<String> keyControlCounties;

    EnterpriseService(EnterpriseRepository enterprises, Clock clock, AuditTrail audit, ApplicationEventPublisher events,
                      @Value("${hmc.enterprise.key-control-counties:清城区}") Set<String> keyControlCounties) {
        this.enterprises = enterprises;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.keyControlCounties = keyControlCounties;
    }

    /** 重点防控区 — whether a county lies in the key control area (all of 清城区 in the Qingyuan plan, 二(一)1). */
    public boolean inKeyControlArea(String county) {
        return keyControlCounties.contains(county);
    }

    /**
     * Registers a new enterprise after checking its USCC, name and pollutants; a USCC already registered is refused.
     * The registration and its audit row are written together.
     */
    @Transactional
    public Enterprise registerNew(Actor actor, String uscc, String name, String county, String industry,
                                  List<String> pollutants) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!Uscc.isValid(uscc)) {
            problems.add(new FieldProblem("uscc", "hmc.validation.uscc"));
        } else if (enterprises.findByUscc(uscc).isPresent()) {
            problems.add(new FieldProblem("uscc", "hmc.validation.uscc-taken"));
        }
        if (name != null && enterprises.findByNormalizedName(EnterpriseNames.normalize(name.strip())).isPresent()) {
            problems.add(new FieldProblem("name", "hmc.validation.enterprise-name-taken"));
        }
        for (int i = 0; i < pollutants.size(); i++) {
            if (!Pollutant.isKnown(pollutants.get(i))) {
                problems.add(new FieldProblem("keyPollutants[" + i + "]", "hmc.validation.unknown-pollutant", pollutants.get(i)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Enterprise e = enterprises.save(new Enterprise(uscc, name.strip(), county.strip(), industry.strip(),
                inKeyControlArea(county.strip()), pollutants.stream().map(Pollutant::valueOf).toList(), false, clock.instant()));
        audit.record(CASE_TYPE, e.getId(), "REGISTERED", actor, null, Map.of("uscc", uscc, "name", e.getName(),
                "county", e.getCounty(), "keyControlArea", e.isKeyControlArea()));
        events.publishEvent(new EnterpriseRegistered(e.getId(), e.getName()));
        return e;
    }

    public Optional<Enterprise> find(Long id) {
        return id == null ? Optional.empty() : enterprises.findById(id);
    }

    public Optional<Enterprise> findByUscc(String uscc) {
        return enterprises.findByUscc(uscc);
    }

    /**
     * The enterprise a plan's list names: equal once brackets and spaces are normalized ({@link EnterpriseNames}),
     * nothing fuzzier. Empty when no entry matches; the caller reports it and never guesses.
     */
    public Optional<Enterprise> findByName(String written) {
        return written == null || written.isBlank() ? Optional.empty()
                : enterprises.findByNormalizedName(EnterpriseNames.normalize(written.strip()));
    }

    /**
     * The enterprise, if it may act: it exists, has a USCC and nothing left to complete. Filing a permit application
     * calls this first.
     *
     * @throws NotFoundException no such enterprise
     * @throws ConflictException (409, field {@code uscc}) the entry still waits for an administrator to enter its USCC
     */
    public Enterprise requireRegistered(Long enterpriseId) {
        Enterprise e = find(enterpriseId).orElseThrow(() -> new NotFoundException("enterprise " + enterpriseId));
        if (!e.isRegistered()) {
            throw ConflictException.onField("uscc", "hmc.error.enterprise-uscc-missing", e.getName());
        }
        return e;
    }

    /**
     * Adds an enterprise a plan's list names without a USCC, or returns the entry whose name matches
     * ({@link #findByName}). A new entry is "completion required" until {@link #completeUscc}; its group is set up
     * at once, so the plans' tasks can name it.
     */
    @Transactional
    public Enterprise addNamedWithoutUscc(Actor actor, String name, String county, String industry,
                                          List<Pollutant> keyPollutants, String source) {
        Optional<Enterprise> known = findByName(name);
        if (known.isPresent()) {
            return known.get();
        }
        Enterprise e = enterprises.save(new Enterprise(null, name.strip(), county.strip(), industry.strip(),
                inKeyControlArea(county.strip()), keyPollutants, false, clock.instant()));
        Map<String, Object> changes = new java.util.LinkedHashMap<>();
        changes.put("name", e.getName());
        changes.put("county", e.getCounty());
        changes.put("completionRequired", true);
        changes.put("source", source);
        audit.record(CASE_TYPE, e.getId(), "IMPORTED_WITHOUT_USCC", actor, null, changes);
        events.publishEvent(new EnterpriseRegistered(e.getId(), e.getName()));
        return e;
    }

    /**
     * 补全统一社会信用代码 — an administrator enters the USCC of an entry that lacks it; from then on the enterprise
     * may file and its users may sign in. The change and its audit row are written together.
     *
     * @throws ForbiddenException    the actor is not an administrator
     * @throws InvalidInputException (400, field {@code uscc}) not a USCC with a valid check character
     * @throws ConflictException     (409, field {@code uscc}) another enterprise has this USCC, or the entry is complete
     */
    @Transactional
    public Enterprise completeUscc(Actor actor, Long enterpriseId, String uscc) {
        if (actor == null || !actor.is(Role.ADMIN)) {
            throw new ForbiddenException("hmc.error.admin-only");
        }
        String code = uscc == null ? null : uscc.strip().toUpperCase(java.util.Locale.ROOT);
        if (!Uscc.isValid(code)) {
            throw InvalidInputException.of("uscc", "hmc.validation.uscc");
        }
        Enterprise e = enterprises.findById(enterpriseId)
                .orElseThrow(() -> new NotFoundException("enterprise " + enterpriseId));
        if (e.isRegistered()) {
            throw ConflictException.onField("uscc", "hmc.error.enterprise-complete", e.getName());
        }
        if (enterprises.findByUscc(code).filter(other -> !other.getId().equals(e.getId())).isPresent()) {
            throw ConflictException.onField("uscc", "hmc.validation.uscc-taken");
        }
        e.completeWith(code);
        try {
            enterprises.saveAndFlush(e);
        } catch (DataIntegrityViolationException raced) { // another admin took the same USCC a moment ago
            throw ConflictException.onField("uscc", "hmc.validation.uscc-taken");
        }
        audit.record(CASE_TYPE, e.getId(), "USCC_COMPLETED", actor, null,
                Map.of("uscc", code, "completionRequired", false));
        return e;
    }

    public List<Enterprise> all() {
        return enterprises.findAll(org.springframework.data.domain.Sort.by("id"));
    }

    /** Registers an enterprise, or returns the one already registered under the same USCC. */
    @Transactional
    public Enterprise register(String uscc, String name, String county, String industry, boolean keyControlArea,
                               List<Pollutant> keyPollutants, boolean demo) {
        if (!Uscc.isValid(uscc)) {
            throw new IllegalArgumentException("invalid USCC " + uscc);
        }
        return enterprises.findByUscc(uscc).orElseGet(() -> enterprises.save(
                new Enterprise(uscc, name, county, industry, keyControlArea, keyPollutants, demo, clock.instant())));
    }
}
