package org.hmcflow.selfinspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/**
 * One answered checklist item of a {@link SelfInspection}: 符合 (compliant), 不符合 (non-compliant) or 不适用 (not
 * applicable, which counts as compliant). A non-compliant
 * item records the finding (发现的问题), where it was found and the heavy metals involved, and points to the hazard
 * (隐患) it was reported as.
 */
@Entity
@Table(name = "self_inspection_item")
public class SelfInspectionItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "item_code", nullable = false)
    private String itemCode;
    @Column(nullable = false)
    private boolean compliant;
    /** 不适用 — compliant for the older readers, and shown as "not applicable". */
    @Column(name = "not_applicable", nullable = false)
    private boolean notApplicable;
    /** What was found; required when non-compliant, an optional remark otherwise. */
    private String finding;
    private String location;
    /** Element symbols, comma-separated; null when none were given. */
    private String pollutants;
    @Column(name = "hazard_id")
    private Long hazardId;

    protected SelfInspectionItem() {
    }

    SelfInspectionItem(String itemCode, SelfInspectionConclusion conclusion, String finding, String location,
                       List<String> pollutants) {
        this.itemCode = itemCode;
        this.compliant = conclusion.compliant();
        this.notApplicable = conclusion == SelfInspectionConclusion.NOT_APPLICABLE;
        this.finding = finding;
        this.location = location;
        this.pollutants = pollutants == null || pollutants.isEmpty() ? null : String.join(",", pollutants);
    }

    void reportedAs(Long hazardId) {
        this.hazardId = hazardId;
    }

    public Long getId() {
        return id;
    }

    public String getItemCode() {
        return itemCode;
    }

    public boolean isCompliant() {
        return compliant;
    }

    public boolean isNotApplicable() {
        return notApplicable;
    }

    public SelfInspectionConclusion getConclusion() {
        return notApplicable ? SelfInspectionConclusion.NOT_APPLICABLE
                : compliant ? SelfInspectionConclusion.COMPLIANT : SelfInspectionConclusion.NON_COMPLIANT;
    }

    public String getFinding() {
        return finding;
    }

    public String getLocation() {
        return location;
    }

    public List<String> getPollutants() {
        return pollutants == null ? List.of() : Arrays.stream(pollutants.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public Long getHazardId() {
        return hazardId;
    }
}
