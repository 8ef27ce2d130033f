package org.hmcflow.shared.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.Workflow;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 我的待办 — the steps offered to me, my department or my enterprise, across every lifecycle. */
@RestController
@Tag(name = "Tasks 待办")
class MyTasksController {

    private final Workflow workflow;

    MyTasksController(Workflow workflow) {
        this.workflow = workflow;
    }

    @GetMapping("/api/tasks")
    @Operation(summary = "My open steps, earliest deadline first")
    List<OpenTask> mine(@RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return workflow.tasksFor(CurrentActor.get(), page * size, size);
    }
}
