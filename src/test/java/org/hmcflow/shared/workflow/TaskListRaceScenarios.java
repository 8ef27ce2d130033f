package org.hmcflow.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.hmcflow.support.ApiClient;
import org.hmcflow.support.ApiClient.Response;
import org.hmcflow.support.ApiScenarios;
import org.hmcflow.support.StatementCounter;
import org.hmcflow.support.StatementCounter.Counted;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Task lists while other users complete the listed tasks (issue 12): a task completed between reading the list and
 * reading its details — also the last task of its instance, which ends with it — is left out, and the list answers;
 * a page costs the same number of statements whether it holds 5 tasks or 50. {@link Workflow#afterListing} completes
 * the tasks at exactly that moment, so the race happens every time instead of once in a hundred runs.
 */
abstract class TaskListRaceScenarios extends ApiScenarios {

    /** Two parallel steps: completing one leaves the instance running. */
    static final String TWO_STEPS = "task-list-race-two-steps";
    /** One step: completing it ends the instance. */
    static final String ONE_STEP = "task-list-race-one-step";
    /**
     * A department no demo user belongs to. The test actor's other group is hmc-enterprise, which no process offers
     * steps to (other tests' processes do offer some to hmc-reviewer): it sees this test's tasks and nothing else.
     */
    static final String GROUP = "task-list-race";
    /** The demo user whose department (清城区人民政府) has the fewest other tasks, for the HTTP lists. */
    static final String COUNTY_GROUP = "gov-qingcheng";
    /** Earlier than any other test's deadline: these tasks head every list ordered by due date. */
    static final Date LONG_OVERDUE = Date.from(Instant.parse("2000-01-03T01:00:00Z"));

    @Autowired
    Workflow workflow;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;

    private final Actor actor = new Actor("task-list-racer", "Racer", Role.ENTERPRISE, GROUP, null);
    private final List<String> deployments = new ArrayList<>();
    /** The tasks the hook completes when a list names them (once each). */
    private final Set<String> completeWhenListed = ConcurrentHashMap.newKeySet();
    private final Set<String> completedByHook = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void deployAndHook() {
        deploy(Bpmn.createExecutableProcess(TWO_STEPS).camundaHistoryTimeToLive(1)
                .startEvent()
                .parallelGateway("Gateway_Fork")
                .userTask("Task_First").camundaCandidateGroups("${group}").camundaDueDate("${due}")
                .parallelGateway("Gateway_Join")
                .endEvent()
                .moveToNode("Gateway_Fork")
                .userTask("Task_Second").camundaCandidateGroups("${group}").camundaDueDate("${due}")
                .connectTo("Gateway_Join")
                .done());
        deploy(Bpmn.createExecutableProcess(ONE_STEP).camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Only").camundaCandidateGroups("${group}").camundaDueDate("${due}")
                .endEvent()
                .done());
        workflow.afterListing(ids -> ids.stream().filter(completeWhenListed::remove).forEach(id -> {
            taskService.complete(id);
            completedByHook.add(id);
        }));
    }

    @AfterEach
    void unhookAndUndeploy() {
        workflow.afterListing(null);
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    @Test
    void myTasksLeaveOutTasksCompletedBetweenTheListAndItsDetails() {
        String both = start(TWO_STEPS, "race-1", GROUP);
        String single = start(ONE_STEP, "race-2", GROUP);
        String first = task(both, "Task_First");
        String second = task(both, "Task_Second");
        String only = task(single, "Task_Only");
        completeWhenListed.addAll(List.of(first, only));

        List<OpenTask> listed = workflow.tasksFor(actor, 0, 500);

        assertThat(completedByHook).containsExactlyInAnyOrder(first, only);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(single).count()).as("instance ended").isZero();
        assertThat(listed).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(second);
            assertThat(t.key()).isEqualTo("Task_Second");
            assertThat(t.processKey()).isEqualTo(TWO_STEPS);
            assertThat(t.businessKey()).isEqualTo("race-1");
            assertThat(t.candidateGroups()).containsExactly(GROUP);
            assertThat(t.due()).isEqualTo(LONG_OVERDUE.toInstant());
        });
    }

    @Test
    void anInstancesOpenTasksLeaveOutTheOneCompletedMeanwhileAndAnEndedInstanceHasNone() {
        String both = start(TWO_STEPS, "race-3", GROUP);
        String single = start(ONE_STEP, "race-4", GROUP);
        completeWhenListed.add(task(both, "Task_First"));
        completeWhenListed.add(task(single, "Task_Only"));

        assertThat(workflow.openTasks(both)).extracting(OpenTask::key).containsExactly("Task_Second");
        assertThat(workflow.openTasks(single)).isEmpty();
        assertThat(workflow.openTask(single, "Task_Only")).isEmpty();
        assertThat(completeWhenListed).isEmpty();
    }

    @Test
    void theOverdueListLeavesOutTasksCompletedMeanwhile() {
        String both = start(TWO_STEPS, "race-5", GROUP);
        String single = start(ONE_STEP, "race-6", GROUP);
        String second = task(both, "Task_Second");
        completeWhenListed.add(task(both, "Task_First"));
        completeWhenListed.add(task(single, "Task_Only"));

        List<OpenTask> overdue = workflow.overdueTasks(Date.from(clock.now()), 0, 500);

        assertThat(completeWhenListed).as("the hook saw them listed").isEmpty();
        assertThat(overdue).filteredOn(t -> t.processKey().startsWith("task-list-race")).singleElement()
                .satisfies(t -> {
                    assertThat(t.id()).isEqualTo(second);
                    assertThat(t.businessKey()).isEqualTo("race-5");
                });
    }

    @Test
    void theHomePageMyTasksAndTheOverdueListAnswerWhileTheirTasksAreCompleted() {
        ApiClient county = new ApiClient(port, "county");
        String both = start(TWO_STEPS, "race-7", COUNTY_GROUP);
        String single = start(ONE_STEP, "race-8", COUNTY_GROUP);
        String first = task(both, "Task_First");
        String second = task(both, "Task_Second");
        String only = task(single, "Task_Only");

        completeWhenListed.addAll(List.of(first, only));
        Response mine = county.get("/api/tasks?size=500");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(completeWhenListed).as("listed, then completed").isEmpty();
        assertThat(mine.json().findValuesAsText("id")).contains(second).doesNotContain(first, only);

        String both2 = start(TWO_STEPS, "race-9", COUNTY_GROUP);
        String single2 = start(ONE_STEP, "race-10", COUNTY_GROUP);
        String first2 = task(both2, "Task_First");
        String only2 = task(single2, "Task_Only");
        completeWhenListed.addAll(List.of(second, first2, only2));
        Response home = county.get("/");
        assertThat(home.status()).as(home.body()).isEqualTo(200);
        assertThat(completeWhenListed).as("listed, then completed").isEmpty();
        assertThat(home.body()).contains("/tasks/" + task(both2, "Task_Second") + "\"")
                .doesNotContain("/tasks/" + second + "\"", "/tasks/" + first2 + "\"", "/tasks/" + only2 + "\"");

        String single3 = start(ONE_STEP, "race-11", COUNTY_GROUP);
        completeWhenListed.add(task(single3, "Task_Only"));
        Response overdue = supervisor.get("/api/supervision/overdue?size=500");
        assertThat(overdue.status()).as(overdue.body()).isEqualTo(200);
        assertThat(completeWhenListed).as("listed, then completed").isEmpty();
        assertThat(overdue.json().findValuesAsText("caseId")).doesNotContain("race-11").contains("race-9");
    }

    @Test
    void aPageOfFiftyTasksCostsAsManyStatementsAsAPageOfFive() {
        for (int i = 0; i < 50; i++) {
            start(ONE_STEP, "race-page-" + i, GROUP);
        }
        workflow.tasksFor(actor, 0, 50); // caches warm

        Counted<List<OpenTask>> five = StatementCounter.count(() -> workflow.tasksFor(actor, 0, 5));
        Counted<List<OpenTask>> fifty = StatementCounter.count(() -> workflow.tasksFor(actor, 0, 50));
        Counted<List<OpenTask>> overdueFive = StatementCounter.count(
                () -> workflow.overdueTasks(Date.from(clock.now()), 0, 5));
        Counted<List<OpenTask>> overdueFifty = StatementCounter.count(
                () -> workflow.overdueTasks(Date.from(clock.now()), 0, 50));

        assertThat(five.result()).hasSize(5);
        assertThat(fifty.result()).hasSize(50).allSatisfy(t -> {
            assertThat(t.businessKey()).startsWith("race-page-");
            assertThat(t.candidateGroups()).containsExactly(GROUP);
            assertThat(t.processKey()).isEqualTo(ONE_STEP);
        });
        assertThat(overdueFive.result()).hasSize(5);
        assertThat(overdueFifty.result()).hasSize(50);
        // the list, then the details of all of it
        assertThat(five.statements()).as("page of 5").isEqualTo(2);
        assertThat(fifty.statements()).as("page of 50").isEqualTo(five.statements());
        assertThat(overdueFifty.statements()).as("overdue page of 50").isEqualTo(overdueFive.statements()).isEqualTo(2);
    }

    private String start(String processKey, String businessKey, String group) {
        return runtime.startProcessInstanceByKey(processKey, businessKey, Map.of("group", group, "due", LONG_OVERDUE))
                .getId();
    }

    private String task(String processInstanceId, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult();
        return task.getId();
    }

    private void deploy(BpmnModelInstance model) {
        deployments.add(repository.createDeployment().name("task-list-race-test")
                .addModelInstance(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
                        .iterator().next().getId() + ".bpmn", model).deploy().getId());
    }
}
