package org.hmcflow.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The rules every BPMN file in {@code processes/} keeps, whichever lifecycle it belongs to: a diagram Camunda
 * Modeler draws as modelled (a shape for every flow node, an edge for every flow touching both ends, boundary events
 * on their host's border), no scripts, ids and names that mean something, delegate and listener expressions only
 * of whitelisted beans, and a place in Tasklist's start list only where a start form collects what the process needs —
 * the others start from their cases and refuse any other start ({@code ${startedByService}}). The per-process model
 * tests check what is particular to each process.
 */
class ProcessFilesTest {

    private static final Pattern MEANINGFUL_ID = Pattern.compile("[A-Z][A-Za-z]+_[A-Za-z]+");
    private static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");

    static List<Path> bpmnFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("processes"))) {
            return walk.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    private static BpmnModelInstance read(Path file) {
        return Bpmn.readModelFromFile(file.toFile());
    }

    @Test
    void theProcessesFolderHoldsEveryLifecycle() throws IOException {
        assertThat(bpmnFiles()).extracting(p -> p.getFileName().toString()).contains("hazard-lifecycle.bpmn",
                "permit-application.bpmn", "inspection.bpmn", "enforcement.bpmn");
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyFlowNodeHasAShapeAndEveryFlowAnEdgeTouchingBothEnds(Path file) {
        BpmnModelInstance model = read(file);
        Map<String, Bounds> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .collect(Collectors.toMap(shape -> shape.getBpmnElement().getId(), BpmnShape::getBounds));
        Map<String, BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .collect(Collectors.toMap(edge -> edge.getBpmnElement().getId(), Function.identity()));
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(shapes).as(file + ": DI shape of " + node.getId()).containsKey(node.getId());
        }
        for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
            Bounds event = shapes.get(boundary.getId());
            Bounds host = shapes.get(boundary.getAttachedTo().getId());
            assertOnEdge(file + ": " + boundary.getId() + " centre on its host's border", event.getX()
                    + event.getWidth() / 2, event.getY() + event.getHeight() / 2, host);
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(edges).as(file + ": DI edge of " + flow.getId()).containsKey(flow.getId());
            List<Waypoint> points = new ArrayList<>(edges.get(flow.getId()).getWaypoints());
            assertTouches(file + ": " + flow.getId() + " start", points.get(0), shapes.get(flow.getSource().getId()));
            assertTouches(file + ": " + flow.getId() + " end", points.get(points.size() - 1),
                    shapes.get(flow.getTarget().getId()));
        }
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void noScriptsAndEveryIdAndNameMeansSomething(Path file) {
        BpmnModelInstance model = read(file);
        assertThat(model.getModelElementsByType(ScriptTask.class)).as(file + " script tasks").isEmpty();
        assertThat(model.getModelElementsByType(CamundaScript.class)).as(file + " scripts").isEmpty();
        Set<BaseElement> processes = new HashSet<>(model.getModelElementsByType(Process.class));
        List<String> ids = model.getModelElementsByType(BaseElement.class).stream().filter(e -> !processes.contains(e))
                .map(BaseElement::getId).filter(id -> id != null).toList();
        assertThat(ids).as(file + " ids").allSatisfy(id -> assertThat(id).matches(MEANINGFUL_ID));
        assertThat(model.getModelElementsByType(FlowNode.class)).allSatisfy(node ->
                assertThat(node.getName()).as(file + ": " + node.getId() + " name: 中文 English")
                        .matches("\\p{IsHan}.* [A-Z].*"));
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void everyDelegateAndListenerExpressionNamesAWhitelistedBean(Path file) throws ClassNotFoundException {
        BpmnModelInstance model = read(file);
        List<String> expressions = new ArrayList<>();
        model.getModelElementsByType(ServiceTask.class).forEach(s -> expressions.add(s.getCamundaDelegateExpression()));
        model.getModelElementsByType(CamundaTaskListener.class)
                .forEach(l -> expressions.add(l.getCamundaDelegateExpression()));
        model.getModelElementsByType(CamundaExecutionListener.class)
                .forEach(l -> expressions.add(l.getCamundaDelegateExpression()));
        assertThat(expressions).as(file.toString()).isNotEmpty();
        Set<String> whitelisted = whitelistedBeans();
        for (String expression : expressions) {
            Matcher m = BEAN.matcher(expression == null ? "" : expression);
            assertThat(m.matches()).as(file + ": " + expression + " is ${bean}").isTrue();
            assertThat(whitelisted).as(file + ": " + expression).contains(m.group(1));
        }
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void startableInTasklistExactlyWhenItsStartEventHasAFormTheOthersOnlyByAService(Path file) {
        for (Process process : read(file).getModelElementsByType(Process.class)) {
            List<StartEvent> starts = process.getChildElementsByType(StartEvent.class).stream().toList();
            boolean hasStartForm = starts.stream().anyMatch(s -> s.getCamundaFormRef() != null);
            assertThat(process.isCamundaStartableInTasklist()).as(file + " " + process.getId()).isEqualTo(hasStartForm);
            if (!hasStartForm) {
                for (StartEvent start : starts) {
                    assertThat(start.getExtensionElements()).as(file + " " + start.getId()).isNotNull();
                    assertThat(start.getExtensionElements().getElementsQuery()
                            .filterByType(CamundaExecutionListener.class).list())
                            .as(file + " " + start.getId())
                            .extracting(CamundaExecutionListener::getCamundaDelegateExpression)
                            .contains("${startedByService}");
                }
            }
        }
    }

    /** The beans processes may name: components marked {@link WorkflowBean}, by their component name. */
    private static Set<String> whitelistedBeans() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(WorkflowBean.class));
        Set<String> names = new HashSet<>();
        for (BeanDefinition d : scanner.findCandidateComponents("org.hmcflow")) {
            Component component = Class.forName(d.getBeanClassName()).getAnnotation(Component.class);
            if (component != null && !component.value().isEmpty()) {
                names.add(component.value());
            }
        }
        return names;
    }

    private static void assertTouches(String what, Waypoint point, Bounds bounds) {
        assertOnEdge(what, point.getX(), point.getY(), bounds);
    }

    private static void assertOnEdge(String what, double x, double y, Bounds bounds) {
        double left = bounds.getX();
        double top = bounds.getY();
        double right = left + bounds.getWidth();
        double bottom = top + bounds.getHeight();
        boolean within = x >= left - 1 && x <= right + 1 && y >= top - 1 && y <= bottom + 1;
        boolean onEdge = Math.abs(x - left) <= 1 || Math.abs(x - right) <= 1 || Math.abs(y - top) <= 1
                || Math.abs(y - bottom) <= 1;
        assertThat(within && onEdge).as("%s (%s, %s)", what, x, y).isTrue();
    }
}
