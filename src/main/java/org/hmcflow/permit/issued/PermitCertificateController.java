package org.hmcflow.permit.issued;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.hmcflow.department.Department;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.permit.application.PermitProperties;
import org.hmcflow.shared.security.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 排污许可证正本 — the printable certificate of an issued permit (A4, Chinese first with English), for the holder and
 * the bureau only: another enterprise's permit is "not found". Everything it needs is served by this application,
 * including its fonts (Noto Serif SC and Noto Sans SC from {@code /fonts/}, static weights, so that a printed PDF embeds
 * them and reads the same on a machine without Chinese fonts): nothing comes from another host.
 */
@Controller
class PermitCertificateController {

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final PermitService permits;
    private final DepartmentService departments;
    private final PermitProperties properties;
    private final java.time.Clock clock;

    PermitCertificateController(PermitService permits, DepartmentService departments, PermitProperties properties,
                                java.time.Clock clock) {
        this.permits = permits;
        this.departments = departments;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/permits/{id:\\d+}/certificate")
    String certificate(@PathVariable Long id, Model model) {
        PermitService.Details d = permits.details(CurrentActor.get(), id);
        ZoneId zone = clock.getZone();
        Department authority = departments.find(properties.bureauGroup()).orElse(null);
        model.addAttribute("permit", d.permit());
        model.addAttribute("holder", d.application());
        // name, address and legal representative as the permit states them now (after an approved 变更)
        model.addAttribute("current", PermitHolder.of(d.permit(), d.application()));
        model.addAttribute("ended", !d.permit().getStatus().isValid());
        model.addAttribute("outlets", d.application().getOutlets());
        model.addAttribute("authorityZh", authority == null ? properties.bureauGroup() : authority.getNameZh());
        model.addAttribute("authorityEn", authority == null ? properties.bureauGroup() : authority.getNameEn());
        model.addAttribute("validFromZh", ZH_DATE.format(d.permit().getValidFrom()));
        model.addAttribute("validUntilZh", ZH_DATE.format(d.permit().getValidUntil()));
        model.addAttribute("issuedOn", d.permit().getIssuedAt().atZone(zone).toLocalDate());
        model.addAttribute("issuedOnZh", ZH_DATE.format(d.permit().getIssuedAt().atZone(zone).toLocalDate()));
        return "permit/certificate";
    }
}
