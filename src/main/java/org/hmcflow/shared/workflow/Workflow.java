package org.hmcflow.shared.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.user.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The seam between HMC-Flow and the process engine: the few engine calls the capabilities need, in the
 * application's own terms. Keeping them here means a move to another engine touches this package, not every
 * capability.
 */
@Service
public class Workflow {

    /** The cases this thread's services are starting a process for right now, innermost first. */
    private static final ThreadLocal<Deque<String>> STARTING = ThreadLocal.withInitial(ArrayDeque::new);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final RepositoryService repository;
    private final DecisionService decisions;
    private final ManagementService management;
    private volatile Consumer<List<String>> afterListing = ids -> { };

    private final ApplicationEventPublisher events;

    Workflow(RuntimeService runtime, TaskService tasks, IdentityService identity, RepositoryService repository,
             DecisionService decisions, ManagementService management, ApplicationEventPublisher events) {
        this.events = events;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.repository = repository;
        this.decisions = decisions;
        this.management = management;
    }

    /** Starts a process for a case; the business key is the case's id. Returns the process instance id. */
    public String start(String processKey, Object caseId, Map<String, Object> variables, Actor actor) {
        return startingCase(processKey, caseId,
                () -> as(actor, () -> runtime.startProcessInstanceByKey(processKey, String.valueOf(caseId), variables).getId()));
    }

    /**
     * Starts a process for a case as the application itself (a process another process or a timer starts, with no user
     * behind it); inside a user's command the user's authentication is put back afterwards. Returns the instance id.
     */
    public String startAsApplication(String processKey, Object caseId, Map<String, Object> variables) {
        return startingCase(processKey, caseId,
                () -> asApplication(() -> runtime.startProcessInstanceByKey(processKey, String.valueOf(caseId), variables).getId()));
    }

    /**
     * Whether the instance now starting (its definition and business key) is one that a service of ours is starting
     * through {@link #start} or {@link #startAsApplication} on this thread, for the case it has just stored — not one
     * started through the engine's REST API, Tasklist or Cockpit, whose variables could name any case.
     */
    public boolean isStartedByService(String processDefinitionId, String businessKey) {
        String starting = STARTING.get().peek();
        return starting != null && businessKey != null
                && starting.equals(processKeyOf(processDefinitionId) + "#" + businessKey);
    }

    /** Marks the case as being started by a service on this thread while {@code start} runs (starts may nest). */
    private static <T> T startingCase(String processKey, Object caseId, Supplier<T> start) {
        Deque<String> starting = STARTING.get();
        starting.push(processKey + "#" + caseId);
        try {
            return start.get();
        } finally {
            starting.pop();
        }
    }

    /**
     * Delivers a message to every instance of {@code processKey} with the case's business key that waits for it;
     * returns how many got it (0 when none waits: the case has nothing running to tell). Runs as the application.
     */
    public int tellCase(String processKey, Object caseId, String messageName) {
        return asApplication(() -> {
            int told = 0;
            for (var instance : runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                    .processInstanceBusinessKey(String.valueOf(caseId)).active().list()) {
                told += runtime.createMessageCorrelation(messageName).processInstanceId(instance.getId())
                        .correlateAllWithResult().size();
            }
            return told;
        });
    }

    /** Whether an instance of {@code processKey} with the case's business key is running. */
    public boolean isRunning(String processKey, Object caseId) {
        return runningInstance(processKey, caseId).isPresent();
    }

    /** The running instance of {@code processKey} with the case's business key (the newest, if several). */
    public Optional<String> runningInstance(String processKey, Object caseId) {
        return asApplication(() -> runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(String.valueOf(caseId)).list().stream()
                .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId).reduce((a, b) -> b));
    }

    /**
     * Delivers a message to one running instance (a message start event of an event sub-process, or a waiting
     * catch event), with plain variables. Runs as the application: the capability has already decided that the actor
     * may send what the message records (users hold no engine permission to update instances).
     */
    public void correlate(String messageName, String processInstanceId, Map<String, Object> variables) {
        asApplication(() -> {
            runtime.createMessageCorrelation(messageName).processInstanceId(processInstanceId).setVariables(variables)
                    .correlateWithResult();
            return null;
        });
    }

    public List<OpenTask> openTasks(String processInstanceId) {
        return toOpenTasks(tasks.createTaskQuery().processInstanceId(processInstanceId).orderByTaskCreateTime().asc().list());
    }

    /** Whether the engine task is still open (not completed, not ended with its scope). Read as the application. */
    public boolean isTaskOpen(String taskId) {
        return asApplication(() -> tasks.createTaskQuery().taskId(taskId).count() > 0);
    }

    /** Whether the process instance still runs (not ended, not cancelled). Read as the application. */
    public boolean isInstanceRunning(String processInstanceId) {
        return asApplication(() -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0);
    }

    public Optional<OpenTask> openTask(String processInstanceId, String taskKey) {
        return openTasks(processInstanceId).stream().filter(t -> t.key().equals(taskKey)).findFirst();
    }

    /** A variable as an open task sees it (its own, else its execution's); read as the application. */
    public Object taskVariable(String taskId, String name) {
        return asApplication(() -> tasks.getVariable(taskId, name));
    }

    /** Open tasks the actor may work: those offered to one of its groups, or assigned to it. */
    public List<OpenTask> tasksFor(Actor actor, int first, int max) {
        TaskQuery query = tasks.createTaskQuery().or().taskCandidateGroupIn(actor.groups()).taskAssignee(actor.username())
                .endOr().orderByDueDate().asc();
        return toOpenTasks(query.listPage(first, max));
    }

    /** How an inbox is ordered. */
    public enum InboxOrder { DUE, DUE_DESC, CREATED, CREATED_DESC }

    /**
     * A page of the steps the actor may work (offered to one of its groups, or held by it), optionally of one process
     * and matching a search in the step's name or its case's id, with the total count of that selection.
     */
    public InboxPage inbox(Actor actor, String processKey, String search, InboxOrder order, int first, int max) {
        TaskQuery query = inboxQuery(actor, processKey, search);
        switch (order) {
            case DUE -> query.orderByDueDate().asc();
            case DUE_DESC -> query.orderByDueDate().desc();
            case CREATED -> query.orderByTaskCreateTime().asc();
            case CREATED_DESC -> query.orderByTaskCreateTime().desc();
        }
        query.orderByTaskId().asc();
        long total = query.count();
        return new InboxPage(toOpenTasks(query.listPage(first, max)), total);
    }

    /** The number of the actor's steps per process key (those with at least one), for the inbox's filters. */
    public Map<String, Long> inboxCounts(Actor actor, List<String> processKeys) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String key : processKeys) {
            long n = inboxQuery(actor, key, null).count();
            if (n > 0) {
                counts.put(key, n);
            }
        }
        return counts;
    }

    /** The keys of the deployed processes, in alphabetical order. */
    public List<String> processKeys() {
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(d -> d.getKey()).distinct().sorted().toList();
    }

    public record InboxPage(List<OpenTask> tasks, long total) {
    }

    private TaskQuery inboxQuery(Actor actor, String processKey, String search) {
        TaskQuery query = tasks.createTaskQuery().or().taskCandidateGroupIn(actor.groups()).taskAssignee(actor.username())
                .endOr();
        if (processKey != null) {
            query.processDefinitionKey(processKey);
        }
        if (search != null && !search.isBlank()) {
            String like = "%" + search.strip().replace("%", "").replace("_", "") + "%";
            query.or().taskNameLike(like).processInstanceBusinessKeyLike(like).endOr();
        }
        return query;
    }

    /** Open tasks past their due date, across every process. */
    public List<OpenTask> overdueTasks(Date now, int first, int max) {
        return toOpenTasks(tasks.createTaskQuery().dueBefore(now).orderByDueDate().asc().listPage(first, max));
    }

    /** Open tasks that have a due date, across every process, oldest first (for reconciling deadline records). */
    public List<OpenTask> tasksWithDueDate(int first, int max) {
        return toOpenTasks(tasks.createTaskQuery().dueAfter(Date.from(Instant.EPOCH)).orderByTaskCreateTime().asc()
                .orderByTaskId().asc().listPage(first, max));
    }

    public boolean mayWork(Actor actor, OpenTask task) {
        return actor.username().equals(task.assignee())
                || task.candidateGroups().stream().anyMatch(actor.groups()::contains);
    }

    /**
     * Completes a task as the actor, with the given form values; the engine's authorization checks and the
     * process's completion listeners run as that actor.
     */
    public void complete(String taskId, Map<String, Object> variables, Actor actor) {
        as(actor, () -> {
            tasks.complete(taskId, variables);
            return null;
        });
    }

    /**
     * Evaluates the latest deployed version of a decision table with plain input values (strings, numbers, booleans)
     * and returns one map per matched rule, output name to value, in the table's order. The evaluation is recorded in
     * the engine's decision history. Runs as the application itself: no user's engine authorizations apply.
     *
     * @throws org.camunda.bpm.engine.exception.dmn.DecisionDefinitionNotFoundException if no decision with that key is
     *         deployed
     */
    public List<Map<String, Object>> evaluateDecision(String decisionKey, Map<String, Object> inputs) {
        try {
            List<Map<String, Object>> results = new ArrayList<>();
            for (DmnDecisionResultEntries entries : decisions.evaluateDecisionByKey(decisionKey).variables(inputs).evaluate()) {
                results.add(new LinkedHashMap<>(entries.getEntryMap()));
            }
            return results;
        } catch (RuntimeException e) {
            throw WorkflowExceptions.unwrap(e);
        }
    }

    /**
     * Sets a process variable of a running instance (a plain value). Runs as the application: the capability has
     * already decided that the actor may make the change this variable records.
     */
    public void setVariable(String processInstanceId, String name, Object value) {
        asApplication(() -> {
            runtime.setVariable(processInstanceId, name, value);
            return null;
        });
    }

    /**
     * Moves the timers of an instance waiting at {@code activityId} (a boundary or catch event) to fire at
     * {@code due} and lets them run; with {@code due == null} holds them (suspended) until they are moved again — a
     * deadline that is stopped has no date to fire at. Timers already fired are gone and stay so. Returns how many
     * timers were changed. Runs as the application, also from inside a listener of a user's step.
     *
     * <p>One engine command changes due date and suspension state of the job together. The engine's own
     * {@code setJobDuedate} and {@code activateJobById} are two commands, and inside a user's step (whose command the
     * nested calls join) the second one's bulk update bumps the job's revision under the first one's entity update,
     * which then fails its optimistic lock.
     */
    public int moveTimers(String processInstanceId, String activityId, Instant due) {
        return asApplication(() -> {
            List<Job> timers = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                    .timers().list();
            CommandExecutor commands = commands();
            for (Job timer : timers) {
                commands.execute(context -> {
                    JobEntity job = context.getJobManager().findJobById(timer.getId());
                    if (job != null) {
                        if (due == null) {
                            job.setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
                        } else {
                            job.setDuedate(Date.from(due));
                            job.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
                        }
                    }
                    return null;
                });
            }
            return timers.size();
        });
    }

    /** Sets the due date of the instance's open tasks with that key (a deadline that moved). Runs as the application. */
    public void setTaskDue(String processInstanceId, String taskKey, Instant due) {
        asApplication(() -> {
            for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).list()) {
                tasks.setDueDate(t.getId(), due == null ? null : Date.from(due));
            }
            return null;
        });
    }

    /** The open step with this id, read as the application; empty once it is done or gone. */
    public Optional<OpenTask> step(String taskId) {
        return asApplication(() -> toOpenTasks(tasks.createTaskQuery().taskId(taskId).list())).stream().findFirst();
    }

    /**
     * The actor takes a step offered to one of its groups (认领), as itself: the engine refuses a step someone else
     * holds ({@link org.hmcflow.shared.web.ConflictException}).
     *
     * @throws org.hmcflow.shared.web.NotFoundException if the step is gone or the actor may not work it
     */
    public void claim(String taskId, Actor actor) {
        OpenTask step = step(taskId).filter(t -> mayWork(actor, t))
                .orElseThrow(() -> new org.hmcflow.shared.web.NotFoundException("step " + taskId));
        if (actor.username().equals(step.assignee())) {
            return;
        }
        if (step.assignee() != null) {
            throw new org.hmcflow.shared.web.ConflictException("hmc.error.step-held", step.assignee());
        }
        as(actor, () -> {
            tasks.claim(taskId, actor.username());
            return null;
        });
    }

    /** The actor hands back a step it holds (取消认领), so its groups see it as open again. */
    public void unclaim(String taskId, Actor actor) {
        OpenTask step = step(taskId).filter(t -> mayWork(actor, t))
                .orElseThrow(() -> new org.hmcflow.shared.web.NotFoundException("step " + taskId));
        if (!actor.username().equals(step.assignee())) {
            throw new org.hmcflow.shared.web.ConflictException("hmc.error.step-not-held");
        }
        as(actor, () -> {
            tasks.setAssignee(taskId, null);
            return null;
        });
    }

    /**
     * Gives an open step to one user (or takes it back from its user with {@code null}), as the application: the
     * caller has checked who may and to whom. The step's candidate groups stay.
     *
     * @return false if the step is gone (done or ended meanwhile)
     */
    public boolean assignStep(String taskId, String username) {
        return asApplication(() -> {
            if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                return false;
            }
            tasks.setAssignee(taskId, username);
            return true;
        });
    }

    /**
     * Hands a step offered to {@code fromGroup} over to {@code toGroup} (another department), in one engine command,
     * and tells it as a {@link StepEvent} with its new groups. Runs as the application; the caller checks who may.
     *
     * @return false if the step is gone (done or ended meanwhile)
     */
    public boolean moveStepToGroup(String taskId, String fromGroup, String toGroup) {
        return asApplication(() -> commands().execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return false;
            }
            // the task's identity links are not re-read within the command, so the new groups are computed here
            List<String> groups = new ArrayList<>(StepEventPublisher.candidateGroups(task));
            groups.remove(fromGroup);
            if (!groups.contains(toGroup)) {
                groups.add(toGroup);
            }
            task.addCandidateGroup(toGroup);
            task.deleteCandidateGroup(fromGroup);
            StepEventPublisher.tell(events, task, StepEvent.Kind.CHANGED, groups);
            return true;
        }));
    }

    /** How a timer attached to a step moves when the step's due date moves from {@code oldDue} to {@code newDue}. */
    @FunctionalInterface
    public interface TimerShift {
        Instant shift(Instant timerDue, Instant oldDue, Instant newDue);
    }

    /** A step whose deadline moved: the old and new due date (old may be null) and how many of its timers moved. */
    public record MovedDeadline(String taskId, String taskKey, String processInstanceId, Instant oldDue, Instant newDue,
                                int timersMoved) {
    }

    /**
     * Moves a step's deadline, in one engine command: sets the task's due date (its update listeners run, so the
     * step's {@link StepEvent#kind() CHANGED} event moves whatever follows it) and moves the timers of the boundary
     * events attached to the step's activity — reminder, overdue, due — by {@code shift}. Only the timers of the
     * task's own execution move: in a multi-instance step or sub-process, the other instances keep theirs, and a timer
     * on the multi-instance body is not this step's. Fired timers are gone and stay so; a held (suspended) timer moves
     * and stays held. Runs as the application; the caller decides who may.
     *
     * @return empty if the step is gone (done or ended meanwhile)
     * @throws ConflictException if someone changed the step at the same time
     */
    public Optional<MovedDeadline> moveStepDeadline(String taskId, Instant newDue, TimerShift shift) {
        Objects.requireNonNull(newDue, "newDue");
        Objects.requireNonNull(shift, "shift");
        try {
            return asApplication(() -> Optional.ofNullable(commands().execute(context -> {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task == null) {
                    return null;
                }
                Instant oldDue = task.getDueDate() == null ? null : task.getDueDate().toInstant();
                int moved = 0;
                if (oldDue != null && task.getExecutionId() != null) {
                    Set<String> attached = timerBoundaryEvents(context.getProcessEngineConfiguration().getDeploymentCache()
                            .findBpmnModelInstanceForProcessDefinition(task.getProcessDefinitionId()), task.getTaskDefinitionKey());
                    for (JobEntity job : context.getJobManager().findJobsByExecutionId(task.getExecutionId())) {
                        if (job instanceof TimerEntity && attached.contains(job.getActivityId()) && job.getDuedate() != null) {
                            job.setDuedate(Date.from(shift.shift(job.getDuedate().toInstant(), oldDue, newDue)));
                            moved++;
                        }
                    }
                }
                task.setDueDate(Date.from(newDue));
                task.triggerUpdateEvent();
                return new MovedDeadline(task.getId(), task.getTaskDefinitionKey(), task.getProcessInstanceId(), oldDue,
                        newDue, moved);
            })));
        } catch (OptimisticLockingException e) {
            throw new ConflictException("hmc.error.concurrent-change");
        }
    }

    /** The ids of the timer boundary events attached to the activity. */
    private static Set<String> timerBoundaryEvents(BpmnModelInstance model, String activityId) {
        return model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(b -> b.getAttachedTo() != null && activityId.equals(b.getAttachedTo().getId()))
                .filter(b -> b.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance))
                .map(BoundaryEvent::getId).collect(Collectors.toSet());
    }

    /**
     * An open step with a due date, and the due-date expression its model gives it ({@code ${deadlines.due('rule')}},
     * {@code ${decisionDue}}, or null).
     */
    public record StepDue(String taskId, String taskKey, String processInstanceId, String processKey,
                          String businessKey, Instant created, Instant due, String dueExpression) {
    }

    /** The open steps due at or after {@code from}, oldest first (e.g. those reaching into a year just covered). */
    public List<StepDue> stepsDueFrom(Instant from) {
        return asApplication(() -> {
            List<StepDue> result = new ArrayList<>();
            int page = 500;
            for (int first = 0; ; first += page) {
                List<Task> batch = tasks.createTaskQuery().dueAfter(Date.from(from.minusMillis(1)))
                        .orderByTaskCreateTime().asc().orderByTaskId().asc().listPage(first, page);
                for (Task t : batch) {
                    String expression = null;
                    if (repository.getBpmnModelInstance(t.getProcessDefinitionId())
                            .getModelElementById(t.getTaskDefinitionKey()) instanceof UserTask userTask) {
                        expression = userTask.getCamundaDueDate();
                    }
                    var instance = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                            .singleResult();
                    result.add(new StepDue(t.getId(), t.getTaskDefinitionKey(), t.getProcessInstanceId(),
                            processKeyOf(t.getProcessDefinitionId()), instance == null ? null : instance.getBusinessKey(),
                            t.getCreateTime().toInstant(), t.getDueDate().toInstant(), expression));
                }
                if (batch.size() < page) {
                    return result;
                }
            }
        });
    }

    public List<Incident> openIncidents(int first, int max) {
        return runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(first, max);
    }

    public String processKeyOf(String processDefinitionId) {
        return repository.getProcessDefinition(processDefinitionId).getKey();
    }

    /** Runs engine calls as the actor (engine authorization, listeners that ask who acts), then forgets it. */
    private <T> T as(Actor actor, Supplier<T> work) {
        identity.setAuthentication(actor.username(), actor.groups());
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw WorkflowExceptions.unwrap(e);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Runs engine calls as the application itself: no user's engine authorizations apply. Inside a user's command
     * (a completion listener) the user's authentication is put back afterwards, so the rest of that command still
     * runs as the user.
     */
    <T> T asApplication(Supplier<T> work) {
        Authentication user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw WorkflowExceptions.unwrap(e);
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }

    /**
     * A page of tasks with their details, in two statements whatever the page's size: the list, then {@link TaskDetails}
     * for all of it. A task completed by someone else between the two is gone from the answer, not an error.
     */
    private List<OpenTask> toOpenTasks(List<Task> list) {
        List<String> ids = list.stream().map(Task::getId).toList();
        afterListing.accept(ids);
        Map<String, TaskDetails.Detail> details = TaskDetails.of(commands(), ids);
        List<OpenTask> result = new ArrayList<>();
        for (Task t : list) {
            TaskDetails.Detail detail = details.get(t.getId());
            if (detail != null) {
                result.add(new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getProcessInstanceId(),
                        detail.processKey(), detail.businessKey(), detail.candidateGroups(), t.getAssignee(),
                        t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant()));
            }
        }
        return result;
    }

    private CommandExecutor commands() {
        return ((ServiceImpl) management).getCommandExecutor();
    }

    /**
     * Test seam: {@code hook} runs after a task list is read and before its details are, with the listed task ids, so a
     * test can complete a listed task in between as another user would. {@code null} puts the no-op back.
     */
    void afterListing(Consumer<List<String>> hook) {
        this.afterListing = hook == null ? ids -> { } : hook;
    }
}
