package org.hmcflow.permit.afterissue;

import static org.hmcflow.permit.afterissue.PermitLifecycleProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.permit.application.PermitApplication;
import org.hmcflow.permit.application.PermitApplicationRepository;
import org.hmcflow.permit.application.PermitItem;
import org.hmcflow.permit.application.PermitProperties;
import org.hmcflow.permit.issued.Permit;
import org.hmcflow.permit.issued.PermitEnded;
import org.hmcflow.permit.issued.PermitHolder;
import org.hmcflow.permit.issued.PermitIssued;
import org.hmcflow.permit.issued.PermitRenewed;
import org.hmcflow.permit.issued.PermitRepository;
import org.hmcflow.permit.issued.PermitStatus;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of {@code permit-renewal}, {@code permit-change} and {@code permit-cancellation} does to the permit
 * and its records: checks the submitted values, writes the change with its audit row, and hands the process the plain
 * values its gateways and timers need. Called from the completion listener and the delegates, so a step done in Camunda
 * Tasklist and one done through our API follow the same rules.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PermitLifecycleWorkflow {

    private static final Logger log = LoggerFactory.getLogger(PermitLifecycleWorkflow.class);

    /** Writes a process variable (the execution the step runs in). */
    public interface Variables extends java.util.function.BiConsumer<String, Object> {
    }

    private final PermitRepository permits;
    private final PermitApplicationRepository applications;
    private final PermitRenewalRepository renewals;
    private final PermitChangeRepository changes;
    private final PermitCancellationRepository cancellations;
    private final PermitBarRepository bars;
    private final DeadlineService deadlines;
    private final PermitProperties permitProperties;
    private final PermitLifecycleProperties properties;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PermitLifecycleWorkflow(PermitRepository permits, PermitApplicationRepository applications,
                            PermitRenewalRepository renewals, PermitChangeRepository changes,
                            PermitCancellationRepository cancellations, PermitBarRepository bars,
                            DeadlineService deadlines, PermitProperties permitProperties,
                            PermitLifecycleProperties properties, Workflow workflow, AuditTrail audit,
                            ApplicationEventPublisher events, Clock clock) {
        this.permits = permits;
        this.applications = applications;
        this.renewals = renewals;
        this.changes = changes;
        this.cancellations = cancellations;
        this.bars = bars;
        this.deadlines = deadlines;
        this.permitProperties = permitProperties;
        this.properties = properties;
        this.workflow = workflow;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // --- 延续 renewal ----------------------------------------------------------------------------------------------

    /**
     * Starts watching one validity period: when it ends (the end of the last valid day), the last day to file a renewal
     * in time (Art 14, counted back from expiry) and the first reminder. A watch started late (a permit already inside
     * a reminder window) sends the latest reminder it missed at once, then the ones still ahead.
     */
    public void schedulePeriod(Long permitId, Variables vars) {
        Permit permit = permit(permitId);
        LocalDate validUntil = permit.getValidUntil();
        LocalDate filingDue = filingDue(validUntil);
        vars.accept(VAR_VALID_UNTIL, validUntil.toString());
        vars.accept(VAR_EXPIRES_AT, Date.from(expiresAt(validUntil)));
        vars.accept(VAR_FILING_DUE, Date.from(deadlines.endOf(filingDue)));
        vars.accept(VAR_RENEWED, false);
        // a new period: the last period's filing and decisions must not stand in this one's forms or gateways
        for (String answer : List.of(F_CONTENTS_UNCHANGED, F_CHANGED_ITEMS, F_RENEWAL_STATEMENT, F_RENEWAL_ACCEPTANCE,
                F_RENEWAL_ACCEPTANCE_COMMENT, F_RENEWAL_DECISION, F_RENEWAL_DECISION_COMMENT)) {
            vars.accept(answer, null);
        }
        List<Integer> leads = properties.leadsDescending();
        int index = 0;
        while (index < leads.size() && !reminderAt(validUntil, leads.get(index)).isAfter(clock.instant())) {
            index++;
        }
        reminder(permit, Math.max(0, index - 1), vars);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("validUntil", validUntil.toString());
        changes.put("filingDue", filingDue.toString());
        changes.put("reminderDays", leads.stream().map(l -> deadlines.calendarDaysBefore(validUntil, l).toString()).toList());
        audit.record(CASE_TYPE, permitId, "RENEWAL_WATCH_STARTED", AuditTrail.SYSTEM, null, changes);
    }

    /** After a reminder went out: the next one, or none left. */
    public void nextReminder(Long permitId, int sentIndex, Variables vars) {
        reminder(permit(permitId), sentIndex + 1, vars);
    }

    private void reminder(Permit permit, int index, Variables vars) {
        List<Integer> leads = properties.leadsDescending();
        vars.accept(VAR_REMINDER_INDEX, index);
        if (index >= leads.size()) {
            vars.accept(VAR_REMINDERS_LEFT, false);
            return;
        }
        int lead = leads.get(index);
        boolean escalates = lead <= properties.escalateWithinDays();
        Set<String> recipients = new LinkedHashSet<>();
        recipients.add(Enterprise.groupOf(permit.getEnterpriseId()));
        if (escalates) {
            recipients.add(permitProperties.bureauGroup()); // the escalation adds the supervisors itself
        } else if (lead <= properties.supervisorsWithinDays()) {
            recipients.add(Role.SUPERVISOR.group());
        }
        vars.accept(VAR_REMINDERS_LEFT, true);
        vars.accept(VAR_REMINDER_LEAD_DAYS, lead);
        vars.accept(VAR_NEXT_REMINDER_AT, Date.from(reminderAt(permit.getValidUntil(), lead)));
        vars.accept(VAR_REMINDER_ESCALATES, escalates);
        vars.accept(VAR_REMINDER_RECIPIENTS, String.join(",", recipients));
    }

    /** The renewal reminder or escalation went out (the shared mechanism's event): recorded on the permit. */
    public void renewalReminded(Long permitId, boolean escalation, String reminder, Instant due, List<String> groups) {
        Permit permit = permit(permitId);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("reminder", reminder);
        changes.put("groups", groups);
        changes.put("filingDue", due == null ? null : due.toString());
        changes.put("validUntil", permit.getValidUntil().toString());
        changes.put("daysToExpiry", java.time.temporal.ChronoUnit.DAYS.between(today(), permit.getValidUntil()));
        audit.record(CASE_TYPE, permitId, escalation ? "RENEWAL_REMINDER_ESCALATED" : "RENEWAL_REMINDER_SENT",
                AuditTrail.SYSTEM, null, changes);
    }

    /**
     * 延续申请 — the enterprise files the renewal: it confirms the permitted contents are unchanged, or names what
     * changed. A change that needs a new application (Art 15) is refused with the rule; a change of name, address or
     * legal representative is recorded (and is filed as a change, Art 14). Filed later than 60 days before expiry
     * (Art 14) it is still taken, marked late: the article sets when to apply, not that a late application is void, and
     * the bureau may still decide before expiry — if it does not, the permit lapses.
     */
    public void fileRenewal(Long permitId, FormValues form, Actor actor, Variables vars) {
        boolean unchanged = form.bool(F_CONTENTS_UNCHANGED);
        List<PermitItem> items = items(form, F_CHANGED_ITEMS);
        String statement = form.text(F_RENEWAL_STATEMENT, true, 2000);
        List<String> reapply = items.stream().filter(PermitItem::needsReapplication).map(Enum::name).toList();
        if (!reapply.isEmpty()) {
            form.reject(F_CHANGED_ITEMS, "hmc.validation.reapplication-required", String.join(", ", reapply),
                    PermitItem.REAPPLICATION_BASIS);
        } else if (unchanged && !items.isEmpty()) {
            form.reject(F_CHANGED_ITEMS, "hmc.validation.renewal-unchanged-but-items");
        } else if (!unchanged && items.isEmpty()) {
            form.reject(F_CONTENTS_UNCHANGED, "hmc.validation.renewal-confirm");
        }
        Permit permit = permit(permitId);
        if (!permit.getStatus().isValid()) {
            form.reject(F_RENEWAL_STATEMENT, "hmc.validation.permit-not-valid", permit.getStatus().name());
        }
        form.check();
        LocalDate filingDue = filingDue(permit.getValidUntil());
        PermitRenewal renewal = renewals.save(new PermitRenewal(permitId, today(), actor.username(), filingDue, unchanged,
                items.isEmpty() ? null : String.join(",", items.stream().map(Enum::name).toList()), statement,
                permit.getValidUntil()));
        vars.accept(VAR_RENEWAL_ID, renewal.getId());
        vars.accept(VAR_RENEWAL_LATE, renewal.isLate());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("renewalId", renewal.getId());
        changes.put("filedOn", renewal.getFiledOn().toString());
        changes.put("filingDue", filingDue.toString());
        changes.put("late", renewal.isLate());
        changes.put("lateRule", renewal.isLate() ? deadlines.rule(SLA_RENEWAL_LEAD).source() : null);
        changes.put("contentsUnchanged", unchanged);
        changes.put("changedItems", items.stream().map(Enum::name).toList());
        audit.record(CASE_TYPE, permitId, "RENEWAL_FILED", actor, statement, changes);
    }

    /** 受理 — the bureau accepts the renewal (the decision limit starts) or does not accept it, with the reason. */
    public void acceptRenewal(Long permitId, FormValues form, Actor actor, Variables vars) {
        String decision = form.choice(F_RENEWAL_ACCEPTANCE, List.of("ACCEPT", "NOT_ACCEPT"));
        String comment = form.text(F_RENEWAL_ACCEPTANCE_COMMENT, "NOT_ACCEPT".equals(decision), 2000);
        form.check();
        PermitRenewal renewal = openRenewal(permitId);
        if ("ACCEPT".equals(decision)) {
            accepted(permitId, renewal, today(), false, deadlines.due(SLA_RENEWAL_DECISION), actor, comment, vars);
        } else {
            renewal.notAccepted(comment, actor.username(), clock.instant());
            vars.accept(VAR_RENEWED, false);
            audit.record(CASE_TYPE, permitId, "RENEWAL_NOT_ACCEPTED", actor, comment,
                    Map.of("renewalId", renewal.getId(), "state", renewal.getState().name()));
        }
    }

    /** 视为受理 — the bureau did not act within the acceptance limit: accepted on the day filed (Art 9 by analogy). */
    public void deemRenewalAccepted(Long permitId, Variables vars) {
        PermitRenewal renewal = openRenewal(permitId);
        Instant filed = renewal.getFiledOn().atStartOfDay(clock.getZone()).toInstant();
        accepted(permitId, renewal, renewal.getFiledOn(), true, deadlines.due(SLA_RENEWAL_DECISION, filed),
                AuditTrail.SYSTEM, null, vars);
    }

    private void accepted(Long permitId, PermitRenewal renewal, LocalDate on, boolean deemed, Instant due, Actor actor,
                          String comment, Variables vars) {
        renewal.accepted(on, deemed, due);
        vars.accept(VAR_RENEWAL_DECISION_DUE, Date.from(due));
        vars.accept(VAR_RENEWAL_DECISION_REMINDER, Date.from(deadlines.reminderBefore(due, SLA_RENEWAL_DECISION)));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("renewalId", renewal.getId());
        changes.put("acceptedOn", on.toString());
        changes.put("deemed", deemed);
        changes.put("decisionDue", due.toString());
        audit.record(CASE_TYPE, permitId, deemed ? "RENEWAL_DEEMED_ACCEPTED" : "RENEWAL_ACCEPTED", actor, comment, changes);
    }

    /**
     * 延续决定 — approve: the permit runs for another validity period from the day after its old expiry (Art 14: five
     * years); refuse (reasons required): the permit lapses at expiry.
     */
    public void decideRenewal(Long permitId, FormValues form, Actor actor, Variables vars) {
        String decision = form.choice(F_RENEWAL_DECISION, List.of("APPROVE", "REFUSE"));
        String comment = form.text(F_RENEWAL_DECISION_COMMENT, true, 2000);
        Permit permit = permit(permitId);
        if ("APPROVE".equals(decision) && !permit.getStatus().isValid()) {
            form.reject(F_RENEWAL_DECISION, "hmc.validation.permit-not-valid", permit.getStatus().name());
        }
        form.check();
        PermitRenewal renewal = openRenewal(permitId);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("renewalId", renewal.getId());
        changes.put("oldValidUntil", permit.getValidUntil().toString());
        if ("APPROVE".equals(decision)) {
            LocalDate oldUntil = permit.getValidUntil();
            LocalDate newUntil = oldUntil.plusDays(1).plus(permitProperties.validity()).minusDays(1);
            renewal.decided(true, comment, actor.username(), clock.instant(), newUntil);
            permit.extendUntil(newUntil);
            vars.accept(VAR_RENEWED, true);
            changes.put("newValidUntil", newUntil.toString());
            changes.put("late", renewal.isLate());
            audit.record(CASE_TYPE, permitId, "RENEWED", actor, comment, changes);
            events.publishEvent(new PermitRenewed(permitId, oldUntil)); // the new period's execution reports
        } else {
            renewal.decided(false, comment, actor.username(), clock.instant(), null);
            vars.accept(VAR_RENEWED, false);
            audit.record(CASE_TYPE, permitId, "RENEWAL_REFUSED", actor, comment, changes);
        }
    }

    /**
     * 失效 then 注销 — the last valid day ended without a renewal: the permit lapses (EXPIRED) and is cancelled on the
     * ground "expiry without renewal" (行政许可法 Art 70(一)); an open renewal lapses with it. Safe to run twice.
     */
    public void lapse(Long permitId) {
        Permit permit = permit(permitId);
        if (!permit.getStatus().isValid()) {
            return;
        }
        if (clock.instant().isBefore(expiresAt(permit.getValidUntil()))) {
            log.warn("Permit {} asked to lapse before its expiry {}", permitId, permit.getValidUntil());
            return;
        }
        LocalDate lapsedOn = permit.getValidUntil().plusDays(1);
        permit.endAs(PermitStatus.EXPIRED, CancellationGround.EXPIRY_WITHOUT_RENEWAL.name(), lapsedOn);
        audit.record(CASE_TYPE, permitId, "EXPIRED", AuditTrail.SYSTEM, null,
                Map.of("validUntil", permit.getValidUntil().toString(), "status", PermitStatus.EXPIRED.name()));
        for (PermitRenewal renewal : renewals.findByPermitIdOrderByIdAsc(permitId)) {
            if (renewal.isOpen()) {
                renewal.lapsed();
                audit.record(CASE_TYPE, permitId, "RENEWAL_LAPSED", AuditTrail.SYSTEM, null,
                        Map.of("renewalId", renewal.getId()));
            }
        }
        CancellationGround ground = CancellationGround.EXPIRY_WITHOUT_RENEWAL;
        PermitCancellation cancellation = cancellations.save(new PermitCancellation(permitId, ground, null, null,
                "有效期届满未延续 / expired without renewal", AuditTrail.SYSTEM.username(), clock.instant()));
        cancellation.approved(AuditTrail.SYSTEM.username(), clock.instant(), null, today(), null);
        permit.endAs(PermitStatus.CANCELLED, ground.name(), today());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", PermitStatus.CANCELLED.name());
        changes.put("ground", ground.name());
        changes.put("legalBasis", ground.legalBasis());
        changes.put("cancellationId", cancellation.getId());
        audit.record(CASE_TYPE, permitId, "CANCELLED", AuditTrail.SYSTEM, null, changes);
        events.publishEvent(new PermitEnded(permitId, lapsedOn));
    }

    // --- 变更 change ------------------------------------------------------------------------------------------------

    /** 变更审查 — approve (reasons optional) or refuse (reasons required) a change of name, address or representative. */
    public void reviewChange(Long changeId, FormValues form, Actor actor) {
        String decision = form.choice(F_CHANGE_DECISION, List.of("APPROVE", "REFUSE"));
        String comment = form.text(F_CHANGE_DECISION_COMMENT, "REFUSE".equals(decision), 2000);
        PermitChange change = change(changeId);
        Permit permit = permit(change.getPermitId());
        if ("APPROVE".equals(decision) && !permit.getStatus().isValid()) {
            form.reject(F_CHANGE_DECISION, "hmc.validation.permit-not-valid", permit.getStatus().name());
        }
        form.check();
        change.decided("APPROVE".equals(decision), comment, actor.username(), clock.instant());
        audit.record(CASE_TYPE, change.getPermitId(), "APPROVE".equals(decision) ? "CHANGE_APPROVED" : "CHANGE_REFUSED",
                actor, comment, Map.of("changeId", changeId));
    }

    /** 变更许可证 — the approved change is written onto the permit; the change row keeps the values before and after. */
    public void applyChange(Long changeId) {
        PermitChange change = change(changeId);
        Permit permit = permit(change.getPermitId());
        PermitHolder after = change.after();
        permit.holder(after.unitName(), after.address(), after.legalRepresentative());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("changeId", changeId);
        changes.put("before", List.of(change.getOldUnitName(), change.getOldAddress(), change.getOldLegalRepresentative()));
        changes.put("after", List.of(after.unitName(), after.address(), after.legalRepresentative()));
        changes.put("effectiveOn", change.getEffectiveOn().toString());
        changes.put("late", change.isLate());
        audit.record(CASE_TYPE, permit.getId(), "CHANGED", AuditTrail.SYSTEM, change.getDecisionComment(), changes);
    }

    // --- 注销 / 撤销 / 吊销 cancellation ----------------------------------------------------------------------------

    /** 审批 — the bureau's head or supervisor approves or rejects ending the permit; reasons are required. */
    public void approveCancellation(Long cancellationId, FormValues form, Actor actor) {
        String decision = form.choice(F_CANCELLATION_DECISION, List.of("APPROVE", "REJECT"));
        String comment = form.text(F_CANCELLATION_COMMENT, true, 2000);
        PermitCancellation cancellation = cancellation(cancellationId);
        Permit permit = permit(cancellation.getPermitId());
        if ("APPROVE".equals(decision) && !permit.getStatus().isValid()) {
            form.reject(F_CANCELLATION_DECISION, "hmc.validation.permit-not-valid", permit.getStatus().name());
        }
        form.check();
        if ("APPROVE".equals(decision)) {
            LocalDate barredUntil = cancellation.getGround().bars() ? today().plus(properties.barPeriod()) : null;
            cancellation.approved(actor.username(), clock.instant(), comment, null, barredUntil);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("cancellationId", cancellationId);
            changes.put("kind", cancellation.getKind().name());
            changes.put("ground", cancellation.getGround().name());
            changes.put("barredUntil", barredUntil == null ? null : barredUntil.toString());
            audit.record(CASE_TYPE, permit.getId(), "CANCELLATION_APPROVED", actor, comment, changes);
        } else {
            cancellation.rejected(actor.username(), clock.instant(), comment);
            audit.record(CASE_TYPE, permit.getId(), "CANCELLATION_REJECTED", actor, comment,
                    Map.of("cancellationId", cancellationId, "ground", cancellation.getGround().name()));
        }
    }

    /**
     * The approved decision takes effect and is published: the permit's status, the three-year bar for 撤销/吊销 (Arts
     * 40, 41) and the end of its renewal watch.
     */
    public void applyCancellation(Long cancellationId) {
        PermitCancellation cancellation = cancellation(cancellationId);
        Permit permit = permit(cancellation.getPermitId());
        if (!permit.getStatus().isValid()) {
            return; // ended meanwhile (e.g. lapsed): nothing left to end
        }
        CancellationGround ground = cancellation.getGround();
        permit.endAs(ground.kind().result(), ground.name(), today());
        cancellation.approved(cancellation.getDecidedBy(), cancellation.getDecidedAt(), cancellation.getDecisionComment(),
                today(), cancellation.getBarredUntil());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("cancellationId", cancellationId);
        changes.put("status", permit.getStatus().name());
        changes.put("ground", ground.name());
        changes.put("legalBasis", ground.legalBasis());
        changes.put("penaltyYuan", cancellation.getPenaltyYuan() == null ? null : cancellation.getPenaltyYuan().toPlainString());
        if (cancellation.getBarredUntil() != null) {
            bars.save(new PermitBar(permit.getEnterpriseId(), permit.getId(), cancellationId, ground.legalBasis(), today(),
                    cancellation.getBarredUntil()));
            changes.put("barredUntil", cancellation.getBarredUntil().toString());
        }
        audit.record(CASE_TYPE, permit.getId(), permit.getStatus().name(), AuditTrail.SYSTEM,
                cancellation.getDecisionComment(), changes);
        audit.record(CASE_TYPE, permit.getId(), "DECISION_PUBLISHED", AuditTrail.SYSTEM, null,
                Map.of("cancellationId", cancellationId, "publishedOn", today().toString(),
                        "permitNumber", permit.getPermitNumber()));
        events.publishEvent(new PermitEnded(permit.getId(), today()));
        int ended = workflow.tellCase(RENEWAL_KEY, permit.getId(), MESSAGE_PERMIT_ENDED);
        if (ended > 0) {
            audit.record(CASE_TYPE, permit.getId(), "RENEWAL_WATCH_ENDED", AuditTrail.SYSTEM, null,
                    Map.of("cancellationId", cancellationId));
        }
    }

    /**
     * 重新申请 — the permit issued on a re-application replaces the permit the application names: that one is cancelled
     * (注销, ground {@link CancellationGround#REPLACED_BY_NEW_PERMIT}) by the same decision, through
     * {@link #applyCancellation} like every approved ending (status, audit, publication, its renewal watch and its
     * execution reports). Runs in the transaction that issues the new permit.
     */
    @EventListener
    @Order(PermitIssued.REPLACED_PERMIT)
    void on(PermitIssued event) {
        Permit issued = permit(event.permitId());
        Long replacedId = applications.findById(issued.getApplicationId()).map(PermitApplication::getReplacesPermitId)
                .orElse(null);
        if (replacedId == null || !permit(replacedId).getStatus().isValid()) {
            return;
        }
        CancellationGround ground = CancellationGround.REPLACED_BY_NEW_PERMIT;
        String facts = "由新许可证 " + issued.getPermitNumber() + " 取代 / replaced by new permit " + issued.getPermitNumber();
        PermitCancellation cancellation = cancellations.save(new PermitCancellation(replacedId, ground, null, null, facts,
                issued.getIssuedBy(), clock.instant()));
        cancellation.approved(issued.getIssuedBy(), clock.instant(), facts, null, null);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("cancellationId", cancellation.getId());
        changes.put("kind", ground.kind().name());
        changes.put("ground", ground.name());
        changes.put("newPermitId", issued.getId());
        changes.put("newPermitNumber", issued.getPermitNumber());
        changes.put("decidedBy", issued.getIssuedBy());
        audit.record(CASE_TYPE, replacedId, "CANCELLATION_APPROVED", AuditTrail.SYSTEM, facts, changes);
        applyCancellation(cancellation.getId());
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    /** The last day to file a renewal in time: 60 days (permit.renewal.lead) before the last valid day. */
    LocalDate filingDue(LocalDate validUntil) {
        return deadlines.dayBefore(SLA_RENEWAL_LEAD, validUntil);
    }

    /** The permit lapses when its last valid day ends: midnight at the start of the next day, in the bureau's zone. */
    Instant expiresAt(LocalDate validUntil) {
        return validUntil.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    private Instant reminderAt(LocalDate validUntil, int leadDays) {
        return deadlines.atReminderTime(deadlines.calendarDaysBefore(validUntil, leadDays));
    }

    /**
     * The changed items, one row each ({@link PermitLifecycleProcess#C_CHANGED_ITEM}): the form's dynamic list, or
     * the API's list of codes turned into such rows. An unknown code is named by its row; a code given twice counts
     * once.
     */
    static List<PermitItem> items(FormValues form, String field) {
        List<PermitItem> items = new ArrayList<>();
        for (FormValues.Row row : form.rows(field, false, 2 * PermitItem.values().length)) {
            String code = row.values().choice(C_CHANGED_ITEM, PermitItem.names());
            if (code != null && !items.contains(PermitItem.valueOf(code))) {
                items.add(PermitItem.valueOf(code));
            }
        }
        return items;
    }

    private PermitRenewal openRenewal(Long permitId) {
        return renewals.findByPermitIdOrderByIdAsc(permitId).stream().filter(PermitRenewal::isOpen).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("permit " + permitId + " has no open renewal"));
    }

    private Permit permit(Long id) {
        return permits.findById(id).orElseThrow(() -> new IllegalStateException("permit " + id + " missing"));
    }

    private PermitChange change(Long id) {
        return changes.findById(id).orElseThrow(() -> new IllegalStateException("permit change " + id + " missing"));
    }

    private PermitCancellation cancellation(Long id) {
        return cancellations.findById(id)
                .orElseThrow(() -> new IllegalStateException("permit cancellation " + id + " missing"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
