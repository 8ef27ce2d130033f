package org.hmcflow.permit.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 会审 — one participating department's part in the joint review of an application: its due date and opinion. */
@Entity
@Table(name = "permit_joint_review")
public class JointReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id", nullable = false)
    private Long applicationId;
    @Column(name = "department_code", nullable = false)
    private String departmentCode;
    @Column(name = "requested_on", nullable = false)
    private LocalDate requestedOn;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    private JointOpinion opinion;
    private String comment;
    @Column(name = "given_by")
    private String givenBy;
    @Column(name = "given_at")
    private Instant givenAt;
    @Column(nullable = false)
    private boolean late;

    protected JointReview() {
    }

    JointReview(Long applicationId, String departmentCode, LocalDate requestedOn, Instant dueAt) {
        this.applicationId = applicationId;
        this.departmentCode = departmentCode;
        this.requestedOn = requestedOn;
        this.dueAt = dueAt;
    }

    void give(JointOpinion opinion, String comment, String by, Instant at) {
        this.opinion = opinion;
        this.comment = comment;
        this.givenBy = by;
        this.givenAt = at;
    }

    void markLate() {
        this.late = true;
    }

    public boolean isPending() {
        return opinion == null;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public LocalDate getRequestedOn() {
        return requestedOn;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public JointOpinion getOpinion() {
        return opinion;
    }

    public String getComment() {
        return comment;
    }

    public String getGivenBy() {
        return givenBy;
    }

    public Instant getGivenAt() {
        return givenAt;
    }

    public boolean isLate() {
        return late;
    }
}
