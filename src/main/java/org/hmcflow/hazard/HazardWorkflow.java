package org.hmcflow.hazard;

import static org.hmcflow.hazard.HazardProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of {@code hazard-lifecycle} does to the case: checks the submitted values, records the change
 * with its audit row, and hands the process the plain values its gateways and timers need. Called from the
 * completion listener and the service-task delegates, so a step done in Camunda Tasklist and one done through
 * our API follow the same rules.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class HazardWorkflow {

    /** At most this many experts sign an opinion; their names and organisations fit the round's column. */
    static final int MAX_EXPERTS = 10;
    static final int EXPERT_NAMES_LENGTH = 300;

    /** Writes a process variable (the execution the step runs in). */
    public interface Variables extends BiConsumer<String, Object> {
    }

    private final HazardRepository hazards;
    private final RectificationRoundRepository rounds;
    private final EvidenceFileRepository evidence;
    private final DepartmentService departments;
    private final DeadlineService deadlines;
    private final AuditTrail audit;
    private final Clock clock;

    HazardWorkflow(HazardRepository hazards, RectificationRoundRepository rounds, EvidenceFileRepository evidence,
                   DepartmentService departments, DeadlineService deadlines, AuditTrail audit, Clock clock) {
        this.hazards = hazards;
        this.rounds = rounds;
        this.evidence = evidence;
        this.departments = departments;
        this.deadlines = deadlines;
        this.audit = audit;
        this.clock = clock;
    }

    /** 研判定级 — triage: dismiss, fixed on the spot, or a general / major hazard with its department and deadline. */
    public void triage(Long hazardId, FormValues form, Actor actor, Variables vars) {
        String decision = form.choice(F_TRIAGE_DECISION, List.of("DISMISS", "FIXED_ON_SPOT", "GENERAL", "MAJOR"));
        String comment = form.text(F_TRIAGE_COMMENT, true, 2000);
        boolean dismiss = "DISMISS".equals(decision);
        String group = form.text(F_RESPONSIBLE_GROUP_FIELD, !dismiss, 40);
        if (group != null && !departments.exists(group)) {
            form.reject(F_RESPONSIBLE_GROUP_FIELD, "hmc.validation.unknown-department");
        }
        boolean needsDeadline = "GENERAL".equals(decision) || "MAJOR".equals(decision);
        Integer days = form.integer(F_RECTIFICATION_DAYS, false, 1, 365);
        form.check();

        Hazard hazard = hazard(hazardId);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("decision", decision);
        if (dismiss) {
            hazard.dismiss();
            changes.put("state", hazard.getState().name());
            audit.record(CASE_TYPE, hazardId, "TRIAGE_DISMISSED", actor, comment, changes);
            return;
        }
        HazardGrade grade = "MAJOR".equals(decision) ? HazardGrade.MAJOR : HazardGrade.GENERAL;
        hazard.grade(grade, group);
        LocalDate due;
        HazardState next;
        if (needsDeadline) {
            due = dueDate(days == null ? deadlines.due(SLA_RECTIFY) : deadlines.dueAfterWorkingDays(days));
            next = grade == HazardGrade.MAJOR ? HazardState.PLAN_REQUIRED : HazardState.RECTIFYING;
            vars.accept(F_RECTIFICATION_DAYS, days == null ? (int) deadlines.rule(SLA_RECTIFY).amount() : days);
        } else {
            due = LocalDate.now(clock);
            next = HazardState.VERIFYING;
        }
        hazard.beginRound(due, next);
        rounds.save(new RectificationRound(hazardId, hazard.getRoundNo(), due));
        vars.accept(VAR_GRADE, grade.name());
        vars.accept(VAR_RESPONSIBLE_GROUP, group);
        vars.accept(VAR_ROUND, hazard.getRoundNo());
        vars.accept(VAR_RECTIFICATION_DUE, endOfDay(due));
        changes.put("grade", grade.name());
        changes.put("responsibleDepartment", group);
        changes.put("rectificationDue", due.toString());
        changes.put("state", next.name());
        audit.record(CASE_TYPE, hazardId, "TRIAGED", actor, comment, changes);
    }

    /** 提交整改方案 — a major hazard's written plan. */
    public void submitPlan(Long hazardId, FormValues form, Actor actor) {
        String targets = form.text(F_PLAN_TARGETS, true, 2000);
        String measures = form.text(F_PLAN_MEASURES, true, 4000);
        BigDecimal funds = form.decimal(F_PLAN_FUNDS, true, BigDecimal.ZERO);
        String person = form.text(F_PLAN_RESPONSIBLE, true, 100);
        String interim = form.text(F_PLAN_INTERIM, true, 2000);
        form.check();
        Hazard hazard = hazard(hazardId);
        currentRound(hazard).plan(targets, measures, funds, person, interim);
        hazard.moveTo(HazardState.PLAN_SUBMITTED);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("planTargets", targets);
        changes.put("planMeasures", measures);
        changes.put("planFunds", funds.toPlainString());
        changes.put("planResponsiblePerson", person);
        changes.put("planInterimMeasures", interim);
        changes.put("state", hazard.getState().name());
        audit.record(CASE_TYPE, hazardId, "PLAN_SUBMITTED", actor, null, changes);
    }

    /** 审批整改方案 — approve (the rectification clock starts now) or return the plan. */
    public void reviewPlan(Long hazardId, FormValues form, Actor actor, Integer rectificationDays, Variables vars) {
        String decision = form.choice(F_PLAN_DECISION, List.of("APPROVE", "RETURN"));
        String comment = form.text(F_REVIEW_COMMENT, true, 2000);
        form.check();
        Hazard hazard = hazard(hazardId);
        RectificationRound round = currentRound(hazard);
        boolean approved = "APPROVE".equals(decision);
        round.planReviewed(approved);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("decision", decision);
        if (approved) {
            LocalDate due = dueDate(rectificationDays == null ? deadlines.due(SLA_RECTIFY)
                    : deadlines.dueAfterWorkingDays(rectificationDays));
            round.reschedule(due);
            hazard.reschedule(due);
            hazard.moveTo(HazardState.RECTIFYING);
            vars.accept(VAR_RECTIFICATION_DUE, endOfDay(due));
            changes.put("rectificationDue", due.toString());
        } else {
            hazard.moveTo(HazardState.PLAN_REQUIRED);
        }
        changes.put("state", hazard.getState().name());
        audit.record(CASE_TYPE, hazardId, approved ? "PLAN_APPROVED" : "PLAN_RETURNED", actor, comment, changes);
    }

    /** 挂牌督办 — a major hazard goes on the supervisors' list. */
    public void listForSupervision(Long hazardId) {
        Hazard hazard = hazard(hazardId);
        hazard.supervise();
        audit.record(CASE_TYPE, hazardId, "SUPERVISION_LISTED", AuditTrail.SYSTEM, null, Map.of("supervised", true));
    }

    /**
     * 整改完成 — the enterprise reports the round done. Each rectification point needs a photo before and after;
     * at least one point.
     */
    public void reportRectified(Long hazardId, FormValues form, Actor actor) {
        String summary = form.text(F_RECTIFICATION_SUMMARY, true, 4000);
        Hazard hazard = hazard(hazardId);
        Set<String> before = new TreeSet<>();
        Set<String> after = new TreeSet<>();
        for (EvidenceSummary e : evidence.summariesOf(hazardId)) {
            if (Objects.equals(e.roundNo(), hazard.getRoundNo())) {
                if (e.kind() == EvidenceFile.Kind.BEFORE) {
                    before.add(e.pointLabel());
                } else if (e.kind() == EvidenceFile.Kind.AFTER) {
                    after.add(e.pointLabel());
                }
            }
        }
        if (before.isEmpty() && after.isEmpty()) {
            form.reject("evidence", "hmc.validation.photos-required");
        } else if (!before.equals(after)) {
            Set<String> unmatched = new TreeSet<>(before);
            unmatched.addAll(after);
            Set<String> both = new TreeSet<>(before);
            both.retainAll(after);
            unmatched.removeAll(both);
            form.reject("evidence", "hmc.validation.photos-unpaired", String.join("、", unmatched));
        }
        form.check();
        currentRound(hazard).reported(summary, clock.instant());
        hazard.moveTo(HazardState.VERIFYING);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("roundNo", hazard.getRoundNo());
        changes.put("points", String.join("、", before));
        changes.put("state", hazard.getState().name());
        audit.record(CASE_TYPE, hazardId, "RECTIFICATION_REPORTED", actor, summary, changes);
    }

    /**
     * 专家评估 — the experts' opinion on a major hazard's rectification. The experts come as rows (name, organisation);
     * the round keeps them as one line, {@code 李工（省环科院）、王工}, as it always has.
     */
    public void recordExpertOpinion(Long hazardId, FormValues form, Actor actor) {
        List<String> experts = new ArrayList<>();
        for (FormValues.Row row : form.rows(F_EXPERTS, true, MAX_EXPERTS)) {
            String name = row.values().text(C_EXPERT_NAME, true, 40);
            String organisation = row.values().text(C_EXPERT_ORGANISATION, false, 100);
            if (name != null) {
                experts.add(organisation == null ? name : name + "（" + organisation + "）");
            }
        }
        String names = String.join("、", experts);
        if (names.length() > EXPERT_NAMES_LENGTH) {
            form.reject(F_EXPERTS, "hmc.validation.too-long", EXPERT_NAMES_LENGTH);
        }
        String opinion = form.text(F_EXPERT_OPINION, true, 4000);
        form.check();
        Hazard hazard = hazard(hazardId);
        currentRound(hazard).expertOpinion(names, opinion);
        audit.record(CASE_TYPE, hazardId, "EXPERT_OPINION_RECORDED", actor, opinion, Map.of("expertNames", names));
    }

    /** 核查整改 — pass, or fail with the next round's period in working days. */
    public void verify(Long hazardId, FormValues form, Actor actor) {
        String result = form.choice(F_VERIFICATION_RESULT, List.of("PASS", "FAIL"));
        String comment = form.text(F_VERIFICATION_COMMENT, true, 2000);
        boolean fail = "FAIL".equals(result);
        Integer next = form.integer(F_NEXT_DAYS, fail, 1, 365);
        form.check();
        Hazard hazard = hazard(hazardId);
        currentRound(hazard).verified(!fail, comment, actor.username(), clock.instant());
        if (!fail && hazard.getGrade() == HazardGrade.MAJOR) {
            hazard.moveTo(HazardState.AWAITING_SUPERVISION_LIFT);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("result", result);
        changes.put("roundNo", hazard.getRoundNo());
        if (fail) {
            changes.put("nextRectificationWorkingDays", next);
        }
        changes.put("state", hazard.getState().name());
        audit.record(CASE_TYPE, hazardId, fail ? "VERIFICATION_FAILED" : "VERIFICATION_PASSED", actor, comment, changes);
    }

    /** 督办销号 — the supervisors lift the supervision, or keep it and send the case back to rectification. */
    public void decideSupervision(Long hazardId, FormValues form, Actor actor) {
        String decision = form.choice(F_SUPERVISION_DECISION, List.of("LIFT", "CONTINUE"));
        String comment = form.text(F_SUPERVISION_COMMENT, true, 2000);
        boolean keep = "CONTINUE".equals(decision);
        Integer next = form.integer(F_NEXT_DAYS, keep, 1, 365);
        form.check();
        Hazard hazard = hazard(hazardId);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("decision", decision);
        if (keep) {
            changes.put("nextRectificationWorkingDays", next);
        } else {
            hazard.liftSupervision();
            changes.put("supervised", false);
        }
        audit.record(CASE_TYPE, hazardId, keep ? "SUPERVISION_CONTINUED" : "SUPERVISION_LIFTED", actor, comment, changes);
    }

    /** 新一轮整改 — the next round with its own deadline; the round count goes up. */
    public void startNextRound(Long hazardId, Integer workingDays, Variables vars) {
        Hazard hazard = hazard(hazardId);
        LocalDate due = dueDate(deadlines.dueAfterWorkingDays(workingDays));
        hazard.beginRound(due, HazardState.RECTIFYING);
        rounds.save(new RectificationRound(hazardId, hazard.getRoundNo(), due));
        vars.accept(VAR_ROUND, hazard.getRoundNo());
        vars.accept(VAR_RECTIFICATION_DUE, endOfDay(due));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("roundNo", hazard.getRoundNo());
        changes.put("rectificationDue", due.toString());
        changes.put("state", hazard.getState().name());
        audit.record(CASE_TYPE, hazardId, "ROUND_STARTED", AuditTrail.SYSTEM, null, changes);
    }

    /** 销号 — closed out; the follow-up re-check (回头看) is scheduled. */
    public void closeOut(Long hazardId, Variables vars) {
        Hazard hazard = hazard(hazardId);
        hazard.closeOut(clock.instant());
        Instant recheckAt = deadlines.due(SLA_RECHECK);
        vars.accept(VAR_RECHECK_AT, Date.from(recheckAt));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("state", hazard.getState().name());
        changes.put("recheckAt", recheckAt.toString());
        audit.record(CASE_TYPE, hazardId, "CLOSED_OUT", AuditTrail.SYSTEM, null, changes);
    }

    /** 回头看 — confirms the result (archived) or reopens the case. */
    public void recheck(Long hazardId, FormValues form, Actor actor) {
        String result = form.choice(F_RECHECK_RESULT, List.of("CONFIRMED", "REOPEN"));
        String comment = form.text(F_RECHECK_COMMENT, true, 2000);
        boolean reopen = "REOPEN".equals(result);
        Integer next = form.integer(F_NEXT_DAYS, reopen, 1, 365);
        form.check();
        Hazard hazard = hazard(hazardId);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("result", result);
        if (reopen) {
            changes.put("nextRectificationWorkingDays", next);
        } else {
            hazard.archive();
            changes.put("state", hazard.getState().name());
        }
        audit.record(CASE_TYPE, hazardId, reopen ? "RECHECK_FAILED" : "RECHECK_CONFIRMED", actor, comment, changes);
    }

    /** 重新整改 — a closed-out case found wanting at the re-check goes back to rectification. */
    public void reopen(Long hazardId, Integer workingDays, Variables vars) {
        Hazard hazard = hazard(hazardId);
        hazard.reopen();
        audit.record(CASE_TYPE, hazardId, "REOPENED", AuditTrail.SYSTEM, null, Map.of("closedAt", "null"));
        if (hazard.getGrade() == HazardGrade.MAJOR && !hazard.isSupervised()) {
            // A major hazard that came back is supervised again: the supervisors decide its close-out anew.
            listForSupervision(hazardId);
        }
        startNextRound(hazardId, workingDays, vars);
    }

    /** A step's deadline passed: the case shows as overdue until its next round or close-out. */
    public void markOverdue(Long hazardId, String taskKey) {
        Hazard hazard = hazard(hazardId);
        if (!hazard.isOverdue()) {
            hazard.markOverdue();
        }
        audit.record(CASE_TYPE, hazardId, "OVERDUE_ESCALATED", AuditTrail.SYSTEM, null,
                Map.of("task", taskKey, "overdue", true));
    }

    /** A reminder went out before a step's deadline. */
    public void reminded(Long hazardId, String taskKey) {
        audit.record(CASE_TYPE, hazardId, "REMINDER_SENT", AuditTrail.SYSTEM, null, Map.of("task", taskKey));
    }

    private Hazard hazard(Long id) {
        return hazards.findById(id).orElseThrow(() -> new IllegalStateException("hazard " + id + " missing"));
    }

    private RectificationRound currentRound(Hazard hazard) {
        return rounds.findByHazardIdAndRoundNo(hazard.getId(), hazard.getRoundNo())
                .orElseThrow(() -> new IllegalStateException("round " + hazard.getRoundNo() + " of hazard " + hazard.getId() + " missing"));
    }

    private LocalDate dueDate(Instant due) {
        return due.atZone(clock.getZone()).toLocalDate();
    }

    /** The moment a due day ends, as the engine's timers and task due dates take it. */
    private Date endOfDay(LocalDate due) {
        return Date.from(deadlines.endOf(due));
    }

    static final String F_RESPONSIBLE_GROUP_FIELD = VAR_RESPONSIBLE_GROUP;
}
