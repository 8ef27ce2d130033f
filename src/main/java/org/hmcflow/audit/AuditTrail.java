package org.hmcflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hmcflow.user.Actor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit trail of every case. Appends join the caller's transaction, so a state change and its
 * audit row are written together or not at all.
 */
@Service
public class AuditTrail {

    /** The actor of changes made by the engine itself (timers, escalations). */
    public static final Actor SYSTEM = new Actor("system", "系统 System", null, null, null);

    private final AuditEventRepository events;
    private final AuditHeadRepository head;
    private final ObjectMapper json;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, AuditHeadRepository head, ObjectMapper json, Clock clock) {
        this.events = events;
        this.head = head;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records one state change.
     *
     * @param changes changed fields, name → new value (plain values; written as JSON, keys sorted)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent record(String caseType, Object caseId, String action, Actor actor, String comment,
                             Map<String, ?> changes) {
        AuditHead current = head.lockHead().orElseThrow(() -> new IllegalStateException("audit head row missing"));
        String role = actor.role() == null ? "SYSTEM" : actor.role().name();
        AuditEvent event = new AuditEvent(caseType, String.valueOf(caseId), action, actor.username(), role,
                actor.departmentCode(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), comment,
                toJson(changes), current.lastHash());
        events.save(event);
        current.advance(event.getHash());
        return event;
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> trailOf(String caseType, Object caseId) {
        return events.findByCaseTypeAndCaseIdOrderByIdAsc(caseType, String.valueOf(caseId));
    }

    /** Walks the whole chain from its first row and names the first row whose hash or link does not hold. */
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        String expectedPrev = AuditHashes.GENESIS;
        long checked = 0;
        long lastId = 0;
        Slice<AuditEvent> slice;
        do {
            slice = events.findByIdGreaterThanOrderByIdAsc(lastId, PageRequest.of(0, 500));
            for (AuditEvent e : slice) {
                checked++;
                if (!e.getPrevHash().equals(expectedPrev)) {
                    return ChainVerification.broken(checked, e.getId(), "previous-hash link broken");
                }
                if (!e.computeHash().equals(e.getHash())) {
                    return ChainVerification.broken(checked, e.getId(), "content does not match its hash");
                }
                expectedPrev = e.getHash();
                lastId = e.getId();
            }
        } while (slice.hasNext());
        String headHash = head.findById(1).map(AuditHead::lastHash).orElse(null);
        if (!expectedPrev.equals(headHash)) {
            return ChainVerification.broken(checked, null, "rows missing at the end of the chain");
        }
        return new ChainVerification(true, checked, null, null);
    }

    /** Result of {@link #verify()}. */
    public record ChainVerification(boolean valid, long checkedRows, Long firstBrokenId, String reason) {
        static ChainVerification broken(long checked, Long id, String reason) {
            return new ChainVerification(false, checked, id, reason);
        }
    }

    private String toJson(Map<String, ?> changes) {
        if (changes == null || changes.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(new TreeMap<>(changes));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("changes must be plain values", e);
        }
    }
}
