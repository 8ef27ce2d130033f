package org.hmcflow.permit.application;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hmcflow.permit.application.ApplicationContents.Document;
import org.hmcflow.permit.application.ApplicationContents.Facility;
import org.hmcflow.permit.application.ApplicationContents.Outlet;
import org.hmcflow.permit.application.ApplicationContents.OutletPollutant;

/**
 * 排污许可申请 — an enterprise's application for the pollutant-discharge permit of one site: the Art 7 contents,
 * acceptance (受理, Art 9), the admission check, technical and joint review, site inspection and the decision
 * (Art 12). The statutory clock's pauses are kept beside it ({@link ClockPause}).
 */
@Entity
@Table(name = "permit_application")
public class PermitApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationState state;

    @Column(nullable = false)
    private String uscc;
    @Column(name = "unit_name", nullable = false)
    private String unitName;
    @Column(nullable = false)
    private String address;
    @Column(name = "legal_representative", nullable = false)
    private String legalRepresentative;
    @Column(name = "site_address", nullable = false)
    private String siteAddress;
    @Column(nullable = false)
    private String industry;
    @Column(name = "in_key_control_area", nullable = false)
    private boolean inKeyControlArea;
    @Column(name = "on_key_discharger_list", nullable = false)
    private boolean onKeyDischargerList;
    @Enumerated(EnumType.STRING)
    @Column(name = "project_type", nullable = false)
    private ProjectType projectType;
    @Column(name = "process_code")
    private String processCode;
    @Column(name = "emission_change_kg", nullable = false)
    private BigDecimal emissionChangeKg;
    @Column(name = "regional_reduction_kg", nullable = false)
    private BigDecimal regionalReductionKg;
    @Column(name = "offset_kg", nullable = false)
    private BigDecimal offsetKg;
    @Column(name = "output_increase", nullable = false)
    private boolean outputIncrease;
    @Column(name = "mixing_or_assembly_only", nullable = false)
    private boolean mixingOrAssemblyOnly;
    @Column(name = "products_and_capacity", nullable = false)
    private String productsAndCapacity;
    @Column(name = "raw_materials", nullable = false)
    private String rawMaterials;
    @Column(name = "eia_approval_reference", nullable = false)
    private String eiaApprovalReference;
    @Column(name = "self_monitoring_plan", nullable = false)
    private String selfMonitoringPlan;
    @Column(name = "trade_secret_statement")
    private String tradeSecretStatement;

    // Small lists read with the application everywhere (API, listeners, tests outside a session): loaded with it.
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "permit_facility", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "line_no")
    private List<FacilityLine> facilities = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "permit_outlet_line", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "line_no")
    private List<OutletLine> outletLines = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "permit_document", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "line_no")
    private List<DocumentLine> documents = new ArrayList<>();

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;
    @Column(name = "acceptance_due", nullable = false)
    private Instant acceptanceDue;
    @Column(name = "acceptance_returns", nullable = false)
    private int acceptanceReturns;
    @Column(name = "accepted_on")
    private LocalDate acceptedOn;
    @Column(name = "deemed_accepted", nullable = false)
    private boolean deemedAccepted;
    @Column(name = "not_accepted_reason")
    private String notAcceptedReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "admission_verdict")
    private Verdict admissionVerdict;
    @Column(name = "admission_rule_code")
    private String admissionRuleCode;
    @Column(name = "admission_grounds")
    private String admissionGrounds;
    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_category")
    private ManagementCategory proposedCategory;
    @Column(name = "proposed_category_rule_code")
    private String proposedCategoryRuleCode;
    @Column(name = "proposed_category_grounds")
    private String proposedCategoryGrounds;

    @Enumerated(EnumType.STRING)
    @Column(name = "management_category")
    private ManagementCategory managementCategory;
    @Column(name = "site_inspection_required", nullable = false)
    private boolean siteInspectionRequired;
    @Column(name = "review_comment")
    private String reviewComment;
    @Column(name = "decision_rule")
    private String decisionRule;
    @Column(name = "statutory_overdue", nullable = false)
    private boolean statutoryOverdue;
    @Column(name = "inspection_date")
    private LocalDate inspectionDate;
    @Column(name = "inspection_result")
    private String inspectionResult;
    @Column(name = "inspection_findings")
    private String inspectionFindings;
    @Column(name = "decision")
    private String decision;
    @Column(name = "decision_comment")
    private String decisionComment;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "filed_by", nullable = false)
    private String filedBy;
    @Column(name = "filed_at", nullable = false)
    private Instant filedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    /** 重新申请 — the permit this application replaces (an Art 15 change); null for a first application. */
    @Column(name = "replaces_permit_id")
    private Long replacesPermitId;
    @Version
    private long version;

    protected PermitApplication() {
    }

    PermitApplication(Long enterpriseId, String industry, boolean inKeyControlArea, ApplicationContents contents,
                      LocalDate receivedOn, Instant acceptanceDue, String filedBy, Instant filedAt) {
        this.enterpriseId = enterpriseId;
        this.industry = industry;
        this.inKeyControlArea = inKeyControlArea;
        this.state = ApplicationState.SUBMITTED;
        this.receivedOn = receivedOn;
        this.acceptanceDue = acceptanceDue;
        this.filedBy = filedBy;
        this.filedAt = filedAt;
        contents(contents);
    }

    /** Takes the contents as filed or corrected (already checked by {@link ApplicationRules}). */
    final void contents(ApplicationContents c) {
        this.uscc = c.uscc();
        this.unitName = c.unitName().strip();
        this.address = c.address().strip();
        this.legalRepresentative = c.legalRepresentative().strip();
        this.siteAddress = c.siteAddress().strip();
        this.projectType = c.projectType();
        this.processCode = c.processCode() == null || c.processCode().isBlank() ? null : c.processCode().strip();
        this.onKeyDischargerList = Boolean.TRUE.equals(c.onKeyDischargerList());
        this.emissionChangeKg = orZero(c.heavyMetalEmissionChange());
        this.regionalReductionKg = orZero(c.regionalReduction());
        this.offsetKg = orZero(c.offsetAmount());
        this.outputIncrease = Boolean.TRUE.equals(c.outputIncrease());
        this.mixingOrAssemblyOnly = Boolean.TRUE.equals(c.mixingOrAssemblyOnly());
        this.productsAndCapacity = c.productsAndCapacity().strip();
        this.rawMaterials = c.rawMaterials().strip();
        this.eiaApprovalReference = c.eiaApprovalReference().strip();
        this.selfMonitoringPlan = c.selfMonitoringPlan().strip();
        this.tradeSecretStatement = c.tradeSecretStatement() == null || c.tradeSecretStatement().isBlank()
                ? null : c.tradeSecretStatement().strip();
        facilities.clear();
        for (Facility f : c.facilities()) {
            facilities.add(new FacilityLine(f.kind(), f.name().strip(), f.parameters().strip()));
        }
        outletLines.clear();
        for (Outlet o : c.outlets()) {
            for (OutletPollutant p : o.pollutants()) {
                outletLines.add(new OutletLine(o.code(), o.location().strip(), o.destination().strip(), p.pollutant(),
                        p.concentrationLimit(), p.annualQuantityKg(), p.emissionStandard().strip(), p.totalQuotaKg()));
            }
        }
        documents.clear();
        for (Document d : c.documents()) {
            documents.add(new DocumentLine(d.kind(), d.title().strip(),
                    d.reference() == null || d.reference().isBlank() ? null : d.reference().strip()));
        }
    }

    /** 重新申请 — filed to replace this permit (cancelled when the new one is issued). */
    void replaces(Long permitId) {
        this.replacesPermitId = permitId;
    }

    public Long getReplacesPermitId() {
        return replacesPermitId;
    }

    /** The contents as they stand (as filed or last corrected): the starting point of a re-application. */
    public ApplicationContents toContents() {
        return new ApplicationContents(uscc, unitName, address, legalRepresentative, siteAddress, projectType,
                processCode, onKeyDischargerList, emissionChangeKg, regionalReductionKg, offsetKg, outputIncrease,
                mixingOrAssemblyOnly, productsAndCapacity, rawMaterials, eiaApprovalReference, selfMonitoringPlan,
                tradeSecretStatement, getFacilities(), getOutlets(), getDocuments());
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void returnForCorrection() {
        this.acceptanceReturns++;
        this.state = ApplicationState.AWAITING_CORRECTION;
    }

    /** The corrected application came in: it counts as received today, and acceptance starts over (Art 9). */
    void resubmitted(LocalDate receivedOn, Instant acceptanceDue) {
        this.receivedOn = receivedOn;
        this.acceptanceDue = acceptanceDue;
        this.state = ApplicationState.SUBMITTED;
    }

    void notAccepted(String reason) {
        this.notAcceptedReason = reason;
        this.state = ApplicationState.NOT_ACCEPTED;
    }

    void accept(LocalDate on, boolean deemed) {
        this.acceptedOn = on;
        this.deemedAccepted = deemed;
        this.state = ApplicationState.UNDER_REVIEW;
    }

    void admission(AdmissionDecision d, String decisionRule) {
        this.admissionVerdict = d.verdict();
        this.admissionRuleCode = d.ruleCode();
        this.admissionGrounds = d.grounds();
        this.proposedCategory = d.category();
        this.proposedCategoryRuleCode = d.categoryRuleCode();
        this.proposedCategoryGrounds = d.categoryGrounds();
        this.managementCategory = d.category();
        this.decisionRule = decisionRule;
    }

    void registrationOnly() {
        this.state = ApplicationState.REGISTRATION_ONLY;
    }

    void reviewed(ManagementCategory category, boolean siteInspection, String comment, String decisionRule) {
        this.managementCategory = category;
        this.siteInspectionRequired = siteInspection;
        this.reviewComment = comment;
        this.decisionRule = decisionRule;
    }

    void moveTo(ApplicationState state) {
        this.state = state;
    }

    void inspected(LocalDate date, String result, String findings) {
        this.inspectionDate = date;
        this.inspectionResult = result;
        this.inspectionFindings = findings;
    }

    void decide(String decision, String comment, String by, Instant at) {
        this.decision = decision;
        this.decisionComment = comment;
        this.decidedBy = by;
        this.decidedAt = at;
        this.state = "ISSUE".equals(decision) ? ApplicationState.ISSUED : ApplicationState.REFUSED;
    }

    void markStatutoryOverdue() {
        this.statutoryOverdue = true;
    }

    /** The facts the admission tables decide on; the annual amount is the sum of the outlets' permitted quantities. */
    AdmissionFacts admissionFacts() {
        BigDecimal annual = outletLines.stream().map(OutletLine::getAnnualQuantityKg).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new AdmissionFacts(industry, inKeyControlArea, onKeyDischargerList, projectType, processCode,
                emissionChangeKg, regionalReductionKg, offsetKg, outputIncrease, annual, mixingOrAssemblyOnly);
    }

    /** The outlets as filed, their pollutant lines regrouped under each code in filing order. */
    public List<Outlet> getOutlets() {
        List<Outlet> outlets = new ArrayList<>();
        for (OutletLine l : outletLines) {
            Outlet last = outlets.isEmpty() ? null : outlets.get(outlets.size() - 1);
            OutletPollutant p = new OutletPollutant(l.pollutant, l.concentrationLimit, l.annualQuantityKg,
                    l.emissionStandard, l.totalQuotaKg);
            if (last != null && last.code().equals(l.outletCode)) {
                List<OutletPollutant> ps = new ArrayList<>(last.pollutants());
                ps.add(p);
                outlets.set(outlets.size() - 1, new Outlet(last.code(), last.location(), last.destination(), ps));
            } else {
                outlets.add(new Outlet(l.outletCode, l.outletLocation, l.dischargeDestination, List.of(p)));
            }
        }
        return outlets;
    }

    public List<Facility> getFacilities() {
        return facilities.stream().map(f -> new Facility(f.kind, f.name, f.parameters)).toList();
    }

    public List<Document> getDocuments() {
        return documents.stream().map(d -> new Document(d.kind, d.title, d.reference)).toList();
    }

    /** The case number people quote: 许可 (XK), year filed, id — e.g. XK-2026-000007. */
    public String getReference() {
        return "XK-" + filedAt.atZone(ZoneId.of("Asia/Shanghai")).getYear() + "-" + String.format("%06d", id);
    }

    public Long getId() {
        return id;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public ApplicationState getState() {
        return state;
    }

    public String getUscc() {
        return uscc;
    }

    public String getUnitName() {
        return unitName;
    }

    public String getAddress() {
        return address;
    }

    public String getLegalRepresentative() {
        return legalRepresentative;
    }

    public String getSiteAddress() {
        return siteAddress;
    }

    public String getIndustry() {
        return industry;
    }

    public boolean isInKeyControlArea() {
        return inKeyControlArea;
    }

    public boolean isOnKeyDischargerList() {
        return onKeyDischargerList;
    }

    public ProjectType getProjectType() {
        return projectType;
    }

    public String getProcessCode() {
        return processCode;
    }

    public BigDecimal getEmissionChangeKg() {
        return emissionChangeKg;
    }

    public BigDecimal getRegionalReductionKg() {
        return regionalReductionKg;
    }

    public BigDecimal getOffsetKg() {
        return offsetKg;
    }

    public boolean isOutputIncrease() {
        return outputIncrease;
    }

    public boolean isMixingOrAssemblyOnly() {
        return mixingOrAssemblyOnly;
    }

    public String getProductsAndCapacity() {
        return productsAndCapacity;
    }

    public String getRawMaterials() {
        return rawMaterials;
    }

    public String getEiaApprovalReference() {
        return eiaApprovalReference;
    }

    public String getSelfMonitoringPlan() {
        return selfMonitoringPlan;
    }

    public String getTradeSecretStatement() {
        return tradeSecretStatement;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public Instant getAcceptanceDue() {
        return acceptanceDue;
    }

    public int getAcceptanceReturns() {
        return acceptanceReturns;
    }

    public LocalDate getAcceptedOn() {
        return acceptedOn;
    }

    public boolean isDeemedAccepted() {
        return deemedAccepted;
    }

    public String getNotAcceptedReason() {
        return notAcceptedReason;
    }

    public Verdict getAdmissionVerdict() {
        return admissionVerdict;
    }

    public String getAdmissionRuleCode() {
        return admissionRuleCode;
    }

    public String getAdmissionGrounds() {
        return admissionGrounds;
    }

    public ManagementCategory getProposedCategory() {
        return proposedCategory;
    }

    public String getProposedCategoryRuleCode() {
        return proposedCategoryRuleCode;
    }

    public String getProposedCategoryGrounds() {
        return proposedCategoryGrounds;
    }

    public ManagementCategory getManagementCategory() {
        return managementCategory;
    }

    public boolean isSiteInspectionRequired() {
        return siteInspectionRequired;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public String getDecisionRule() {
        return decisionRule;
    }

    public boolean isStatutoryOverdue() {
        return statutoryOverdue;
    }

    public LocalDate getInspectionDate() {
        return inspectionDate;
    }

    public String getInspectionResult() {
        return inspectionResult;
    }

    public String getInspectionFindings() {
        return inspectionFindings;
    }

    public String getDecision() {
        return decision;
    }

    public String getDecisionComment() {
        return decisionComment;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getFiledBy() {
        return filedBy;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    @Embeddable
    static class FacilityLine {
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        private FacilityKind kind;
        @Column(nullable = false)
        private String name;
        @Column(nullable = false)
        private String parameters;

        protected FacilityLine() {
        }

        FacilityLine(FacilityKind kind, String name, String parameters) {
            this.kind = kind;
            this.name = name;
            this.parameters = parameters;
        }
    }

    @Embeddable
    static class OutletLine {
        @Column(name = "outlet_code", nullable = false)
        private String outletCode;
        @Column(name = "outlet_location", nullable = false)
        private String outletLocation;
        @Column(name = "discharge_destination", nullable = false)
        private String dischargeDestination;
        @Column(nullable = false)
        private String pollutant;
        @Column(name = "concentration_limit", nullable = false)
        private BigDecimal concentrationLimit;
        @Column(name = "annual_quantity_kg", nullable = false)
        private BigDecimal annualQuantityKg;
        @Column(name = "emission_standard", nullable = false)
        private String emissionStandard;
        @Column(name = "total_quota_kg", nullable = false)
        private BigDecimal totalQuotaKg;

        protected OutletLine() {
        }

        OutletLine(String outletCode, String outletLocation, String dischargeDestination, String pollutant,
                   BigDecimal concentrationLimit, BigDecimal annualQuantityKg, String emissionStandard,
                   BigDecimal totalQuotaKg) {
            this.outletCode = outletCode;
            this.outletLocation = outletLocation;
            this.dischargeDestination = dischargeDestination;
            this.pollutant = pollutant;
            this.concentrationLimit = concentrationLimit;
            this.annualQuantityKg = annualQuantityKg;
            this.emissionStandard = emissionStandard;
            this.totalQuotaKg = totalQuotaKg;
        }

        BigDecimal getAnnualQuantityKg() {
            return annualQuantityKg;
        }
    }

    @Embeddable
    static class DocumentLine {
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        private DocumentKind kind;
        @Column(nullable = false)
        private String title;
        private String reference;

        protected DocumentLine() {
        }

        DocumentLine(DocumentKind kind, String title, String reference) {
            this.kind = kind;
            this.title = title;
            this.reference = reference;
        }
    }
}
