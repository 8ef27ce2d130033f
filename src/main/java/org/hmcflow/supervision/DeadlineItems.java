package org.hmcflow.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.calendar.WorkingDayCalendar;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.StepEvent;
import org.hmcflow.shared.workflow.Workflow;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 期限台账 — every deadline of every lifecycle in one place. A step's items follow its {@link StepEvent}s, in the
 * engine's transaction: opened with one item per candidate group (or its assignee when it has no group), moved when
 * its due date changes, closed when it is done or ends, and a group that is no longer offered the step has its item
 * closed as {@code REASSIGNED}; a step whose due date is taken away has its items paused (its clock stands still) until
 * it gets one again. A lifecycle's deadline that spans several steps (a statutory clock) is kept with
 * {@link #openCaseDeadline}, {@link #closeCaseDeadline}. A lifecycle joins by having steps with due dates — nothing
 * here names one.
 */
@Service
public class DeadlineItems {

    private final DeadlineItemRepository items;
    private final SupervisionProperties properties;
    private final WorkingDayCalendar calendar;
    private final DeadlineService deadlines;
    private final EnterpriseService enterprises;
    private final Workflow workflow;
    private final Clock clock;

    DeadlineItems(DeadlineItemRepository items, SupervisionProperties properties, WorkingDayCalendar calendar,
                  DeadlineService deadlines, EnterpriseService enterprises, Workflow workflow, Clock clock) {
        this.items = items;
        this.properties = properties;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.enterprises = enterprises;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** Keeps a step's items as the step is: runs in the engine's transaction that changed the step. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(StepEvent step) {
        String subject = taskSubject(step.taskId());
        List<DeadlineItem> open = items.findBySubjectAndClosedAtIsNull(subject);
        Instant now = clock.instant();
        if (step.kind() == StepEvent.Kind.DONE || step.kind() == StepEvent.Kind.CANCELLED) {
            DeadlineItem.CloseReason reason = step.kind() == StepEvent.Kind.DONE
                    ? DeadlineItem.CloseReason.DONE : DeadlineItem.CloseReason.CANCELLED;
            open.forEach(item -> item.close(reason, now));
            return;
        }
        if (step.due() == null && step.kind() == StepEvent.Kind.CHANGED && !open.isEmpty()) {
            open.forEach(item -> item.pause(now));
            return;
        }
        Map<String, DeadlineItem.ResponsibleKind> parties = step.due() == null ? Map.of() : partiesOf(step);
        DeadlineItem.Boundaries boundaries = step.due() == null ? null : boundaries(step.lifecycle(), step.due());
        for (DeadlineItem item : open) {
            if (!parties.containsKey(item.getResponsible())) {
                item.close(step.due() == null ? DeadlineItem.CloseReason.CANCELLED : DeadlineItem.CloseReason.REASSIGNED, now);
            } else if (!item.getDueAt().equals(step.due()) || item.isPaused()) {
                item.move(boundaries);
            }
        }
        List<String> have = open.stream().filter(DeadlineItem::isOpen).map(DeadlineItem::getResponsible).toList();
        Optional<Enterprise> enterprise = step.enterpriseId() == null ? Optional.empty()
                : enterprises.find(step.enterpriseId());
        parties.forEach((party, kind) -> {
            if (!have.contains(party)) {
                items.save(new DeadlineItem(subject, party, kind, step.lifecycle(), step.caseRef(), step.taskKey(),
                        step.taskName(), step.processInstanceId(), step.taskId(), step.enterpriseId(),
                        enterprise.map(Enterprise::getCounty).orElse(null), boundaries, now));
            }
        });
    }

    /**
     * Opens (or moves) a deadline of a whole case for one responsible party, e.g. a permit decision's statutory
     * limit: {@code name} tells it from the case's other deadlines. Call it in the transaction that sets the deadline.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public DeadlineItem openCaseDeadline(CaseDeadline deadline) {
        String subject = caseSubject(deadline.lifecycle(), deadline.caseRef(), deadline.name());
        DeadlineItem.Boundaries boundaries = boundaries(deadline.lifecycle(), deadline.due());
        for (DeadlineItem item : items.findBySubjectAndClosedAtIsNull(subject)) {
            if (item.getResponsible().equals(deadline.responsible())) {
                item.move(boundaries);
                return item;
            }
        }
        Optional<Enterprise> enterprise = deadline.enterpriseId() == null ? Optional.empty()
                : enterprises.find(deadline.enterpriseId());
        return items.save(new DeadlineItem(subject, deadline.responsible(), kindOf(deadline.responsible()),
                deadline.lifecycle(), deadline.caseRef(), deadline.name(), deadline.title(), null, null,
                deadline.enterpriseId(), enterprise.map(Enterprise::getCounty).orElse(null), boundaries, clock.instant()));
    }

    /**
     * Stops the clock of a case's deadline (every party's item): it keeps its due date and reads
     * {@link SlaState#PAUSED} until {@link #openCaseDeadline} moves it again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void pauseCaseDeadline(String lifecycle, String caseRef, String name) {
        Instant now = clock.instant();
        items.findBySubjectAndClosedAtIsNull(caseSubject(lifecycle, caseRef, name)).forEach(item -> item.pause(now));
    }

    /** Closes every party's item of a case's deadline: met ({@code done}) or no longer running. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void closeCaseDeadline(String lifecycle, String caseRef, String name, boolean done) {
        Instant now = clock.instant();
        items.findBySubjectAndClosedAtIsNull(caseSubject(lifecycle, caseRef, name)).forEach(item -> item.close(
                done ? DeadlineItem.CloseReason.DONE : DeadlineItem.CloseReason.CANCELLED, now));
    }

    /** A deadline of a whole case, for one responsible party (a group or a user). */
    public record CaseDeadline(String lifecycle, String caseRef, String name, String title, String responsible,
                               Long enterpriseId, Instant due) {
        public CaseDeadline {
            Objects.requireNonNull(lifecycle, "lifecycle");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(responsible, "responsible");
            Objects.requireNonNull(due, "due");
        }
    }

    /** One item, open or closed (a supervision order is issued on it). */
    @Transactional(readOnly = true)
    public Optional<DeadlineItem> find(Long id) {
        return id == null ? Optional.empty() : items.findById(id);
    }

    /**
     * Counts the due-soon and seriously-overdue boundaries of every open item reaching {@code from} or later again,
     * with the calendar as loaded now (after a year's schedule was added); their due dates stay. Returns how many
     * changed.
     */
    @Transactional
    public int recountBoundaries(Instant from) {
        int changed = 0;
        for (DeadlineItem item : items.findByClosedAtIsNullAndSeriouslyOverdueFromGreaterThanEqualOrderById(from)) {
            DeadlineItem.Boundaries now = boundaries(item.getLifecycle(), item.getDueAt());
            if (!now.dueSoonFrom().equals(item.getDueSoonFrom())
                    || !now.seriouslyOverdueFrom().equals(item.getSeriouslyOverdueFrom())) {
                item.recount(now);
                changed++;
            }
        }
        return changed;
    }

    /** A case's items, open and closed, oldest first. */
    @Transactional(readOnly = true)
    public List<DeadlineItem> ofCase(String lifecycle, String caseRef) {
        return items.findByLifecycleAndCaseRefOrderById(lifecycle, caseRef);
    }

    /** The state of an item now, and the working days left (negative: working days overdue). */
    public SlaState stateOf(DeadlineItem item) {
        return item.stateAt(clock.instant());
    }

    public long remainingWorkingDays(DeadlineItem item) {
        return remainingWorkingDays(item.getDueAt());
    }

    /** Working days from today to a due date (negative: working days overdue). */
    public long remainingWorkingDays(Instant due) {
        return deadlines.remainingWorkingDays(due);
    }

    /**
     * 核对 — compares the open step items with the engine's open steps that have a due date: a step without its
     * items, an item whose step is gone, a due date or a party that differs. Empty when they agree.
     */
    @Transactional(readOnly = true)
    public List<String> reconcile() {
        Map<String, OpenTask> tasks = new LinkedHashMap<>();
        int page = 500;
        for (int first = 0; ; first += page) {
            List<OpenTask> batch = workflow.tasksWithDueDate(first, page);
            batch.forEach(t -> tasks.put(t.id(), t));
            if (batch.size() < page) {
                break;
            }
        }
        Map<String, List<DeadlineItem>> byTask = new LinkedHashMap<>();
        for (DeadlineItem item : items.findByTaskIdIsNotNullAndClosedAtIsNull()) {
            if (item.isPaused()) {
                // its step has no due date while the clock stands still, so the engine does not list it here
                continue;
            }
            byTask.computeIfAbsent(item.getTaskId(), k -> new ArrayList<>()).add(item);
        }
        List<String> differences = new ArrayList<>();
        tasks.values().forEach(task -> {
            List<DeadlineItem> mine = byTask.getOrDefault(task.id(), List.of());
            List<String> expected = new ArrayList<>(task.candidateGroups().isEmpty() && task.assignee() != null
                    ? List.of(task.assignee()) : task.candidateGroups());
            List<String> actual = mine.stream().map(DeadlineItem::getResponsible).toList();
            if (!expected.stream().sorted().toList().equals(actual.stream().sorted().toList())) {
                differences.add("task " + task.id() + " (" + task.processKey() + " " + task.businessKey() + " "
                        + task.key() + "): parties " + expected.stream().sorted().toList() + ", items "
                        + actual.stream().sorted().toList());
            }
            mine.stream().filter(i -> !i.getDueAt().equals(task.due())).forEach(i -> differences.add("task " + task.id()
                    + ": due " + task.due() + ", item " + i.getId() + " due " + i.getDueAt()));
        });
        byTask.keySet().stream().filter(id -> !tasks.containsKey(id)).sorted(Comparator.naturalOrder())
                .forEach(id -> differences.add("items of task " + id + " are open, the step is not"));
        return differences;
    }

    /** The boundaries of a due date in a lifecycle: due soon from the start of its N-th working day before. */
    DeadlineItem.Boundaries boundaries(String lifecycle, Instant due) {
        LocalDate dueDay = LocalDate.ofInstant(due, clock.getZone());
        Instant dueSoon = calendar.minusWorkingDays(dueDay, properties.dueSoon(lifecycle)).atStartOfDay(clock.getZone())
                .toInstant();
        Instant serious = deadlines.endOf(calendar.plusWorkingDays(dueDay, properties.seriouslyOverdue(lifecycle)));
        return new DeadlineItem.Boundaries(dueSoon.isAfter(due) ? due : dueSoon, due, serious.isBefore(due) ? due : serious);
    }

    private static Map<String, DeadlineItem.ResponsibleKind> partiesOf(StepEvent step) {
        Map<String, DeadlineItem.ResponsibleKind> parties = new LinkedHashMap<>();
        step.candidateGroups().forEach(g -> parties.put(g, kindOf(g)));
        if (parties.isEmpty() && step.assignee() != null) {
            parties.put(step.assignee(), DeadlineItem.ResponsibleKind.USER);
        }
        return parties;
    }

    private static DeadlineItem.ResponsibleKind kindOf(String group) {
        return Enterprise.isEnterpriseGroup(group) ? DeadlineItem.ResponsibleKind.ENTERPRISE
                : DeadlineItem.ResponsibleKind.DEPARTMENT;
    }

    static String taskSubject(String taskId) {
        return "task:" + taskId;
    }

    static String caseSubject(String lifecycle, String caseRef, String name) {
        return lifecycle + ":" + caseRef + ":" + name;
    }
}
