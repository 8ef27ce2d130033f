package org.hmcflow.hazard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * 隐患 — an environmental-risk hidden hazard at an enterprise: reported, graded at triage, rectified by a deadline
 * (in rounds), verified, closed out (销号) and re-checked (回头看). A major hazard is supervised (挂牌督办).
 */
@Entity
@Table(name = "hazard")
public class Hazard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HazardSource source;
    @Column(name = "self_inspection_id")
    private Long selfInspectionId;
    @Enumerated(EnumType.STRING)
    private HazardGrade grade;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HazardState state;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String description;
    @Column(nullable = false)
    private String location;
    /** Element symbols, comma-separated. */
    @Column(nullable = false)
    private String pollutants;
    @Column(name = "responsible_department")
    private String responsibleDepartment;
    @Column(name = "rectification_due")
    private LocalDate rectificationDue;
    @Column(name = "round_no", nullable = false)
    private int roundNo;
    @Column(nullable = false)
    private boolean supervised;
    @Column(nullable = false)
    private boolean overdue;
    @Column(name = "reported_by", nullable = false)
    private String reportedBy;
    @Column(name = "reported_at", nullable = false)
    private Instant reportedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    /** The 监督检查 (inspection) whose findings opened this case, if any. */
    @Column(name = "origin_inspection_id")
    private Long originInspectionId;
    @Version
    private long version;

    protected Hazard() {
    }

    Hazard(Long enterpriseId, HazardSource source, Long selfInspectionId, String title,
           String description, String location, List<String> pollutants, String reportedBy, Instant reportedAt) {
        this.enterpriseId = enterpriseId;
        this.source = source;
        this.selfInspectionId = selfInspectionId;
        this.title = title;
        this.description = description;
        this.location = location;
        this.pollutants = String.join(",", pollutants);
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
        this.state = HazardState.REPORTED;
        this.roundNo = 0;
    }

    void originatedIn(Long inspectionId) {
        this.originInspectionId = inspectionId;
    }

    public Long getOriginInspectionId() {
        return originInspectionId;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void dismiss() {
        this.state = HazardState.DISMISSED;
        this.closedAt = null;
    }

    void grade(HazardGrade grade, String responsibleDepartment) {
        this.grade = grade;
        this.responsibleDepartment = responsibleDepartment;
    }

    void moveTo(HazardState state) {
        this.state = state;
    }

    /** Opens the next rectification round with its deadline. */
    void beginRound(LocalDate due, HazardState state) {
        this.roundNo++;
        this.rectificationDue = due;
        this.overdue = false;
        this.state = state;
    }

    void reschedule(LocalDate due) {
        this.rectificationDue = due;
        this.overdue = false;
    }

    void supervise() {
        this.supervised = true;
    }

    void liftSupervision() {
        this.supervised = false;
    }

    void markOverdue() {
        this.overdue = true;
    }

    void closeOut(Instant at) {
        this.state = HazardState.CLOSED_OUT;
        this.closedAt = at;
        this.overdue = false;
    }

    void archive() {
        this.state = HazardState.ARCHIVED;
    }

    void reopen() {
        this.closedAt = null;
    }

    public Long getId() {
        return id;
    }

    /** The case number people quote: 隐患 (YH), year reported, id — e.g. YH-2026-000042. */
    public String getReference() {
        return "YH-" + reportedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear() + "-" + String.format("%06d", id);
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public HazardSource getSource() {
        return source;
    }

    public Long getSelfInspectionId() {
        return selfInspectionId;
    }

    public HazardGrade getGrade() {
        return grade;
    }

    public HazardState getState() {
        return state;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getLocation() {
        return location;
    }

    public List<String> getPollutants() {
        return Arrays.stream(pollutants.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public String getResponsibleDepartment() {
        return responsibleDepartment;
    }

    public LocalDate getRectificationDue() {
        return rectificationDue;
    }

    public int getRoundNo() {
        return roundNo;
    }

    public boolean isSupervised() {
        return supervised;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public String getReportedBy() {
        return reportedBy;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
