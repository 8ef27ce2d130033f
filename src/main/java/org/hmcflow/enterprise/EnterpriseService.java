package org.hmcflow.enterprise;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enterprise register: the one entry other capabilities use. */
@Service
@Transactional(readOnly = true)
public class EnterpriseService {

    private final EnterpriseRepository enterprises;
    private final Clock clock;

    EnterpriseService(EnterpriseRepository enterprises, Clock clock) {
        this.enterprises = enterprises;
        this.clock = clock;
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
