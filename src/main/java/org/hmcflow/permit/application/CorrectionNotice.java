package org.hmcflow.permit.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** 补正通知 — one notice to an applicant listing everything missing, and when the corrections came. */
@Entity
@Table(name = "permit_correction_notice")
public class CorrectionNotice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id", nullable = false)
    private Long applicationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CorrectionStage stage;
    /** One missing item per line. */
    @Column(nullable = false)
    private String items;
    @Column(name = "notified_on", nullable = false)
    private LocalDate notifiedOn;
    @Column(name = "notified_by", nullable = false)
    private String notifiedBy;
    @Column(name = "resubmitted_on")
    private LocalDate resubmittedOn;
    @Column(name = "resubmitted_by")
    private String resubmittedBy;
    private String statement;

    protected CorrectionNotice() {
    }

    CorrectionNotice(Long applicationId, CorrectionStage stage, List<String> items, LocalDate notifiedOn, String notifiedBy) {
        this.applicationId = applicationId;
        this.stage = stage;
        this.items = String.join("\n", items);
        this.notifiedOn = notifiedOn;
        this.notifiedBy = notifiedBy;
    }

    void resubmitted(LocalDate on, String by, String statement) {
        this.resubmittedOn = on;
        this.resubmittedBy = by;
        this.statement = statement;
    }

    public boolean isOpen() {
        return resubmittedOn == null;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public CorrectionStage getStage() {
        return stage;
    }

    public List<String> getItems() {
        return Arrays.stream(items.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    public LocalDate getNotifiedOn() {
        return notifiedOn;
    }

    public String getNotifiedBy() {
        return notifiedBy;
    }

    public LocalDate getResubmittedOn() {
        return resubmittedOn;
    }

    public String getResubmittedBy() {
        return resubmittedBy;
    }

    public String getStatement() {
        return statement;
    }
}
