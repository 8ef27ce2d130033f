package org.hmcflow.inspection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.hmcflow.inspection.InspectionApi.*;
import org.hmcflow.shared.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registers a random draw uses. The city bureau keeps them; bureau and department staff read them. */
@RestController
@RequestMapping("/api/inspection/register")
@Tag(name = "Inspection registers 监管名录与执法人员名录", description = "Supervised enterprises, inspectors, conflicts of interest")
class InspectionRegisterController {

    private final InspectionRegisterService registers;

    InspectionRegisterController(InspectionRegisterService registers) {
        this.registers = registers;
    }

    @GetMapping("/enterprises")
    @Operation(summary = "监管名录 — every enterprise with its supervision entry (entered=false: not yet in the draw)")
    List<RegisterEntryView> enterprises() {
        return registers.enterprises(CurrentActor.get()).stream()
                .map(r -> RegisterEntryView.of(r.enterprise(), r.entry().orElse(null))).toList();
    }

    @PutMapping("/enterprises/{enterpriseId}")
    @Operation(summary = "Enter or reclassify an enterprise: permit category, key-monitored, key risk source, credit colour")
    RegisterEntryView classify(@PathVariable Long enterpriseId, @Valid @RequestBody ClassificationRequest body) {
        InspectionRegisterService.RegisterRow row = registers.classify(CurrentActor.get(), enterpriseId,
                body.toClassification());
        return RegisterEntryView.of(row.enterprise(), row.entry().orElseThrow());
    }

    @GetMapping("/inspectors")
    @Operation(summary = "执法人员名录 — the inspectors")
    List<InspectorView> inspectors() {
        return registers.inspectors(CurrentActor.get()).stream().map(InspectorView::of).toList();
    }

    @GetMapping("/inspectors/{id}")
    InspectorView inspector(@PathVariable Long id) {
        return InspectorView.of(registers.inspector(CurrentActor.get(), id));
    }

    @PostMapping("/inspectors")
    @Operation(summary = "Register an inspector (certificate numbers are unique)")
    ResponseEntity<InspectorView> register(@Valid @RequestBody InspectorRequest body) {
        Inspector inspector = registers.registerInspector(CurrentActor.get(), body.toInput());
        return ResponseEntity.created(URI.create("/api/inspection/register/inspectors/" + inspector.getId()))
                .body(InspectorView.of(inspector));
    }

    @PutMapping("/inspectors/{id}")
    @Operation(summary = "Change an inspector, or set active=false to stop drawing them")
    InspectorView update(@PathVariable Long id, @Valid @RequestBody InspectorRequest body) {
        return InspectorView.of(registers.updateInspector(CurrentActor.get(), id, body.toInput()));
    }

    @GetMapping("/conflicts")
    @Operation(summary = "利害关系 — declared conflicts of interest, optionally of one inspector")
    List<ConflictView> conflicts(@RequestParam(required = false) Long inspectorId) {
        return registers.conflicts(CurrentActor.get(), inspectorId).stream().map(ConflictView::of).toList();
    }

    @PostMapping("/conflicts")
    @Operation(summary = "Declare a conflict of interest: the inspector is never drawn for the enterprise")
    ResponseEntity<ConflictView> declare(@Valid @RequestBody ConflictRequest body) {
        InspectorConflict conflict = registers.declareConflict(CurrentActor.get(), body.inspectorId(), body.enterpriseId(),
                body.reason());
        return ResponseEntity.created(URI.create("/api/inspection/register/conflicts/" + conflict.getId()))
                .body(ConflictView.of(conflict));
    }

    @DeleteMapping("/conflicts/{id}")
    @Operation(summary = "Withdraw a declared conflict of interest")
    ResponseEntity<Void> withdraw(@PathVariable Long id) {
        registers.withdrawConflict(CurrentActor.get(), id);
        return ResponseEntity.noContent().build();
    }
}
