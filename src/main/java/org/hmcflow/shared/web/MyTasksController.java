package org.hmcflow.shared.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.hmcflow.shared.workflow.StepForms;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
    private final StepForms forms;

    MyTasksController(Workflow workflow, StepForms forms) {
        this.workflow = workflow;
        this.forms = forms;
    }

    /** A step's form in the caller's language, with the values it shows; what the portal renders. */
    record StepFormView(String taskId, String formId, JsonNode schema, Map<String, Object> data) {
    }

    @GetMapping("/api/tasks/{taskId}/form")
    @Operation(summary = "The step's form (forms/, in the caller's language) and the values it shows")
    ResponseEntity<StepFormView> form(@PathVariable String taskId, Locale locale) {
        return forms.of(taskId, CurrentActor.get())
                .map(f -> ResponseEntity.ok(new StepFormView(f.taskId(), f.formId(), Bilingual.form(f.schema(), locale),
                        f.data())))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/api/tasks/{taskId}/complete")
    @Operation(summary = "Complete a step with its form's values (the same check as Tasklist and each lifecycle's API)")
    ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody Map<String, Object> values) {
        forms.submit(taskId, values, CurrentActor.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/claim")
    @Operation(summary = "认领 — take a step offered to my group (409 if someone else holds it)")
    ResponseEntity<Void> claim(@PathVariable String taskId) {
        workflow.claim(taskId, CurrentActor.get());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/unclaim")
    @Operation(summary = "取消认领 — hand back a step I hold")
    ResponseEntity<Void> unclaim(@PathVariable String taskId) {
        workflow.unclaim(taskId, CurrentActor.get());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/tasks")
    @Operation(summary = "My open steps, earliest deadline first")
    List<OpenTask> mine(@RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return workflow.tasksFor(CurrentActor.get(), page * size, size);
    }
}
