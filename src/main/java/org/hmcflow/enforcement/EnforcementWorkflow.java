package org.hmcflow.enforcement;

import static org.hmcflow.enforcement.EnforcementProcess.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.calendar.WorkingDayCalendar;
import org.hmcflow.credit.CreditService;
import org.hmcflow.monitoring.Measurement;
import org.hmcflow.monitoring.MeasurementRules;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of {@code enforcement} does to the case: checks the submitted values, records the change with its
 * audit row, and hands the process the plain values its gateways and timers need. Called from the completion
 * listener and the delegates, so a step done in Camunda Tasklist and one done through our API follow the same rules.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class EnforcementWorkflow {

    /** Writes a process variable (the execution the step runs in). */
    public interface Variables extends BiConsumer<String, Object> {
    }

    private final EnforcementCaseRepository cases;
    private final CaseViolationRepository violations;
    private final ReinspectionResultRepository results;
    private final PenaltyRepository penalties;
    private final PoliceTransferRepository transfers;
    private final EnforcementMeasures measures;
    private final CreditService credit;
    private final DeadlineService deadlines;
    private final WorkingDayCalendar calendar;
    private final EnforcementProperties properties;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    EnforcementWorkflow(EnforcementCaseRepository cases, CaseViolationRepository violations,
                        ReinspectionResultRepository results, PenaltyRepository penalties,
                        PoliceTransferRepository transfers, EnforcementMeasures measures, CreditService credit,
                        DeadlineService deadlines, WorkingDayCalendar calendar, EnforcementProperties properties,
                        AuditTrail audit, ObjectMapper json, Clock clock) {
        this.cases = cases;
        this.violations = violations;
        this.results = results;
        this.penalties = penalties;
        this.transfers = transfers;
        this.measures = measures;
        this.credit = credit;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.properties = properties;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * 责令改正 and the measure: the proposal confirmed, or another measure with the reason. An order alone starts its
     * correction period at once; 限制生产/停产整治 go to the bureau head.
     */
    public void decideMeasure(Long caseId, FormValues form, Actor actor, Variables vars) {
        EnforcementCase c = kase(caseId);
        String chosen = form.choice(F_MEASURE, names(Measure.values()));
        String orderText = form.text(F_ORDER_TEXT, true, 4000);
        boolean differs = chosen != null && !chosen.equals(c.getProposedMeasure().name());
        String reason = form.text(F_MEASURE_REASON, differs, 2000);
        Integer months = null;
        if (Measure.LIMIT_PRODUCTION.name().equals(chosen)) {
            months = form.integer(F_RECTIFICATION_MONTHS, false, 1, properties.limitProductionMaxMonths());
        } else if (Measure.SUSPEND_FOR_RECTIFICATION.name().equals(chosen)) {
            months = form.integer(F_RECTIFICATION_MONTHS, true, 1, properties.suspensionMaxMonths());
        }
        if (chosen != null && Measure.valueOf(chosen).isProductionMeasure() && violations.findByCaseIdOrderByIdAsc(caseId)
                .stream().allMatch(v -> EnforcementMeasures.ORDER_ONLY.contains(v.getKind()))) {
            form.reject(F_MEASURE, "hmc.validation.enforcement.order-only");
        }
        form.check();
        Measure measure = Measure.valueOf(chosen);
        c.decide(measure, reason, orderText, today());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("proposedMeasure", c.getProposedMeasure().name());
        changes.put("proposedGrounds", c.getProposedGrounds());
        changes.put("measure", measure.name());
        changes.put("confirmedProposal", !differs);
        changes.put("orderText", orderText);
        if (measure == Measure.ORDER_TO_CORRECT) {
            Instant due = deadlines.due(SLA_CORRECTION);
            c.rectifyUntil(due);
            c.moveTo(CaseState.RECTIFYING);
            vars.accept(VAR_RECTIFICATION_DUE, Date.from(due));
            changes.put("correctionDue", due.toString());
        } else {
            int m = months == null ? properties.limitProductionMaxMonths() : months;
            vars.accept(F_RECTIFICATION_MONTHS, m);
            c.moveTo(CaseState.AWAITING_APPROVAL);
            changes.put("rectificationMonths", m);
        }
        changes.put("state", c.getState().name());
        audit.record(CASE_TYPE, caseId, differs ? "MEASURE_CHANGED" : "MEASURE_CONFIRMED", actor, reason, changes);
    }

    /** 审批 — the bureau head approves (decision served and published, plan and rectification periods start) or not. */
    public void approveMeasure(Long caseId, FormValues form, Actor actor, Integer months, Variables vars) {
        String approval = form.choice(F_APPROVAL, List.of("APPROVE", "REJECT"));
        boolean approved = "APPROVE".equals(approval);
        String comment = form.text(F_APPROVAL_COMMENT, approval != null && !approved, 2000);
        form.check();
        EnforcementCase c = kase(caseId);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("measure", c.getMeasure().name());
        changes.put("approval", approval);
        vars.accept(VAR_MEASURE_APPROVED, approved);
        if (!approved) {
            c.moveTo(CaseState.PROPOSED);
            changes.put("state", c.getState().name());
            audit.record(CASE_TYPE, caseId, "MEASURE_NOT_APPROVED", actor, comment, changes);
            return;
        }
        LocalDate today = today();
        Instant planDue = deadlines.due(SLA_PLAN);
        Instant rectificationDue = afterMonths(today, months == null ? properties.limitProductionMaxMonths() : months);
        c.decisionPublished(today, planDue);
        c.rectifyUntil(rectificationDue);
        c.moveTo(CaseState.PLAN_DUE);
        vars.accept(VAR_RECTIFICATION_DUE, Date.from(rectificationDue));
        changes.put("decisionPublishedOn", today.toString());
        changes.put("planDue", planDue.toString());
        changes.put("rectificationDue", rectificationDue.toString());
        changes.put("state", c.getState().name());
        audit.record(CASE_TYPE, caseId, "MEASURE_APPROVED_AND_PUBLISHED", actor, comment, changes);
    }

    /** 整改方案 — the enterprise's plan, made public the day it is filed. */
    public void submitPlan(Long caseId, FormValues form, Actor actor) {
        String plan = form.text(F_PLAN_TEXT, true, 4000);
        form.check();
        EnforcementCase c = kase(caseId);
        c.planFiled(plan, today());
        c.moveTo(CaseState.RECTIFYING);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("planText", plan);
        changes.put("planPublishedOn", c.getPlanPublishedOn().toString());
        changes.put("state", c.getState().name());
        audit.record(CASE_TYPE, caseId, "PLAN_FILED_AND_PUBLISHED", actor, null, changes);
    }

    /** 整改完成 — the enterprise reports the rectification done; re-inspection follows. */
    public void reportCompletion(Long caseId, FormValues form, Actor actor) {
        String report = form.text(F_COMPLETION_REPORT, true, 4000);
        form.check();
        EnforcementCase c = kase(caseId);
        c.moveTo(CaseState.REINSPECTION_DUE);
        audit.record(CASE_TYPE, caseId, "COMPLETION_REPORTED", actor, report,
                Map.of("state", c.getState().name()));
    }

    /** The rectification period ended without a completion report: re-inspection follows all the same. */
    public void periodEnded(Long caseId) {
        EnforcementCase c = kase(caseId);
        c.moveTo(CaseState.REINSPECTION_DUE);
        audit.record(CASE_TYPE, caseId, "RECTIFICATION_PERIOD_ENDED", AuditTrail.SYSTEM, null,
                Map.of("state", c.getState().name(), "rectificationDue", String.valueOf(c.getRectificationDue())));
    }

    /**
     * 复查 — re-inspection with monitoring: passes when no result exceeds its limit. A pass lifts the measure (the date
     * published) and ends 按日连续处罚 with its computed penalty; a failure after 限制生产 re-asks the decision table.
     */
    public void reinspect(Long caseId, FormValues form, Actor actor, Object resultsJson, Variables vars) {
        List<MeasurementRules.Entry> entries;
        if (resultsJson != null) {
            try {
                entries = json.readValue(resultsJson.toString(), new TypeReference<List<MeasurementRules.Entry>>() { });
            } catch (Exception e) {
                throw InvalidInputException.of("results", "hmc.validation.required");
            }
        } else {
            String pollutant = form.text(F_POLLUTANT, true, 10);
            String point = form.text(F_POINT, true, 100);
            BigDecimal value = form.decimal(F_MEASURED_VALUE, true, new BigDecimal("-1e12"));
            String unit = form.text(F_UNIT, true, 20);
            BigDecimal limit = form.decimal(F_LIMIT_VALUE, true, new BigDecimal("-1e12"));
            String limitUnit = form.text(F_LIMIT_UNIT, true, 20);
            form.check();
            entries = List.of(new MeasurementRules.Entry(pollutant, point, value, unit, limit, limitUnit));
        }
        String comment = form.text(F_REINSPECTION_COMMENT, false, 2000);
        form.check();
        List<Measurement> measured = MeasurementRules.check("results", entries);
        EnforcementCase c = kase(caseId);
        int round = c.nextReinspection();
        LocalDate today = today();
        boolean passed = true;
        List<Map<String, Object>> listed = new java.util.ArrayList<>();
        for (Measurement m : measured) {
            ReinspectionResult r = results.save(new ReinspectionResult(caseId, round, today, actor.username(), m));
            passed &= !r.isExceeds();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pollutant", r.getPollutant());
            row.put("point", r.getPoint());
            row.put("measured", r.getMeasured().toPlainString() + " " + r.getUnit());
            row.put("limit", r.getLimitValue().toPlainString() + " " + r.getLimitUnit());
            row.put("ratioToLimit", r.getRatioToLimit().toPlainString());
            row.put("exceeds", r.isExceeds());
            listed.add(row);
        }
        vars.accept(VAR_REINSPECTION_PASSED, passed);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("round", round);
        changes.put("results", listed);
        changes.put("passed", passed);
        if (passed) {
            if (c.getMeasure() != null && c.getMeasure().isProductionMeasure()) {
                c.lifted(today);
                changes.put("liftedOn", today.toString());
            }
            if (c.getDailyFineSince() != null) {
                DailyFines.Computation fine = DailyFines.compute(c.getDailyFineBase(), c.getDailyFineSince(), today);
                Penalty p = penalties.save(Penalty.daily(caseId, fine, "原处罚 " + c.getDailyFineBaseArticle(),
                        actor.username(), clock.instant()));
                c.dailyFinesEnded();
                changes.put("dailyFinePenaltyId", p.getId());
                changes.put("dailyFineDays", fine.days());
                changes.put("dailyFineFrom", fine.firstDay().toString());
                changes.put("dailyFineTo", fine.lastDay().toString());
                changes.put("dailyFineAmount", fine.amount().toPlainString());
            }
            c.moveTo(CaseState.CLOSING);
        } else {
            c.moveTo(CaseState.REINSPECTION_FAILED);
            if (c.getMeasure() == Measure.LIMIT_PRODUCTION) {
                // 部令第30号 Art 6(四): still exceeding under 限制生产 → the table proposes 停产整治
                List<MeasureProposal> again = violations.findByCaseIdOrderByIdAsc(caseId).stream()
                        .map(v -> measures.propose(v.finding(), true)).toList();
                MeasureProposal worst = EnforcementMeasures.mostSevere(again);
                c.propose(worst.measure(), worst.grounds());
                changes.put("proposedMeasure", worst.measure().name());
                changes.put("proposedGrounds", worst.grounds());
            }
        }
        changes.put("state", c.getState().name());
        audit.record(CASE_TYPE, caseId, passed ? "REINSPECTION_PASSED" : "REINSPECTION_FAILED", actor, comment, changes);
    }

    /** After a failed re-inspection: extension (once), 按日连续处罚, or closure proposed to the government. */
    public void chooseEscalation(Long caseId, FormValues form, Actor actor, Variables vars) {
        EnforcementCase c = kase(caseId);
        String escalation = form.choice(F_ESCALATION, List.of("EXTENSION", "DAILY_FINES", "CLOSURE"));
        String reason = form.text(F_ESCALATION_REASON, true, 2000);
        Integer months = null;
        BigDecimal base = null;
        String article = null;
        if ("EXTENSION".equals(escalation)) {
            if (c.isExtensionUsed()) {
                form.reject(F_ESCALATION, "hmc.validation.extension-used");
            }
            months = form.integer(F_EXTENSION_MONTHS, true, 1, properties.extensionMaxMonths());
        } else if ("DAILY_FINES".equals(escalation) && c.getDailyFineSince() == null) {
            article = form.choice(F_DAILY_FINE_BASE_ARTICLE, properties.penaltyArticles().stream()
                    .map(EnforcementProperties.PenaltyArticle::code).toList());
            base = form.decimal(F_DAILY_FINE_BASE_AMOUNT, true, BigDecimal.ONE);
            if (article != null && base != null) {
                EnforcementProperties.PenaltyArticle a = properties.article(article).orElseThrow();
                if (base.compareTo(a.min()) < 0 || base.compareTo(a.max()) > 0) {
                    form.reject(F_DAILY_FINE_BASE_AMOUNT, "hmc.validation.article-penalty-range", a.code(),
                            a.min().toPlainString(), a.max().toPlainString());
                }
            }
        }
        form.check();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("escalation", escalation);
        switch (escalation) {
            case "EXTENSION" -> {
                vars.accept(F_EXTENSION_MONTHS, months);
                c.moveTo(CaseState.EXTENSION_REQUESTED);
                changes.put("extensionMonths", months);
            }
            case "DAILY_FINES" -> {
                if (c.getDailyFineSince() == null) {
                    LocalDate found = lastReinspectionDay(caseId);
                    c.dailyFinesFrom(found, base, article);
                }
                Instant due = deadlines.due(SLA_DAILY_FINE_RECHECK);
                c.rectifyUntil(due);
                c.moveTo(CaseState.RECTIFYING);
                vars.accept(VAR_RECTIFICATION_DUE, Date.from(due));
                changes.put("dailyFineSince", c.getDailyFineSince().toString());
                changes.put("dailyFineBase", c.getDailyFineBase().toPlainString());
                changes.put("dailyFineBaseArticle", c.getDailyFineBaseArticle());
                changes.put("nextReinspectionDue", due.toString());
            }
            default -> {
                c.closureProposed(today());
                c.moveTo(CaseState.CLOSURE_PROPOSED);
                changes.put("closureProposedOn", c.getClosureProposedOn().toString());
            }
        }
        changes.put("state", c.getState().name());
        audit.record(CASE_TYPE, caseId, "ESCALATION_" + escalation, actor, reason, changes);
    }

    /** The bureau head approves the one extension (the new period published) or refuses it. */
    public void approveExtension(Long caseId, FormValues form, Actor actor, Integer months, Variables vars) {
        String approval = form.choice(F_APPROVAL, List.of("APPROVE", "REJECT"));
        boolean approved = "APPROVE".equals(approval);
        String comment = form.text(F_APPROVAL_COMMENT, approval != null && !approved, 2000);
        form.check();
        EnforcementCase c = kase(caseId);
        vars.accept(VAR_EXTENSION_APPROVED, approved);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("approval", approval);
        if (approved) {
            if (c.isExtensionUsed()) {
                throw InvalidInputException.of(F_ESCALATION, "hmc.validation.extension-used");
            }
            LocalDate from = LocalDate.ofInstant(c.getRectificationDue(), clock.getZone());
            if (from.isBefore(today())) {
                from = today();
            }
            Instant due = afterMonths(from, months);
            c.extended(months);
            c.rectifyUntil(due);
            c.moveTo(CaseState.RECTIFYING);
            vars.accept(VAR_RECTIFICATION_DUE, Date.from(due));
            changes.put("extensionMonths", months);
            changes.put("rectificationDue", due.toString());
        } else {
            c.moveTo(CaseState.REINSPECTION_FAILED);
        }
        changes.put("state", c.getState().name());
        audit.record(CASE_TYPE, caseId, approved ? "EXTENSION_APPROVED" : "EXTENSION_REFUSED", actor, comment, changes);
    }

    /** 停业、关闭 — the government approves or declines the proposed closure. */
    public void decideClosure(Long caseId, FormValues form, Actor actor, Variables vars) {
        String approval = form.choice(F_APPROVAL, List.of("APPROVE", "REJECT"));
        boolean approved = "APPROVE".equals(approval);
        String comment = form.text(F_APPROVAL_COMMENT, true, 2000);
        form.check();
        EnforcementCase c = kase(caseId);
        vars.accept(VAR_CLOSURE_APPROVED, approved);
        c.closureDecided(approved ? "APPROVED" : "DECLINED");
        c.moveTo(approved ? CaseState.CLOSING : CaseState.REINSPECTION_FAILED);
        audit.record(CASE_TYPE, caseId, approved ? "CLOSURE_APPROVED" : "CLOSURE_DECLINED", actor, comment,
                Map.of("closureDecided", c.getClosureDecided(), "state", c.getState().name()));
    }

    /** 结案 — the case file closes: credit inputs recorded, and the blacklist when the bureau decides it. */
    public void closeCase(Long caseId, FormValues form, Actor actor) {
        boolean blacklist = form.bool(F_BLACKLIST);
        String grounds = form.text(F_BLACKLIST_GROUNDS, blacklist, 2000);
        String comment = form.text(F_CLOSING_COMMENT, true, 2000);
        form.check();
        EnforcementCase c = kase(caseId);
        LocalDate today = today();
        String outcome = "APPROVED".equals(c.getClosureDecided()) ? "CLOSURE_APPROVED"
                : c.getLiftedOn() != null ? "MEASURE_LIFTED" : "CORRECTED";
        c.close(today, outcome, blacklist);
        Measure measure = c.getMeasure() == null ? c.getProposedMeasure() : c.getMeasure();
        credit.recordClosedCase(c.getEnterpriseId(), caseId, today, violations.findByCaseIdOrderByIdAsc(caseId).stream()
                .map(v -> new CreditService.ClosedViolation(v.getKind().name(), measure.name())).toList());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("closedOn", today.toString());
        changes.put("outcome", outcome);
        changes.put("blacklisted", blacklist);
        if (blacklist) {
            changes.put("blacklistEntryId", credit.list(c.getEnterpriseId(), caseId, grounds, actor).getId());
            changes.put("blacklistGrounds", grounds);
        }
        changes.put("state", c.getState().name());
        audit.record(CASE_TYPE, caseId, "CASE_CLOSED", actor, comment, changes);
    }

    /** 移送回复 — the police accepted or refused the transferred case. */
    public void recordPoliceAnswer(Long caseId, Long transferId, FormValues form, Actor actor) {
        String answer = form.choice(F_POLICE_ANSWER, List.of("ACCEPTED", "REFUSED"));
        String note = form.text(F_POLICE_ANSWER_NOTE, false, 2000);
        form.check();
        PoliceTransfer t = transfers.findById(transferId).filter(x -> x.getCaseId().equals(caseId))
                .orElseThrow(() -> new IllegalStateException("transfer " + transferId + " of case " + caseId));
        t.answered(PoliceTransfer.State.valueOf(answer), today(), note);
        audit.record(CASE_TYPE, caseId, "POLICE_TRANSFER_" + answer, actor, note,
                Map.of("transferId", transferId, "answeredOn", t.getAnsweredOn().toString()));
    }

    private LocalDate lastReinspectionDay(Long caseId) {
        List<ReinspectionResult> all = results.findByCaseIdOrderByIdAsc(caseId);
        return all.isEmpty() ? today() : all.get(all.size() - 1).getInspectedOn();
    }

    /** {@code months} calendar months after {@code from}; a day off moves to the next working day (民法典 Art 203). */
    private Instant afterMonths(LocalDate from, int months) {
        return deadlines.endOf(calendar.plusWorkingDays(from.plusMonths(months), 0));
    }

    private EnforcementCase kase(Long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalStateException("enforcement case " + caseId));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }
}
