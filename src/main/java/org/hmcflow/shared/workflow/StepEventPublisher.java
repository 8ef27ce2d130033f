package org.hmcflow.shared.workflow;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Tells every user task's life as {@link StepEvent}s: installed on each user task by {@link EngineHardeningPlugin}.
 * The listeners are added after the model's own, so a step's create listener that sets the due date or the groups has
 * run before {@code OPENED} is told.
 */
final class StepEventPublisher extends AbstractBpmnParseListener {

    private final Supplier<ApplicationEventPublisher> events;

    StepEventPublisher(Supplier<ApplicationEventPublisher> events) {
        this.events = events;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, (TaskListener) task -> tell(task, StepEvent.Kind.OPENED));
        definition.addTaskListener(TaskListener.EVENTNAME_UPDATE, (TaskListener) task -> tell(task, StepEvent.Kind.CHANGED));
        definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, (TaskListener) task -> tell(task, StepEvent.Kind.CHANGED));
        definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, (TaskListener) task -> tell(task, StepEvent.Kind.DONE));
        definition.addTaskListener(TaskListener.EVENTNAME_DELETE, (TaskListener) task -> tell(task, StepEvent.Kind.CANCELLED));
    }

    private void tell(DelegateTask task, StepEvent.Kind kind) {
        tell(events.get(), task, kind);
    }

    /** Tells what happened to the task, with its current groups, assignee and due date. */
    static void tell(ApplicationEventPublisher events, DelegateTask task, StepEvent.Kind kind) {
        tell(events, task, kind, candidateGroups(task));
    }

    /** The task's candidate groups, sorted. */
    static List<String> candidateGroups(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).sorted().toList();
    }

    /** Tells what happened to the task, with the given groups (when the task's own are not current yet). */
    static void tell(ApplicationEventPublisher events, DelegateTask task, StepEvent.Kind kind, List<String> groups) {
        DelegateExecution execution = task.getExecution();
        if (execution == null) {
            return; // a standalone task: no lifecycle
        }
        ExecutionEntity root = ((ExecutionEntity) execution).getProcessInstance();
        while (root.getSuperExecution() != null) {
            root = root.getSuperExecution().getProcessInstance();
        }
        Object enterprise = execution.getVariable("enterpriseId");
        events.publishEvent(new StepEvent(kind, task.getId(), task.getTaskDefinitionKey(), task.getName(),
                task.getProcessInstanceId(), root.getProcessDefinition().getKey(), root.getBusinessKey(),
                enterprise instanceof Number n ? n.longValue() : null, groups, task.getAssignee(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant()));
    }
}
