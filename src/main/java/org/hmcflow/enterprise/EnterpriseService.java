package org.hmcflow.enterprise;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.user.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enterprise register: the one entry other capabilities use. */
@Service
@Transactional(readOnly = true)
public class EnterpriseService {

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
        audit.record("ENTERPRISE", e.getId(), "REGISTERED", actor, null, Map.of("uscc", uscc, "name", e.getName(),
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
