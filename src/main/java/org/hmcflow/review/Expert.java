package org.hmcflow.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 专家 — an expert of the register (专家库): name, organisation, specialty, title; an inactive one is not asked. */
@Entity
@Table(name = "review_expert")
public class Expert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String organisation;
    @Column(nullable = false)
    private String specialty;
    @Column(nullable = false)
    private String title;
    private String phone;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Expert() {
    }

    Expert(String name, String organisation, String specialty, String title, String phone, boolean active, Instant createdAt) {
        update(name, organisation, specialty, title, phone, active);
        this.createdAt = createdAt;
    }

    void update(String name, String organisation, String specialty, String title, String phone, boolean active) {
        this.name = name;
        this.organisation = organisation;
        this.specialty = specialty;
        this.title = title;
        this.phone = phone;
        this.active = active;
    }

    void deactivate() {
        this.active = false;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getOrganisation() {
        return organisation;
    }

    public String getSpecialty() {
        return specialty;
    }

    public String getTitle() {
        return title;
    }

    public String getPhone() {
        return phone;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
