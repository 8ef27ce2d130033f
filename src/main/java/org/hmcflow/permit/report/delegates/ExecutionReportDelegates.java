package org.hmcflow.permit.report.delegates;

import static org.hmcflow.permit.report.ExecutionReportProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.permit.report.ExecutionReportProcess;
import org.hmcflow.permit.report.ExecutionReportWorkflow;
import org.hmcflow.shared.workflow.FormLists;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.shared.workflow.TasklistErrors;
import org.hmcflow.shared.workflow.WorkflowActors;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;

/** The service task and task listeners of {@code permit-execution-report}; each calls {@link ExecutionReportWorkflow}. */
final class ExecutionReportDelegates {

    private ExecutionReportDelegates() {
    }

    static Long reportId(Object value) {
        return ((Number) value).longValue();
    }

    /**
     * A submitted value. The emission rows are offered as a task-local variable: Tasklist's form submission updates
     * that task variable, but {@code TaskService.complete} (our API, process tests) sets the execution's, which the
     * offer would shadow — so the execution's value, when there is one, is the one submitted.
     */
    static Object submitted(DelegateTask task, String name) {
        return F_ACTUAL_EMISSIONS.equals(name) && task.getExecution().hasVariable(name)
                ? task.getExecution().getVariable(name) : task.getVariable(name);
    }

    /** {@code ${openExecutionReport}} — the period ended: the report may be filed. */
    @Component("openExecutionReport")
    @WorkflowBean
    static class OpenReport implements JavaDelegate {
        private final ExecutionReportWorkflow workflow;

        OpenReport(ExecutionReportWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void execute(DelegateExecution execution) {
            workflow.open(reportId(execution.getVariable(VAR_REPORT_ID)));
        }
    }

    /**
     * {@code ${executionReportTaskCreated}} — clears the step's answers of its last round; offers the filing form one
     * emission row per permitted pollutant, and shows the review what was filed (both task-local: they go with the task).
     */
    @Component("executionReportTaskCreated")
    @WorkflowBean
    static class TaskCreated implements TaskListener {
        private final ExecutionReportWorkflow workflow;

        TaskCreated(ExecutionReportWorkflow workflow) {
            this.workflow = workflow;
        }

        @Override
        public void notify(DelegateTask task) {
            for (String field : ExecutionReportProcess.FIELDS_CLEARED_ON_START.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
                task.getExecution().removeVariable(field);
            }
            Long reportId = reportId(task.getVariable(VAR_REPORT_ID));
            if (TASK_FILE.equals(task.getTaskDefinitionKey())) {
                task.setVariableLocal(F_ACTUAL_EMISSIONS, FormLists.value(workflow.offeredEmissions(reportId)));
            } else if (TASK_REVIEW.equals(task.getTaskDefinitionKey())) {
                task.setVariableLocal(VAR_REPORTED_EMISSIONS, workflow.reportedEmissions(reportId));
            }
        }
    }

    /**
     * {@code ${executionReportTaskCompleted}} — checks and records a filing or a review; a bad value aborts the
     * completion with every field named in the user's language (Tasklist shows the engine's error text).
     */
    @Component("executionReportTaskCompleted")
    @WorkflowBean
    static class TaskCompleted implements TaskListener {
        private final ExecutionReportWorkflow workflow;
        private final WorkflowActors actors;
        private final TasklistErrors errors;

        TaskCompleted(ExecutionReportWorkflow workflow, WorkflowActors actors, TasklistErrors errors) {
            this.workflow = workflow;
            this.actors = actors;
            this.errors = errors;
        }

        @Override
        public void notify(DelegateTask task) {
            Long reportId = reportId(task.getVariable(VAR_REPORT_ID));
            FormValues form = new FormValues(name -> submitted(task, name));
            errors.explain(() -> {
                switch (task.getTaskDefinitionKey()) {
                    case TASK_FILE -> workflow.file(reportId, form, actors.current());
                    case TASK_REVIEW -> workflow.review(reportId, form, actors.current(),
                            (name, value) -> task.getExecution().setVariable(name, value));
                    default -> throw new IllegalStateException("no completion rule for task " + task.getTaskDefinitionKey());
                }
            });
        }
    }
}
