package org.hmcflow.permit.issued;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.WorkingDayCalendar;
import org.hmcflow.permit.application.PermitApplication;
import org.hmcflow.permit.application.PermitApplicationProcess;
import org.hmcflow.permit.application.PermitApplicationRepository;
import org.hmcflow.permit.application.PermitProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 核发 — the last step of {@code permit-application} (its service task {@code ${issuePermit}}): the permit made from a
 * decision to issue. It belongs to the issued permit, not to the application: the application is what the permit is
 * made from, so the permit reads the application and the application never reaches for the permit.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PermitIssuance {

    private final PermitApplicationRepository applications;
    private final PermitRepository permits;
    private final WorkingDayCalendar calendar;
    private final PermitProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PermitIssuance(PermitApplicationRepository applications, PermitRepository permits, WorkingDayCalendar calendar,
                   PermitProperties properties, AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.applications = applications;
        this.permits = permits;
        this.calendar = calendar;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /**
     * 核发 — the permit: its number (USCC + the enterprise's next 3-digit site number + P), five years' validity from
     * today (Art 14) and its execution-report schedule (Art 22). Safe to run twice: a second run finds the permit.
     */
    public void issuePermit(Long applicationId) {
        if (permits.findByApplicationId(applicationId).isPresent()) {
            return;
        }
        PermitApplication application = applications.findById(applicationId)
                .orElseThrow(() -> new IllegalStateException("permit application " + applicationId + " missing"));
        int site = permits.highestSiteNumber(application.getEnterpriseId()) + 1;
        String number = PermitNumber.of(application.getUscc(), site);
        LocalDate from = LocalDate.now(clock);
        LocalDate until = from.plus(properties.validity()).minusDays(1);
        List<Permit.ReportDue> reports = ExecutionReportSchedule.schedule(from, until,
                properties.reportsFor(application.getManagementCategory()), properties.reportDueDayOfMonth(),
                properties.minimumHeld(), d -> calendar.plusWorkingDays(d, 0));
        Permit permit = permits.save(new Permit(applicationId, application.getEnterpriseId(), number, site,
                application.getManagementCategory(), from, until, application.getDecidedBy(), clock.instant(),
                reports));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("permitId", permit.getId());
        changes.put("permitNumber", number);
        changes.put("validFrom", from.toString());
        changes.put("validUntil", until.toString());
        changes.put("executionReports", reports.size());
        audit.record(PermitApplicationProcess.CASE_TYPE, applicationId, "PERMIT_ISSUED", AuditTrail.SYSTEM, null,
                changes);
        events.publishEvent(new PermitIssued(permit.getId()));
    }
}
