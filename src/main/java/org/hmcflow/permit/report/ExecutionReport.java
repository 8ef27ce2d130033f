package org.hmcflow.permit.report;

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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hmcflow.permit.application.ReportKind;
import org.hmcflow.permit.issued.Permit;

/**
 * 执行报告 — one execution report a permit requires (排污许可管理条例 Art 22), from the permit's schedule: filed by the
 * holder after its period, late when filed after its due day (with the days late), reviewed by the bureau, who accepts
 * it or returns it for correction. A report not filed by its due day plus the grace is escalated (Art 37 fines a
 * missing report).
 */
@Entity
@Table(name = "permit_execution_report")
class ExecutionReport {

    /** Where a report stands. */
    public enum State {
        /** 期间未结束 — its period has not ended: nothing to file yet. */
        SCHEDULED,
        /** 待提交 — its period ended: the holder may file it. */
        OPEN,
        /** 待审核 — filed, waiting for the bureau. */
        FILED,
        /** 退回补正 — returned by the bureau for correction. */
        RETURNED,
        /** 已接收 — accepted by the bureau. */
        ACCEPTED,
        /** 不再报告 — the permit ended before the report's period ended: the report is no longer required. */
        STOPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "permit_id", nullable = false)
    private Long permitId;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportKind kind;
    @Column(nullable = false)
    private String period;
    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;
    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;
    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(nullable = false)
    private boolean overdue;
    @Column(name = "filed_at")
    private Instant filedAt;
    @Column(name = "filed_by")
    private String filedBy;
    @Column(name = "days_late")
    private Integer daysLate;
    private String exceedances;
    @Column(name = "abnormal_operation")
    private String abnormalOperation;
    @Column(name = "monitoring_completeness")
    private BigDecimal monitoringCompleteness;
    @Column(nullable = false)
    private int returns;
    @Column(name = "review_comment")
    private String reviewComment;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "permit_execution_emission", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "line_no")
    private List<Emission> emissions = new ArrayList<>();

    protected ExecutionReport() {
    }

    ExecutionReport(Permit permit, Permit.ReportDue due) {
        this.permitId = permit.getId();
        this.enterpriseId = permit.getEnterpriseId();
        this.kind = due.getKind();
        this.period = due.getPeriod();
        this.periodStart = due.getPeriodStart();
        this.periodEnd = due.getPeriodEnd();
        this.dueOn = due.getDueOn();
        this.state = State.SCHEDULED;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void open() {
        if (state == State.SCHEDULED) {
            state = State.OPEN;
        }
    }

    /** Filed (or refiled after a return) today; late by the calendar days after the due day. */
    void file(List<Emission> emissions, String exceedances, String abnormalOperation, BigDecimal completeness,
              String by, Instant at, LocalDate today) {
        this.emissions.clear();
        this.emissions.addAll(emissions);
        this.exceedances = exceedances;
        this.abnormalOperation = abnormalOperation;
        this.monitoringCompleteness = completeness;
        this.filedBy = by;
        this.filedAt = at;
        if (daysLate == null) { // a refiling after a return keeps the lateness of the first filing
            this.daysLate = today.isAfter(dueOn) ? (int) (today.toEpochDay() - dueOn.toEpochDay()) : 0;
        }
        this.state = State.FILED;
    }

    void review(boolean accepted, String comment, String by, Instant at) {
        this.reviewComment = comment;
        this.reviewedBy = by;
        this.reviewedAt = at;
        if (accepted) {
            state = State.ACCEPTED;
        } else {
            state = State.RETURNED;
            returns++;
        }
    }

    /** The permit ended before this report's period ended (only a report still waiting for its period stops). */
    boolean stop() {
        if (state != State.SCHEDULED) {
            return false;
        }
        state = State.STOPPED;
        return true;
    }

    void markOverdue() {
        overdue = true;
    }

    public boolean isLate() {
        return daysLate != null && daysLate > 0;
    }

    public Long getId() {
        return id;
    }

    public Long getPermitId() {
        return permitId;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public ReportKind getKind() {
        return kind;
    }

    public String getPeriod() {
        return period;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public State getState() {
        return state;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    public String getFiledBy() {
        return filedBy;
    }

    public Integer getDaysLate() {
        return daysLate;
    }

    public String getExceedances() {
        return exceedances;
    }

    public String getAbnormalOperation() {
        return abnormalOperation;
    }

    public BigDecimal getMonitoringCompleteness() {
        return monitoringCompleteness;
    }

    public int getReturns() {
        return returns;
    }

    public String getReviewComment() {
        return reviewComment;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public List<Emission> getEmissions() {
        return List.copyOf(emissions);
    }

    /** 实际排放量 — the actual emission of one pollutant over the period, in kg. */
    @Embeddable
    public static class Emission {
        @Column(nullable = false)
        private String pollutant;
        @Column(name = "actual_kg", nullable = false)
        private BigDecimal actualKg;

        protected Emission() {
        }

        Emission(String pollutant, BigDecimal actualKg) {
            this.pollutant = pollutant;
            this.actualKg = actualKg;
        }

        public String getPollutant() {
            return pollutant;
        }

        public BigDecimal getActualKg() {
            return actualKg;
        }
    }
}
