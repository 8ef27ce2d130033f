package org.hmcflow.shared.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;

/**
 * Process variables are IDs and plain values. The one exception is a form's list field ({@link FormLists}): when a
 * user task completes, or an instance starts from a start form, any structured value (Json, Xml, Object, File, Bytes)
 * the step can see must be one of its form's list fields, or the step is refused with the field named and nothing is
 * kept. After the step's own listeners have read them, its list fields are removed from the instance.
 *
 * <p>Installed on every user task and start event by {@link EngineHardeningPlugin} as a parse listener: the check runs
 * before the step's own listeners, the removal after them.
 */
final class FormListGuard extends AbstractBpmnParseListener {

    /** Puts a refusal in the user's language (Tasklist shows the message); a bean, so looked up when first needed. */
    private final Supplier<TasklistErrors> errors;

    FormListGuard(Supplier<TasklistErrors> errors) {
        this.errors = errors;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        Set<String> lists = FormLists.of(formRef(element));
        var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, (TaskListener) task -> errors.get().explain(() -> check(task, lists)));
        definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, (TaskListener) task -> remove(task.getExecution(), lists));
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        Set<String> lists = FormLists.of(formRef(element));
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> errors.get().explain(() -> check(execution, lists)));
        activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> remove(execution, lists));
    }

    private static String formRef(Element element) {
        return element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
    }

    /** Refuses every structured value the step may not carry. */
    static void check(VariableScope scope, Set<String> lists) {
        List<FieldProblem> problems = new ArrayList<>();
        // by name and getValueTyped: a VariableMap's entries hold the plain values, never the TypedValue
        VariableMap variables = scope.getVariablesTyped(false);
        for (String name : variables.keySet()) {
            if (isStructured(variables.getValueTyped(name)) && !lists.contains(name)) {
                problems.add(new FieldProblem(name, "hmc.validation.json-not-allowed"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems, "structured values refused: "
                    + problems.stream().map(FieldProblem::field).toList());
        }
    }

    private static boolean isStructured(Object value) {
        ValueType type = value instanceof TypedValue typed ? typed.getType() : null;
        return type != null && (!type.isPrimitiveValueType() || type == ValueType.BYTES);
    }

    private static void remove(DelegateExecution execution, Set<String> lists) {
        if (execution != null) {
            lists.forEach(execution::removeVariable);
        }
    }
}
