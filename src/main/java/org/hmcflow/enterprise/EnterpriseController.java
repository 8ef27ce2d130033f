package org.hmcflow.enterprise;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 企业名录 — the register of supervised enterprises. Staff read all and register new ones; an enterprise reads itself. */
@RestController
@RequestMapping("/api/enterprises")
@Tag(name = "Enterprises 企业")
class EnterpriseController {

    record RegisterRequest(@NotBlank @ValidUscc String uscc, @NotBlank @Size(max = 200) String name,
                           @NotBlank @Size(max = 40) String county, @NotBlank @Size(max = 60) String industry,
                           @NotNull @Size(min = 1, max = 14) List<@NotBlank String> keyPollutants) {
    }

    /** The USCC an administrator enters for an entry that lacks it; checked in the service (400 naming uscc). */
    record CompleteUsccRequest(String uscc) {
    }

    record EnterpriseView(Long id, String uscc, String name, String county, String industry, boolean keyControlArea,
                          List<Pollutant> keyPollutants, boolean demo, boolean completionRequired, Instant createdAt) {
        static EnterpriseView of(Enterprise e) {
            return new EnterpriseView(e.getId(), e.getUscc(), e.getName(), e.getCounty(), e.getIndustry(),
                    e.isKeyControlArea(), e.getKeyPollutants(), e.isDemo(), e.isCompletionRequired(), e.getCreatedAt());
        }
    }

    private final EnterpriseService enterprises;

    EnterpriseController(EnterpriseService enterprises) {
        this.enterprises = enterprises;
    }

    @GetMapping
    @Operation(summary = "The register (an enterprise user sees only its own entry)")
    List<EnterpriseView> list() {
        Actor actor = CurrentActor.get();
        if (actor.is(Role.ENTERPRISE)) {
            return enterprises.find(actor.enterpriseId()).map(EnterpriseView::of).stream().toList();
        }
        return enterprises.all().stream().map(EnterpriseView::of).toList();
    }

    @GetMapping("/{id}")
    EnterpriseView read(@PathVariable Long id) {
        Actor actor = CurrentActor.get();
        if (actor.is(Role.ENTERPRISE) && !id.equals(actor.enterpriseId())) {
            throw new NotFoundException("enterprise " + id);
        }
        return enterprises.find(id).map(EnterpriseView::of).orElseThrow(() -> new NotFoundException("enterprise " + id));
    }

    @PostMapping
    @Operation(summary = "Register an enterprise (reviewers, admins); the key control area follows from the county")
    ResponseEntity<EnterpriseView> register(@Valid @RequestBody RegisterRequest body) {
        Actor actor = CurrentActor.get();
        if (!actor.isDepartmentStaff() && !actor.is(Role.ADMIN)) {
            throw new ForbiddenException("hmc.error.staff-only");
        }
        Enterprise e = enterprises.registerNew(actor, body.uscc(), body.name(), body.county(), body.industry(),
                body.keyPollutants());
        return ResponseEntity.created(URI.create("/api/enterprises/" + e.getId())).body(EnterpriseView.of(e));
    }

    @PutMapping("/{id}/uscc")
    @Operation(summary = "Complete the USCC of an enterprise taken from a plan without one (admins): 400 bad check "
            + "character, 409 taken or already complete; audited")
    EnterpriseView completeUscc(@PathVariable Long id, @RequestBody CompleteUsccRequest body) {
        return EnterpriseView.of(enterprises.completeUscc(CurrentActor.get(), id, body.uscc()));
    }
}
