package org.hmcflow.credit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.shared.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 信用 — credit evaluation inputs (staff) and the public blacklist. */
@RestController
@Tag(name = "Credit 信用", description = "Violations of closed enforcement cases; the public blacklist")
class CreditController {

    record ViolationView(Long id, Long caseId, String kind, String measure, LocalDate closedOn) {
    }

    /** No personal data: the enterprise, its USCC, the grounds and the date. */
    record PublicBlacklistView(String enterpriseName, String uscc, String grounds, LocalDate listedOn) {
    }

    record BlacklistView(Long id, Long enterpriseId, Long caseId, String grounds, LocalDate listedOn,
                         LocalDate delistedOn, String delistingReason) {
        static BlacklistView of(BlacklistEntry e) {
            return new BlacklistView(e.getId(), e.getEnterpriseId(), e.getCaseId(), e.getGrounds(), e.getListedOn(),
                    e.getDelistedOn(), e.getDelistingReason());
        }
    }

    record DelistRequest(String reason) {
    }

    private final CreditService credit;
    private final EnterpriseService enterprises;

    CreditController(CreditService credit, EnterpriseService enterprises) {
        this.credit = credit;
        this.enterprises = enterprises;
    }

    @GetMapping("/api/credit/enterprises/{id}/violations")
    @Operation(summary = "Violations of the enterprise's closed enforcement cases, inputs of its credit evaluation (staff)")
    List<ViolationView> violations(@PathVariable Long id) {
        return credit.violationsOf(CurrentActor.get(), id).stream()
                .map(v -> new ViolationView(v.getId(), v.getCaseId(), v.getKind(), v.getMeasure(), v.getClosedOn()))
                .toList();
    }

    @PostMapping("/api/credit/blacklist/{entryId}/delisting")
    @Operation(summary = "Delist an enterprise from the blacklist, with the reason (bureau staff, supervisors)")
    BlacklistView delist(@PathVariable Long entryId, @RequestBody DelistRequest body) {
        return BlacklistView.of(credit.delist(CurrentActor.get(), entryId, body == null ? null : body.reason()));
    }

    @GetMapping("/api/public/blacklist")
    @Operation(summary = "黑名单 — the public blacklist (no login)")
    List<PublicBlacklistView> publicBlacklist() {
        return credit.publicList().stream().map(e -> {
            Enterprise enterprise = enterprises.find(e.getEnterpriseId()).orElseThrow();
            return new PublicBlacklistView(enterprise.getName(), enterprise.getUscc(), e.getGrounds(), e.getListedOn());
        }).toList();
    }
}
