package org.hmcflow.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** 违法行为 the inspectors chose from a non-compliant checklist item, with its kind and what they saw. */
@Embeddable
public class FoundViolation {

    @Column(name = "item_code", nullable = false)
    private String itemCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ViolationKind kind;
    @Column(nullable = false)
    private String description;

    protected FoundViolation() {
    }

    FoundViolation(String itemCode, ViolationKind kind, String description) {
        this.itemCode = itemCode;
        this.kind = kind;
        this.description = description;
    }

    public String getItemCode() {
        return itemCode;
    }

    public ViolationKind getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }
}
