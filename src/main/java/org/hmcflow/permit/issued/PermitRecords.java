package org.hmcflow.permit.issued;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.inspection.ViolationKind;
import org.hmcflow.inspection.ViolationsFound;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 许可证记录 — writes the entries of a permit's timeline, each once, with its audit row; and takes the findings of an
 * inspection that concern a permit: a violation naming one of our permit numbers goes on that permit, a breach of a
 * permit condition (违反排污许可证规定) that names none goes on the enterprise's permits valid on the day it was found.
 */
@Component
public class PermitRecords {

    private final PermitRecordRepository entries;
    private final PermitRepository permits;
    private final AuditTrail audit;
    private final UserService users;
    private final Clock clock;

    PermitRecords(PermitRecordRepository entries, PermitRepository permits, AuditTrail audit, UserService users,
                  Clock clock) {
        this.entries = entries;
        this.permits = permits;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    /** Writes the entry unless one with the same key exists (a retried job, a repeated event). */
    @Transactional
    public void write(Long permitId, PermitRecordEntry.Kind kind, Instant at, String actor, String reference,
                      String violationKind, String summary, String idempotencyKey) {
        if (entries.existsByIdempotencyKey(idempotencyKey)) {
            return;
        }
        PermitRecordEntry entry = entries.save(new PermitRecordEntry(permitId, kind, at, actor, reference, violationKind,
                summary.length() > 4000 ? summary.substring(0, 4000) : summary, idempotencyKey));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("entryId", entry.getId());
        changes.put("kind", kind.name());
        changes.put("reference", reference);
        Actor who = AuditTrail.SYSTEM.username().equals(actor) ? AuditTrail.SYSTEM
                : users.actor(actor).orElse(new Actor(actor, actor, null, null, null));
        audit.record(PermitService.CASE_TYPE, permitId, "RECORD_" + kind.name(), who, null, changes);
    }

    List<PermitRecordEntry> of(Long permitId) {
        return entries.findByPermitIdOrderByOccurredAtAscIdAsc(permitId);
    }

    /** Inspection findings (published in the transaction that decides them): those against a permit go on its record. */
    @EventListener
    @Transactional
    void on(ViolationsFound event) {
        LocalDate day = LocalDate.ofInstant(event.decidedAt(), clock.getZone());
        List<ViolationsFound.Violation> violations = event.violations();
        for (int i = 0; i < violations.size(); i++) {
            ViolationsFound.Violation v = violations.get(i);
            for (Permit permit : concerned(event.enterpriseId(), v, day)) {
                write(permit.getId(), PermitRecordEntry.Kind.INSPECTION_FINDING, event.decidedAt(), event.decidedBy(),
                        "inspection:" + event.inspectionId(), v.kind().name(), summary(v),
                        "violation:" + event.inspectionId() + ":" + i + ":" + permit.getId());
            }
        }
    }

    private List<Permit> concerned(long enterpriseId, ViolationsFound.Violation v, LocalDate day) {
        if (v.permitNumber() != null && !v.permitNumber().isBlank()) {
            Optional<Permit> named = permits.findByPermitNumber(v.permitNumber().strip());
            // a permit number of another enterprise is not that enterprise's finding: leave it to the inspection
            return named.filter(p -> p.getEnterpriseId() == enterpriseId).map(List::of).orElse(List.of());
        }
        if (v.kind() != ViolationKind.PERMIT_CONDITION_BREACH) {
            return List.of();
        }
        List<Permit> valid = new ArrayList<>();
        for (Permit p : permits.findByEnterpriseIdOrderByIdDesc(enterpriseId)) {
            if (!day.isBefore(p.getValidFrom()) && !day.isAfter(p.getValidUntil())) {
                valid.add(p);
            }
        }
        return valid;
    }

    private static String summary(ViolationsFound.Violation v) {
        StringBuilder s = new StringBuilder("检查发现 / Inspection finding: ").append(v.kind().name());
        if (v.pollutant() != null) {
            s.append(" ").append(v.pollutant());
        }
        if (v.point() != null) {
            s.append(" @ ").append(v.point());
        }
        if (v.measured() != null && v.limit() != null) {
            s.append(" ").append(v.measured().toPlainString()).append(v.unit() == null ? "" : " " + v.unit())
                    .append(" / 限值 ").append(v.limit().toPlainString()).append(v.limitUnit() == null ? "" : " " + v.limitUnit());
        }
        if (v.ratioToLimit() != null) {
            s.append("（").append(v.ratioToLimit().toPlainString()).append(" 倍）");
        }
        if (v.description() != null && !v.description().isBlank()) {
            s.append("：").append(v.description().strip());
        }
        return s.toString();
    }
}
