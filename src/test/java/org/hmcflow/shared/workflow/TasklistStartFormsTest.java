package org.hmcflow.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.junit.jupiter.api.Test;

/**
 * Tasklist's "Start process" offers a process only where a start form collects what it needs: a process started by
 * our services (its variables are ids the service made) is hidden there, and its start event refuses a start by
 * anything but a service ({@code ${startedByService}}), so nobody starts an instance that cannot run or names a case
 * that is not theirs.
 */
class TasklistStartFormsTest {

    @Test
    void aProcessIsStartableInTasklistExactlyWhenItsStartEventHasAForm() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("processes"))) {
            files = walk.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int startable = 0;
        for (Path file : files) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class)) {
                boolean hasStartForm = process.getChildElementsByType(StartEvent.class).stream()
                        .anyMatch(s -> s.getCamundaFormRef() != null);
                assertThat(process.isCamundaStartableInTasklist()).as(file + " " + process.getId()).isEqualTo(hasStartForm);
                if (!hasStartForm) {
                    // the rest start from their cases only: their start event refuses any other start
                    for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
                        assertThat(start.getExtensionElements().getElementsQuery()
                                .filterByType(CamundaExecutionListener.class).list())
                                .as(file + " " + start.getId())
                                .extracting(CamundaExecutionListener::getCamundaDelegateExpression)
                                .contains("${startedByService}");
                    }
                }
                startable += hasStartForm ? 1 : 0;
            }
        }
        assertThat(startable).as("the permit application is filed in Tasklist").isGreaterThanOrEqualTo(1);
    }
}
