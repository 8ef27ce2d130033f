package org.hmcflow.permit.report.delegates;

import static org.hmcflow.permit.report.ExecutionReportProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.hmcflow.permit.report.ExecutionReportProcess;
import org.hmcflow.permit.report.ExecutionReportWorkflow;
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

    /** {@code ${executionReportTaskCreated}} — clears the review's answers of its last round. */
    @Component("executionReportTaskCreated")
    @WorkflowBean
    static class TaskCreated implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            for (String field : ExecutionReportProcess.FIELDS_CLEARED_ON_START.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
                task.getExecution().removeVariable(field);
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
            FormValues form = new FormValues(task::getVariable);
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
