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
import org.hmcflow.calendar.Suspension;

/**
 * 时限中止 — one entry of an application's statutory clock ledger: the decision clock stopped on {@code startedOn} for
 * a legal {@link PauseReason} and ran again after {@code endedOn}.
 */
@Entity
@Table(name = "permit_clock_pause")
public class ClockPause {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id", nullable = false)
    private Long applicationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PauseReason reason;
    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;
    @Column(name = "ended_on")
    private LocalDate endedOn;
    private String note;
    @Column(name = "started_by", nullable = false)
    private String startedBy;
    @Column(name = "ended_by")
    private String endedBy;
    @Column(name = "correction_notice_id")
    private Long correctionNoticeId;

    protected ClockPause() {
    }

    ClockPause(Long applicationId, PauseReason reason, LocalDate startedOn, String note, String startedBy,
               Long correctionNoticeId) {
        this.applicationId = applicationId;
        this.reason = reason;
        this.startedOn = startedOn;
        this.note = note;
        this.startedBy = startedBy;
        this.correctionNoticeId = correctionNoticeId;
    }

    void end(LocalDate on, String by) {
        this.endedOn = on;
        this.endedBy = by;
    }

    public boolean isOpen() {
        return endedOn == null;
    }

    Suspension suspension() {
        return new Suspension(startedOn, endedOn);
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public PauseReason getReason() {
        return reason;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getEndedOn() {
        return endedOn;
    }

    public String getNote() {
        return note;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public String getEndedBy() {
        return endedBy;
    }

    public Long getCorrectionNoticeId() {
        return correctionNoticeId;
    }
}
