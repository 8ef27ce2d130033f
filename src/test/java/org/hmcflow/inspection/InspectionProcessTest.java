package org.hmcflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.hmcflow.inspection.InspectionProcess.*;
import static org.hmcflow.support.ProcessTests.SHANGHAI;
import static org.hmcflow.support.ProcessTests.at;
import static org.hmcflow.support.ProcessTests.invalidInput;
import static org.hmcflow.support.ProcessTests.moveClockTo;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.NotificationService;
import org.hmcflow.hazard.Hazard;
import org.hmcflow.hazard.HazardService;
import org.hmcflow.hazard.HazardSource;
import org.hmcflow.hazard.HazardState;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.shared.workflow.FormLists;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.support.ProcessTests;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every path of {@code inspection} (监督检查), driven as Tasklist users drive it: inspections started through
 * {@link InspectionCaseService}, tasks completed through the engine's {@link TaskService} with the demo users'
 * authentication and the forms' variable names. Time moves only through the engine clock, from Monday 2 March 2026.
 */
@H2AppTest
@RecordApplicationEvents
class InspectionProcessTest {

    /** Monday 2 March 2026, 10:00 in Qingyuan. */
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, SHANGHAI);

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    InspectionCaseService inspections;
    @Autowired
    InspectionRepository repository;
    @Autowired
    InspectorRepository inspectorRegister;
    @Autowired
    HazardService hazards;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    NotificationService notifications;
    @Autowired
    UserService users;
    @Autowired
    ApplicationEvents events;

    Actor reviewer;
    Actor enterprise;
    Actor monitor;

    record Case(Long id, ProcessInstance pi) {
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(START.toInstant()));
        reviewer = users.actor("reviewer").orElseThrow();
        enterprise = users.actor("enterprise").orElseThrow();
        monitor = users.actor("monitor").orElseThrow();
        assertThat(enterprise.enterpriseId()).isEqualTo(1L);
        assertThat(monitor.departmentCode()).isEqualTo("city-monitoring");
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    // --- 1. clean inspection ----------------------------------------------------------------------------------

    @Test
    void aCleanInspectionIsClosedAndItsResultPublished() {
        Case c = start(false);
        assertThat(c.pi()).isWaitingAt(TASK_PREPARE);
        Task prepare = task(c);
        assertThat(prepare.getDueDate()).as("5 working days from Mon 2 Mar").isEqualTo(at(2026, 3, 9, 23, 59));
        assertThat(candidateGroups(prepare)).containsExactly("city-epb");
        // no tip-off: the enterprise does not see its inspection before the inspectors come
        assertThatThrownBy(() -> inspections.visible(enterprise, c.id())).isInstanceOf(NotFoundException.class);
        assertThat(ProcessTests.visibleTasks(identityService, taskService, enterprise, c.pi().getId())).isEmpty();

        prepare(c, false);
        assertThat(c.pi()).isWaitingAt(TASK_RECORD_ON_SITE);
        // the on-site form starts from the industry checklist (其他电池制造 → lead-acid batteries), item by item
        assertThat(inspection(c).getChecklistCode()).isEqualTo("LEAD_ACID_BATTERY");
        // offered as rows of the on-site task alone, item by item with its text; the inspectors sent ticked present
        String offered = String.valueOf(taskService.getVariableLocal(task(c).getId(), F_CHECKLIST_ANSWERS));
        assertThat(offered).startsWith("[{\"itemCode\":\"PERMIT_HELD\"").contains("FUGITIVE_LEAD_CAPTURE", "铅烟、铅尘");
        assertThat(String.valueOf(taskService.getVariableLocal(task(c).getId(), F_PRESENT_INSPECTORS)))
                .contains("\"inspectorId\":\"" + inspector("44180020180001") + "\"", "\"present\":true");
        assertThat(runtimeService.getVariable(c.pi().getId(), F_CHECKLIST_ANSWERS)).as("not on the instance").isNull();

        recordOnSite(c, allCompliant(c));
        assertThat(c.pi()).isWaitingAt(TASK_CONFIRM_RECORD);
        assertThat(candidateGroups(task(c))).containsExactly("enterprise-1");
        assertThat(inspections.visible(enterprise, c.id()).getState()).isEqualTo(InspectionState.AWAITING_CONFIRMATION);

        confirm(c);
        assertThat(c.pi()).hasPassed("Gateway_RecordDisputed", "Gateway_SamplingRequired")
                .hasNotPassed(TASK_ANSWER_DISPUTE, TASK_ENTER_MONITORING).isWaitingAt(TASK_DECIDE_FINDINGS);

        complete(c, reviewer, TASK_DECIDE_FINDINGS, findings(false, false, null));
        assertThat(c.pi()).hasPassed(END_CLOSED).isEnded();
        Inspection i = inspection(c);
        assertThat(i.getState()).isEqualTo(InspectionState.CLOSED);
        assertThat(i.result()).isEqualTo("NO_PROBLEM");
        assertThat(i.getRecordStatus()).isEqualTo(RecordStatus.CONFIRMED);
        assertThat(i.getHazardId()).isNull();
        assertThat(events.stream(ViolationsFound.class).filter(e -> e.inspectionId() == c.id())).isEmpty();
        // every inspection says it ended; an ad hoc one has no origin
        assertThat(closedEvents(c)).singleElement().satisfies(e -> {
            assertThat(e.origin()).isNull();
            assertThat(e.originRef()).isNull();
            assertThat(e.result()).isEqualTo("NO_PROBLEM");
            assertThat(e.enterpriseId()).isEqualTo(1L);
            assertThat(e.checklist()).isEqualTo("LEAD_ACID_BATTERY");
        });
        assertThat(inspections.publishedResults()).anySatisfy(r -> {
            assertThat(r.inspectionId()).isEqualTo(c.id());
            assertThat(r.enterpriseName()).isEqualTo("清远市尤尼电源科技有限公司");
            assertThat(r.inspectedOn()).isEqualTo(START.toLocalDate());
            assertThat(r.result()).isEqualTo("NO_PROBLEM");
        });
        assertThat(actions(c)).containsExactly("STARTED", "PREPARED", "ON_SITE_RECORDED", "RECORD_CONFIRMED",
                "CLOSED_NO_PROBLEM");
        assertThat(trail(c).get(3).getActor()).isEqualTo("enterprise");
        assertThat(trail(c).get(4).getActor()).isEqualTo("reviewer");
    }

    // --- 2. hazard found ----------------------------------------------------------------------------------------

    @Test
    void aHazardFoundStartsAHazardCaseThatLinksBack() {
        Case c = start(false);
        prepare(c, false);
        recordOnSite(c, withNonCompliance(c, "RAW_MATERIAL_STORAGE", "铅粉中间品露天堆放于2号车间外"));
        confirm(c);

        // a non-compliance cannot be closed as "no problem"
        InvalidInputException refused = invalidInput(() -> complete(c, reviewer, TASK_DECIDE_FINDINGS,
                findings(false, false, null)));
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly(F_FINDINGS_COMMENT);
        assertThat(c.pi()).isWaitingAt(TASK_DECIDE_FINDINGS);

        complete(c, reviewer, TASK_DECIDE_FINDINGS, findings(true, false, null));
        assertThat(c.pi()).hasPassed(END_REFERRED).isEnded();
        Inspection i = inspection(c);
        assertThat(i.getState()).isEqualTo(InspectionState.REFERRED);
        assertThat(i.result()).isEqualTo("HAZARD");
        assertThat(i.getHazardId()).isNotNull();
        Hazard hazard = hazards.visible(reviewer, i.getHazardId());
        assertThat(hazard.getOriginInspectionId()).isEqualTo(c.id());
        assertThat(hazard.getSource()).isEqualTo(HazardSource.BUREAU_INSPECTION);
        assertThat(hazard.getEnterpriseId()).isEqualTo(1L);
        assertThat(hazard.getState()).isEqualTo(HazardState.REPORTED);
        assertThat(hazard.getTitle()).isEqualTo("原料露天堆放");
        assertThat(hazard.getDescription()).contains("RAW_MATERIAL_STORAGE：铅粉中间品露天堆放于2号车间外");
        assertThat(hazards.openTasks(reviewer, hazard.getId())).extracting(t -> t.key()).containsExactly("Task_TriageHazard");
        assertThat(events.stream(ViolationsFound.class).filter(e -> e.inspectionId() == c.id())).isEmpty();
        AuditEvent decided = trail(c).get(trail(c).size() - 1);
        assertThat(decided.getAction()).isEqualTo("FINDINGS_REFERRED");
        assertThat(decided.getChanges()).contains("\"hazardId\":" + hazard.getId());
        assertThat(auditTrail.trailOf("HAZARD", hazard.getId()).get(0).getChanges())
                .contains("\"originInspectionId\":" + c.id());
    }

    // --- 3. violation with monitoring ---------------------------------------------------------------------------

    @Test
    void anExceedanceAndAChosenNonComplianceArePublishedAsViolationsFound() {
        Case c = start(true);
        prepare(c, true);
        recordOnSite(c, withNonCompliance(c, "LEAD_FUME_TREATMENT", "除尘滤筒破损，设施未正常运行"));
        confirm(c);
        assertThat(c.pi()).isWaitingAt(TASK_ENTER_MONITORING);
        Task monitoring = task(c);
        assertThat(candidateGroups(monitoring)).containsExactly("city-monitoring");
        assertThat(monitoring.getDueDate()).isEqualTo(at(2026, 3, 16, 23, 59));

        // a wrong unit for a waste-water outlet and a negative value: both named, nothing stored
        InvalidInputException bad = invalidInput(() -> complete(c, monitor, TASK_ENTER_MONITORING, monitoring(
                "Pb | DW001 | 0.8 | mg/m³ | 0.5 | mg/L\nCd | DW001 | -0.004 | mg/L | 0.01 | mg/L")));
        assertThat(bad.problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("results[0].unit", "results[1].value");
        assertThat(bad.getMessage()).contains("results[1].value");
        assertThat(inspection(c).getMeasurements()).isEmpty();
        assertThat(c.pi()).isWaitingAt(TASK_ENTER_MONITORING);

        complete(c, monitor, TASK_ENTER_MONITORING, monitoring(
                "Pb | DW001 | 0.8 | mg/L | 0.5 | mg/L\nCd | DW001 | 4 | μg/L | 0.01 | mg/L"));
        List<StoredMeasurement> measured = inspection(c).getMeasurements();
        assertThat(measured).extracting(StoredMeasurement::getPollutant, StoredMeasurement::getRatioToLimit,
                        StoredMeasurement::isExceeds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Pb", new BigDecimal("1.60"), true),
                        org.assertj.core.groups.Tuple.tuple("Cd", new BigDecimal("0.40"), false));
        assertThat(c.pi()).isWaitingAt(TASK_DECIDE_FINDINGS);

        // an exceedance is a violation: closing it as "no problem" or hazard only is refused
        InvalidInputException notViolation = invalidInput(() -> complete(c, reviewer, TASK_DECIDE_FINDINGS,
                findings(true, false, null)));
        assertThat(notViolation.problems()).extracting(FieldProblem::field).containsExactly(F_VIOLATION_FOUND);
        // an exceedance comes from the measurements, never typed
        InvalidInputException typed = invalidInput(() -> complete(c, reviewer, TASK_DECIDE_FINDINGS,
                findings(false, true, "LEAD_FUME_TREATMENT | EXCEEDS_STANDARD | 超标")));
        assertThat(typed.problems()).extracting(FieldProblem::field).containsExactly("violations[0].kind");

        complete(c, reviewer, TASK_DECIDE_FINDINGS, findings(true, true,
                "LEAD_FUME_TREATMENT | FACILITY_NOT_RUNNING | 除尘滤筒破损，铅尘治理设施未正常运行"));
        assertThat(c.pi()).hasPassed(END_REFERRED).isEnded();
        Inspection i = inspection(c);
        assertThat(i.result()).isEqualTo("HAZARD_AND_VIOLATION");
        assertThat(i.getHazardId()).isNotNull();

        List<ViolationsFound> published = events.stream(ViolationsFound.class).filter(e -> e.inspectionId() == c.id()).toList();
        assertThat(published).hasSize(1);
        ViolationsFound found = published.get(0);
        assertThat(found.enterpriseId()).isEqualTo(1L);
        assertThat(found.decidedBy()).isEqualTo("reviewer");
        assertThat(found.decidedAt()).isEqualTo(START.toInstant());
        assertThat(found.violations()).hasSize(2);
        ViolationsFound.Violation exceedance = found.violations().get(0);
        assertThat(exceedance.kind()).isEqualTo(ViolationKind.EXCEEDS_STANDARD);
        assertThat(exceedance.pollutant()).isEqualTo("Pb");
        assertThat(exceedance.point()).isEqualTo("DW001");
        assertThat(exceedance.measured()).isEqualByComparingTo("0.8");
        assertThat(exceedance.limit()).isEqualByComparingTo("0.5");
        assertThat(exceedance.unit()).isEqualTo("mg/L");
        assertThat(exceedance.limitUnit()).isEqualTo("mg/L");
        assertThat(exceedance.ratioToLimit()).isEqualByComparingTo("1.60");
        assertThat(exceedance.heavyMetal()).isTrue();
        ViolationsFound.Violation facility = found.violations().get(1);
        assertThat(facility.kind()).isEqualTo(ViolationKind.FACILITY_NOT_RUNNING);
        assertThat(facility.description()).contains("LEAD_FUME_TREATMENT").contains("除尘滤筒破损");
        assertThat(actions(c)).containsExactly("STARTED", "PREPARED", "ON_SITE_RECORDED", "RECORD_CONFIRMED",
                "MONITORING_RESULTS_ENTERED", "FINDINGS_REFERRED");
        assertThat(closedEvents(c)).extracting(InspectionClosed::result).containsExactly("HAZARD_AND_VIOLATION");
    }

    // --- 3a. inspections with a purpose, for another lifecycle's case -------------------------------------------

    @Test
    void anInspectionForARelocationCaseUsesItsPurposeChecklistAndTellsThatCaseItsCleanResult() {
        Case c = startForCase("RELOCATION", "42");
        Inspection started = inspection(c);
        assertThat(started.getOrigin()).isEqualTo(Inspection.Origin.LIFECYCLE);
        assertThat(started.getOriginType()).isEqualTo("RELOCATION");
        assertThat(started.getOriginRef()).isEqualTo("42");
        assertThat(started.getChecklistCode()).isEqualTo("PURPOSE_PRODUCTION_STOPPED");
        assertThat(trail(c).get(0).getChanges()).contains("\"originType\":\"RELOCATION\"").contains("\"originRef\":\"42\"");

        prepare(c, false);
        assertThat(String.valueOf(taskService.getVariableLocal(task(c).getId(), F_CHECKLIST_ANSWERS)))
                .startsWith("[{\"itemCode\":\"EQUIPMENT_STOPPED\"").contains("OUTLETS_SEALED");
        recordOnSite(c, productionStoppedRows(null, null));
        confirm(c);
        assertThat(closedEvents(c)).as("nothing before the end").isEmpty();
        complete(c, reviewer, TASK_DECIDE_FINDINGS, findings(false, false, null));
        assertThat(c.pi()).hasPassed(END_CLOSED).isEnded();

        InspectionClosed closed = closedEvents(c).stream().findFirst().orElseThrow();
        assertThat(closedEvents(c)).hasSize(1);
        assertThat(closed.origin()).isEqualTo("RELOCATION");
        assertThat(closed.originRef()).isEqualTo("42");
        assertThat(closed.result()).isEqualTo("NO_PROBLEM");
        assertThat(closed.noProblem()).isTrue();
        assertThat(closed.checklist()).isEqualTo("PURPOSE_PRODUCTION_STOPPED");
        assertThat(closed.closedAt()).isEqualTo(START.toInstant());
        assertThat(closed.variables()).containsEntry("inspectionId", c.id()).containsEntry("inspectionResult", "NO_PROBLEM");
    }

    @Test
    void anInspectionForACaseThatFindsProductionGoingOnRefersTheViolationAndTellsTheCaseToo() {
        Case c = startForCase("RELOCATION", "43");
        prepare(c, false);
        recordOnSite(c, productionStoppedRows("EQUIPMENT_STOPPED", "2号电镀线仍在运行"));
        confirm(c);
        complete(c, reviewer, TASK_DECIDE_FINDINGS, findings(false, true,
                "EQUIPMENT_STOPPED | OTHER | 搬迁方案规定的停产日期后2号电镀线仍在生产"));
        assertThat(c.pi()).hasPassed(END_REFERRED).isEnded();
        assertThat(events.stream(ViolationsFound.class).filter(e -> e.inspectionId() == c.id())).hasSize(1);
        assertThat(closedEvents(c)).singleElement().satisfies(e -> {
            assertThat(e.origin()).isEqualTo("RELOCATION");
            assertThat(e.originRef()).isEqualTo("43");
            assertThat(e.result()).isEqualTo("VIOLATION");
            assertThat(e.noProblem()).isFalse();
        });
    }

    @Test
    void aDeletedInspectionStillTellsItsCaseThatItEndedCancelled() {
        Case c = startForCase("CLOSURE", "7");
        runtimeService.deleteProcessInstance(c.pi().getId(), "立案错误，撤销检查");
        assertThat(closedEvents(c)).singleElement().satisfies(e -> {
            assertThat(e.origin()).isEqualTo("CLOSURE");
            assertThat(e.result()).isEqualTo(InspectionClosed.CANCELLED);
        });
    }

    @Test
    void anInspectionForACaseNeedsItsOriginAKnownPurposeAndTwoInspectors() {
        InvalidInputException bad = invalidInput(() -> inspections.startForCase(reviewer,
                new InspectionCaseService.ForCase(1L, "relocation!", " ", "no-such-purpose",
                        List.of(inspector("44180020180001")), "核实停产", false)));
        assertThat(bad.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("origin", "originRef",
                "purpose", "inspectorIds");
        assertThatThrownBy(() -> inspections.startForCase(enterprise, new InspectionCaseService.ForCase(1L,
                "RELOCATION", "1", "production-stopped", List.of(inspector("44180020180001"),
                inspector("44180020180002")), "核实停产", false)))
                .isInstanceOf(org.hmcflow.shared.web.ForbiddenException.class);
    }

    // --- 4. disputed record -------------------------------------------------------------------------------------

    @Test
    void aDisputedRecordIsAnsweredAndBothStatementsAreKept() {
        Case c = start(false);
        prepare(c, false);
        recordOnSite(c, allCompliant(c));
        String firstRecord = inspection(c).getRecordSummary();

        InvalidInputException noReason = invalidInput(() -> complete(c, enterprise, TASK_CONFIRM_RECORD,
                Map.of(F_CONFIRMATION, "DISPUTE", F_REPRESENTATIVE, "陈厂长")));
        assertThat(noReason.problems()).extracting(FieldProblem::field).containsExactly(F_DISPUTE_REASON);

        complete(c, enterprise, TASK_CONFIRM_RECORD, Map.of(F_CONFIRMATION, "DISPUTE", F_REPRESENTATIVE, "陈厂长",
                F_DISPUTE_REASON, "检查当日2号除尘器处于计划检修，已提前报备"));
        assertThat(c.pi()).isWaitingAt(TASK_ANSWER_DISPUTE);
        assertThat(candidateGroups(task(c))).containsExactly("city-epb");
        assertThat(inspection(c).getState()).isEqualTo(InspectionState.DISPUTE_REVIEW);

        InvalidInputException noAmendment = invalidInput(() -> complete(c, reviewer, TASK_ANSWER_DISPUTE,
                Map.of(F_DISPUTE_OUTCOME, "AMENDED", F_DISPUTE_RESPONSE, "核实检修报备属实")));
        assertThat(noAmendment.problems()).extracting(FieldProblem::field).containsExactly(F_AMENDED_SUMMARY);

        complete(c, reviewer, TASK_ANSWER_DISPUTE, Map.of(F_DISPUTE_OUTCOME, "AMENDED",
                F_DISPUTE_RESPONSE, "核实检修报备属实，笔录补充说明", F_AMENDED_SUMMARY, firstRecord + "（2号除尘器计划检修，已报备）"));
        assertThat(c.pi()).hasPassed(TASK_ANSWER_DISPUTE, "Gateway_JoinRecord").isWaitingAt(TASK_DECIDE_FINDINGS);
        Inspection i = inspection(c);
        assertThat(i.getRecordStatus()).isEqualTo(RecordStatus.DISPUTED);
        assertThat(i.getDisputeReason()).isEqualTo("检查当日2号除尘器处于计划检修，已提前报备");
        assertThat(i.getDisputeResponse()).isEqualTo("核实检修报备属实，笔录补充说明");
        assertThat(i.getDisputeOutcome()).isEqualTo("AMENDED");
        assertThat(i.getOriginalSummary()).isEqualTo(firstRecord);
        assertThat(i.getRecordSummary()).endsWith("（2号除尘器计划检修，已报备）");
        assertThat(actions(c)).containsExactly("STARTED", "PREPARED", "ON_SITE_RECORDED", "RECORD_DISPUTED",
                "DISPUTE_RECORD_AMENDED");
        assertThat(trail(c).get(3).getComment()).isEqualTo("检查当日2号除尘器处于计划检修，已提前报备");
    }

    // --- 5. refused to sign -------------------------------------------------------------------------------------

    @Test
    void anEnterpriseThatLetsTheDayPassHasRefusedToSignAndTheInspectionGoesOn() {
        Case c = start(false);
        prepare(c, false);
        recordOnSite(c, allCompliant(c));
        Task confirmation = task(c);
        // 3 working days from Mon 2 Mar: Thu 5 Mar; reminded one working day before, at 09:00
        assertThat(confirmation.getDueDate()).isEqualTo(at(2026, 3, 5, 23, 59));
        assertThat(ProcessTests.timer(managementService, c.pi().getId(), "BoundaryEvent_ConfirmReminder").getDuedate())
                .isEqualTo(at(2026, 3, 4, 9, 0));
        assertThat(ProcessTests.timer(managementService, c.pi().getId(), TIMER_REFUSED_TO_SIGN).getDuedate())
                .isEqualTo(confirmation.getDueDate());

        moveClockTo(ZonedDateTime.of(2026, 3, 5, 23, 0, 0, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);
        assertThat(c.pi()).hasPassed("ServiceTask_RemindConfirm").isWaitingAt(TASK_CONFIRM_RECORD);
        assertThat(notificationsOf(c, Notification.Kind.REMINDER)).extracting(Notification::getRecipientGroup)
                .containsExactly("enterprise-1");

        moveClockTo(ZonedDateTime.of(2026, 3, 6, 0, 1, 0, 0, SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);
        assertThat(c.pi()).hasPassed(TIMER_REFUSED_TO_SIGN, SERVICE_REFUSED_TO_SIGN).hasNotPassed(TASK_ANSWER_DISPUTE)
                .isWaitingAt(TASK_DECIDE_FINDINGS);
        Inspection i = inspection(c);
        assertThat(i.getRecordStatus()).isEqualTo(RecordStatus.REFUSED_TO_SIGN);
        assertThat(i.getState()).isEqualTo(InspectionState.DECIDING);
        AuditEvent refusal = trail(c).get(trail(c).size() - 1);
        assertThat(refusal.getAction()).isEqualTo("RECORD_REFUSED_TO_SIGN");
        assertThat(refusal.getActor()).isEqualTo("system");
        assertThat(refusal.getComment()).contains("拒绝签字").contains("见证人：园区管委会 李明");

        complete(c, reviewer, TASK_DECIDE_FINDINGS, findings(false, false, null));
        assertThat(c.pi()).hasPassed(END_CLOSED).isEnded();
    }

    // --- 6. late steps reminded and escalated ----------------------------------------------------------------------

    @Test
    void aLateStepIsRemindedThenEscalatedToTheSupervisors() {
        Case c = start(false);
        Task prepare = task(c);
        java.util.Date reminder = ProcessTests.timer(managementService, c.pi().getId(), "BoundaryEvent_PrepareReminder").getDuedate();
        assertThat(reminder).isEqualTo(at(2026, 3, 5, 9, 0));
        assertThat(ProcessTests.timer(managementService, c.pi().getId(), "BoundaryEvent_PrepareOverdue").getDuedate())
                .isEqualTo(prepare.getDueDate());

        moveClockTo(reminder.toInstant().plusSeconds(30).atZone(SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);
        assertThat(inspection(c).isOverdue()).isFalse();
        moveClockTo(prepare.getDueDate().toInstant().plusSeconds(30).atZone(SHANGHAI));
        assertThat(fireDueTimers(c)).isEqualTo(1);

        assertThat(c.pi()).hasPassed("ServiceTask_RemindPrepare", "ServiceTask_EscalatePrepare").isWaitingAt(TASK_PREPARE);
        assertThat(notificationsOf(c, Notification.Kind.REMINDER)).extracting(Notification::getRecipientGroup)
                .containsExactly("city-epb");
        assertThat(notificationsOf(c, Notification.Kind.ESCALATION)).extracting(Notification::getRecipientGroup)
                .containsExactlyInAnyOrder("city-epb", "hmc-supervisor");
        assertThat(inspection(c).isOverdue()).isTrue();
        assertThat(actions(c)).containsExactly("STARTED", "REMINDER_SENT", "OVERDUE_ESCALATED");

        prepare(c, false);
        assertThat(inspection(c).isOverdue()).isFalse();
        // the on-site step has its own deadline, 10 working days from when it opened (Mon 9 Mar, late evening)
        assertThat(task(c).getDueDate()).isEqualTo(at(2026, 3, 23, 23, 59));
    }

    // --- 7. the on-site record's rules ----------------------------------------------------------------------------

    @Test
    void anOnSiteRecordNeedsEveryItemTwoInspectorsAndANoteForANonCompliance() {
        Case c = start(false);
        prepare(c, false);
        Map<String, Object> values = onSiteValues(c, "PERMIT_HELD | COMPLIANT\nFUGITIVE_LEAD_CAPTURE | NON_COMPLIANT\n"
                + "FUGITIVE_LEAD_CAPTURE | 符合\nNO_SUCH_ITEM | COMPLIANT\nLEAD_FUME_TREATMENT | maybe");
        values.put(F_PRESENT_INSPECTORS, present(inspector("44180020180001")));
        values.put(F_INSPECTED_ON, "2026-03-03");
        InvalidInputException refused = invalidInput(() -> complete(c, reviewer, TASK_RECORD_ON_SITE, values));
        assertThat(refused.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder(
                "answers[1].note", "answers[2].itemCode", "answers[3].itemCode", "answers[4].answer", "answers",
                F_PRESENT_INSPECTORS, F_INSPECTED_ON);
        assertThat(refused.problems()).filteredOn(p -> p.field().equals("answers")).singleElement()
                .satisfies(p -> assertThat(p.args()[0].toString()).contains("RAW_MATERIAL_STORAGE", "WASTEWATER_REUSE",
                        "HAZARDOUS_WASTE", "SELF_MONITORING"));
        assertThat(c.pi()).isWaitingAt(TASK_RECORD_ON_SITE);
        assertThat(inspection(c).getAnswers()).isEmpty();
        assertThat(actions(c)).containsExactly("STARTED", "PREPARED");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private long inspector(String certificateNo) {
        return inspectorRegister.findAll().stream().filter(i -> i.getCertificateNo().equals(certificateNo))
                .findFirst().orElseThrow().getId();
    }

    private Case start(boolean sampling) {
        Inspection i = inspections.startAdHoc(reviewer, new InspectionCaseService.AdHoc(1L,
                List.of(inspector("44180020180001"), inspector("44180020180002")), "群众举报：厂区夜间有刺鼻气味", sampling));
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(i.getProcessInstanceId())
                .singleResult();
        assertThat(pi.getBusinessKey()).isEqualTo(String.valueOf(i.getId()));
        return new Case(i.getId(), pi);
    }

    private Case startForCase(String origin, String ref) {
        Inspection i = inspections.startForCase(reviewer, new InspectionCaseService.ForCase(1L, origin, ref,
                "production-stopped", List.of(inspector("44180020180001"), inspector("44180020180002")),
                "搬迁方案规定的停产日期已到，核实是否停产", false));
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(i.getProcessInstanceId())
                .singleResult();
        return new Case(i.getId(), pi);
    }

    private List<InspectionClosed> closedEvents(Case c) {
        return events.stream(InspectionClosed.class).filter(e -> e.inspectionId() == c.id()).toList();
    }

    /** Every production-stopped item compliant, except {@code code} (if given), non-compliant with the note. */
    private static String productionStoppedRows(String code, String note) {
        return List.of("EQUIPMENT_STOPPED", "MATERIALS_CLEARED", "OUTLETS_SEALED", "HAZARDOUS_WASTE_CLEARED",
                        "DEMOLITION_SOIL_PLAN").stream()
                .map(item -> item.equals(code) ? item + " | 不符合 | " + note : item + " | COMPLIANT | ")
                .collect(Collectors.joining("\n"));
    }

    private void prepare(Case c, boolean sampling) {
        complete(c, reviewer, TASK_PREPARE, Map.of(F_PREPARATION_NOTE, "已查阅许可证及隐患台账", VAR_SAMPLING_REQUIRED, sampling));
    }

    private String allCompliant(Case c) {
        assertThat(inspection(c).getChecklistCode()).isEqualTo("LEAD_ACID_BATTERY");
        return checklistRows(null, null);
    }

    private String withNonCompliance(Case c, String code, String note) {
        return checklistRows(code, note);
    }

    /** Every lead-acid battery item answered compliant, except {@code code} (if given), non-compliant with the note. */
    private static String checklistRows(String code, String note) {
        return List.of("PERMIT_HELD", "FUGITIVE_LEAD_CAPTURE", "LEAD_FUME_TREATMENT", "RAW_MATERIAL_STORAGE",
                        "WASTEWATER_REUSE", "HAZARDOUS_WASTE", "SELF_MONITORING").stream()
                .map(item -> item.equals(code) ? item + " | 不符合 | " + note : item + " | COMPLIANT | ")
                .collect(Collectors.joining("\n"));
    }

    private Map<String, Object> onSiteValues(Case c, String answers) {
        Map<String, Object> values = new HashMap<>();
        values.put(F_INSPECTED_ON, START.toLocalDate().toString());
        values.put(F_PRESENT_INSPECTORS, present(inspector("44180020180001"), inspector("44180020180002")));
        values.put(F_CHECKLIST_ANSWERS, rows(answers, "itemCode", "answer", "note"));
        values.put(F_RECORD_SUMMARY, "现场检查生产车间、废气治理设施、危废仓库，调阅运行台账");
        values.put(F_WITNESS, "园区管委会 李明");
        return values;
    }

    private void recordOnSite(Case c, String answers) {
        complete(c, reviewer, TASK_RECORD_ON_SITE, onSiteValues(c, answers));
    }

    private void confirm(Case c) {
        complete(c, enterprise, TASK_CONFIRM_RECORD, Map.of(F_CONFIRMATION, "CONFIRM", F_REPRESENTATIVE, "陈厂长"));
    }

    private static Map<String, Object> monitoring(String rows) {
        return Map.of(F_REPORT_NO, "QYJC-2026-0312", F_SAMPLED_ON, START.toLocalDate().toString(), F_RESULTS,
                rows(rows, "pollutant", "point", "value", "unit", "limit", "limitUnit"));
    }

    private static Map<String, Object> findings(boolean hazard, boolean violation, String violations) {
        Map<String, Object> values = new HashMap<>();
        values.put(F_HAZARD_FOUND, hazard);
        values.put(F_VIOLATION_FOUND, violation);
        values.put(F_FINDINGS_COMMENT, hazard || violation ? "发现问题，依法移送处理" : "未发现问题");
        if (hazard) {
            values.put(F_HAZARD_TITLE, "原料露天堆放");
            values.put(F_HAZARD_LOCATION, "2号车间外");
        }
        if (violations != null) {
            values.put(F_VIOLATIONS, rows(violations, "itemCode", "kind", "description"));
        }
        return values;
    }

    /**
     * Rows written one a line with cells between bars, for short tests, as the Json a form's list submits: the
     * columns named in order, a missing or blank cell left out.
     */
    private static TypedValue rows(String lines, String... columns) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : lines.split("\n")) {
            String[] cells = line.split("\\|", columns.length);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < cells.length; i++) {
                if (!cells[i].isBlank()) {
                    row.put(columns[i], cells[i].strip());
                }
            }
            rows.add(row);
        }
        return FormLists.value(rows);
    }

    /** The inspectors present, ticked in the on-site form's rows. */
    private static TypedValue present(long... ids) {
        return FormLists.value(java.util.Arrays.stream(ids)
                .mapToObj(id -> Map.<String, Object>of("inspectorId", String.valueOf(id), "present", true)).toList());
    }

    private void complete(Case c, Actor actor, String taskKey, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(c.pi().getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        identityService.setAuthentication(actor.username(), actor.groups());
        try {
            taskService.complete(task.getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Task task(Case c) {
        return taskService.createTaskQuery().processInstanceId(c.pi().getId()).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(l -> l.getGroupId()).toList();
    }

    private int fireDueTimers(Case c) {
        return ProcessTests.fireDueTimers(managementService, c.pi().getId());
    }

    private Inspection inspection(Case c) {
        return inspections.detailed(reviewer, c.id());
    }

    private List<AuditEvent> trail(Case c) {
        return auditTrail.trailOf(CASE_TYPE, c.id());
    }

    private List<String> actions(Case c) {
        return trail(c).stream().map(AuditEvent::getAction).toList();
    }

    private List<Notification> notificationsOf(Case c, Notification.Kind kind) {
        return notifications.ofCase(KEY, String.valueOf(c.id())).stream().filter(n -> n.getKind() == kind).toList();
    }
}
