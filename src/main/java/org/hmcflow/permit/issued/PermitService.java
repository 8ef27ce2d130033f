package org.hmcflow.permit.issued;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.permit.application.ApplicationContents;
import org.hmcflow.permit.application.IssuedPermits;
import org.hmcflow.permit.application.PermitApi;
import org.hmcflow.permit.application.PermitApplication;
import org.hmcflow.permit.application.PermitApplicationRepository;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 排污许可证 — the issued permit's one entry for the web layer and for other capabilities: read it (holder and bureau
 * only; another enterprise's permit is "not found"), its record (许可证记录) and the limits in force; and what an
 * application asks of the permit issued on it ({@link IssuedPermits}).
 */
@Service
public class PermitService implements IssuedPermits {

    /** The audit case type of a permit (its record and scheduling); its reports are {@code PERMIT_EXECUTION_REPORT}. */
    public static final String CASE_TYPE = IssuedPermits.CASE_TYPE;

    /** A permit with what a reader sees with it. */
    public record Details(Permit permit, PermitApplication application, List<PermitRecordEntry> record) {
    }

    private final PermitRepository permits;
    private final PermitApplicationRepository applications;
    private final PermitRecords records;
    private final AuditTrail audit;

    PermitService(PermitRepository permits, PermitApplicationRepository applications, PermitRecords records,
                  AuditTrail audit) {
        this.permits = permits;
        this.applications = applications;
        this.records = records;
        this.audit = audit;
    }

    /** The permits the actor may see, newest first: an enterprise's own, or all for the bureau's staff. */
    @Transactional(readOnly = true)
    public List<Details> list(Actor actor) {
        List<Permit> found = actor.is(Role.ENTERPRISE)
                ? (actor.enterpriseId() == null ? List.of() : permits.findByEnterpriseIdOrderByIdDesc(actor.enterpriseId()))
                : permits.findAllByOrderByIdDesc();
        return found.stream().map(this::details).toList();
    }

    @Transactional(readOnly = true)
    public Details details(Actor actor, Long id) {
        return details(visible(actor, permits.findById(id), String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public Details byNumber(Actor actor, String number) {
        return details(visible(actor, permits.findByPermitNumber(number), number));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> trail(Actor actor, Long id) {
        Permit permit = visible(actor, permits.findById(id), String.valueOf(id));
        return audit.trailOf(CASE_TYPE, permit.getId());
    }

    /**
     * 许可排放限值 — one concentration limit of a permit: what an inspection's preparation shows and its monitoring
     * compares with. The unit follows the outlet: mg/L for waste water (DW###), mg/m³ for waste gas (DA###).
     */
    public record PermitLimit(String permitNumber, LocalDate validUntil, String outletCode, String pollutant,
                              BigDecimal concentrationLimit, String unit, String emissionStandard) {
    }

    /** The concentration limits of the enterprise's permits valid on {@code day}, permit by permit, outlet by outlet. */
    @Transactional(readOnly = true)
    public List<PermitLimit> limitsInForce(Long enterpriseId, LocalDate day) {
        List<PermitLimit> limits = new ArrayList<>();
        for (Permit permit : permits.findByEnterpriseIdOrderByIdAsc(enterpriseId)) {
            if (day.isBefore(permit.getValidFrom()) || day.isAfter(permit.getValidUntil())) {
                continue;
            }
            PermitApplication application = applications.findById(permit.getApplicationId()).orElseThrow();
            for (ApplicationContents.Outlet outlet : application.getOutlets()) {
                String unit = outlet.code().startsWith("DA") ? "mg/m³" : "mg/L";
                for (ApplicationContents.OutletPollutant p : outlet.pollutants()) {
                    limits.add(new PermitLimit(permit.getPermitNumber(), permit.getValidUntil(), outlet.code(),
                            p.pollutant(), p.concentrationLimit(), unit, p.emissionStandard()));
                }
            }
        }
        return limits;
    }

    /** A permit the actor may see; another enterprise's permit is "not found", not "forbidden". */
    @Transactional(readOnly = true)
    public Permit visible(Actor actor, Long id) {
        return visible(actor, permits.findById(id), String.valueOf(id));
    }

    @Override
    @Transactional(readOnly = true)
    public PermitRef permit(Actor actor, Long permitId) {
        Permit permit = visible(actor, permitId);
        return new PermitRef(permit.getId(), permit.getApplicationId(), permit.getStatus().name(),
                permit.getStatus().isValid());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PermitApi.PermitView> ofApplication(Long applicationId) {
        return permits.findByApplicationId(applicationId).map(p -> new PermitApi.PermitView(p.getPermitNumber(),
                p.getSiteNumber(), p.getManagementCategory(), p.getValidFrom(), p.getValidUntil(), p.getIssuedAt(),
                p.getReports().stream().map(r -> new PermitApi.ReportView(r.getKind(), r.getPeriod(),
                        r.getPeriodStart(), r.getPeriodEnd(), r.getDueOn())).toList()));
    }

    private Details details(Permit permit) {
        permit.getReports().size();
        PermitApplication application = applications.findById(permit.getApplicationId()).orElseThrow();
        application.getOutlets();
        return new Details(permit, application, records.of(permit.getId()));
    }

    private static Permit visible(Actor actor, Optional<Permit> permit, String key) {
        Permit p = permit.orElseThrow(() -> new NotFoundException("permit " + key));
        if (actor.is(Role.ENTERPRISE) && !p.getEnterpriseId().equals(actor.enterpriseId())) {
            throw new NotFoundException("permit " + key);
        }
        return p;
    }
}
