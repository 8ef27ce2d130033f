package org.hmcflow.supervision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 我的筛选 — a supervisor's saved, named filter over the open deadline items (only its owner sees it). */
@Entity
@Table(name = "supervision_filter")
public class SavedFilter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String owner;
    @Column(nullable = false)
    private String name;
    private String lifecycle;
    private String county;
    private String department;
    @Column(name = "enterprise_id")
    private Long enterpriseId;
    @Enumerated(EnumType.STRING)
    private SlaState state;
    @Column(name = "min_working_days_overdue")
    private Integer minWorkingDaysOverdue;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SavedFilter() {
    }

    SavedFilter(String owner, String name, DeadlineItemQueries.Filter f, Instant createdAt) {
        this.owner = owner;
        this.name = name.strip();
        this.lifecycle = f.lifecycle();
        this.county = f.county();
        this.department = f.department();
        this.enterpriseId = f.enterpriseId();
        this.state = f.state();
        this.minWorkingDaysOverdue = f.minWorkingDaysOverdue();
        this.createdAt = createdAt;
    }

    DeadlineItemQueries.Filter filter() {
        return new DeadlineItemQueries.Filter(state, lifecycle, county, department, enterpriseId, minWorkingDaysOverdue);
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
