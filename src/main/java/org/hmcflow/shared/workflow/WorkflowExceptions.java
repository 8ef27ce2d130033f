package org.hmcflow.shared.workflow;

import org.camunda.bpm.engine.AuthorizationException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;

/** Turns what the engine throws into the application's own exceptions, so the web layer answers clearly. */
final class WorkflowExceptions {

    private WorkflowExceptions() {
    }

    static RuntimeException unwrap(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException invalid) {
                return invalid;
            }
            if (t instanceof AuthorizationException) {
                return new ForbiddenException("hmc.error.not-your-task");
            }
        }
        return e;
    }
}
