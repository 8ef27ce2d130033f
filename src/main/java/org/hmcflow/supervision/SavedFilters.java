package org.hmcflow.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 我的筛选 — supervisors' saved filters: a unique name per owner, at most {@link #MAX_PER_OWNER} each, visible to their
 * owner only (another's is not found), listed with the live count of open items each matches in one statement.
 */
@Service
@Transactional(readOnly = true)
class SavedFilters {

    static final int MAX_PER_OWNER = 50;
    static final String CASE_TYPE = "supervision-filter";

    /** A saved filter and how many open items it matches now. */
    record Counted(SavedFilter filter, long openItems) {
    }

    private final SavedFilterRepository filters;
    private final DeadlineItemQueries queries;
    private final AuditTrail audit;
    private final Clock clock;

    SavedFilters(SavedFilterRepository filters, DeadlineItemQueries queries, AuditTrail audit, Clock clock) {
        this.filters = filters;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    SavedFilter save(Actor owner, String name, DeadlineItemQueries.Filter filter) {
        if (filters.countByOwner(owner.username()) >= MAX_PER_OWNER) {
            throw new ConflictException("hmc.error.supervision.filters-limit", MAX_PER_OWNER);
        }
        if (filters.existsByOwnerAndName(owner.username(), name.strip())) {
            throw ConflictException.onField("name", "hmc.error.supervision.filter-name-taken");
        }
        SavedFilter saved = filters.saveAndFlush(new SavedFilter(owner.username(), name, filter, clock.instant()));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", saved.getName());
        fields.put("filter", filter.toString());
        audit.record(CASE_TYPE, saved.getId(), "FILTER_SAVED", owner, null, fields);
        return saved;
    }

    List<Counted> ofOwner(Actor owner) {
        List<SavedFilter> mine = filters.findByOwnerOrderByName(owner.username());
        Map<Long, DeadlineItemQueries.Filter> byId = new LinkedHashMap<>();
        mine.forEach(f -> byId.put(f.getId(), f.filter()));
        Map<Long, Long> counts = queries.countEach(byId, clock.instant(), LocalDate.now(clock));
        return mine.stream().map(f -> new Counted(f, counts.getOrDefault(f.getId(), 0L))).toList();
    }

    Counted one(Actor owner, Long id) {
        SavedFilter f = mine(owner, id);
        return new Counted(f, queries.countEach(Map.of(id, f.filter()), clock.instant(), LocalDate.now(clock))
                .getOrDefault(id, 0L));
    }

    @Transactional
    void delete(Actor owner, Long id) {
        SavedFilter f = mine(owner, id);
        filters.delete(f);
        audit.record(CASE_TYPE, id, "FILTER_DELETED", owner, null, Map.of("name", f.getName()));
    }

    private SavedFilter mine(Actor owner, Long id) {
        return filters.findByIdAndOwner(id, owner.username()).orElseThrow(() -> new NotFoundException("filter " + id));
    }
}
