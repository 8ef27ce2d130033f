package org.hmcflow.shared.workflow;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Test only: a whitelisted delegate that always fails, so a job runs out of retries and becomes an incident. */
@Component("alwaysFailingTestDelegate")
@WorkflowBean
class AlwaysFailingTestDelegate implements JavaDelegate {

    static final String MESSAGE = "always fails (test delegate)";

    final AtomicInteger calls = new AtomicInteger();

    @Override
    public void execute(DelegateExecution execution) {
        calls.incrementAndGet();
        throw new IllegalStateException(MESSAGE);
    }
}
