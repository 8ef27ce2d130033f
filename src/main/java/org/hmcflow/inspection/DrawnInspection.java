package org.hmcflow.inspection;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.util.ArrayList;
import java.util.List;

/**
 * 抽中的检查 — one enterprise a draw selected, why (its stratum, or included without lot), whether the yearly
 * full-indicator 监督性监测 (supervisory monitoring) is due with it, and the inspectors sent (at least two).
 */
@Entity
@Table(name = "drawn_inspection")
public class DrawnInspection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "draw_id", nullable = false)
    private Long drawId;
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stratum stratum;
    @Column(nullable = false)
    private boolean mandatory;
    @Column(name = "full_indicator_monitoring", nullable = false)
    private boolean fullIndicatorMonitoring;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "drawn_inspection_inspector", joinColumns = @JoinColumn(name = "inspection_id"))
    @OrderColumn(name = "seq")
    @Column(name = "inspector_id", nullable = false)
    private List<Long> inspectorIds = new ArrayList<>();

    protected DrawnInspection() {
    }

    DrawnInspection(Long drawId, RandomDraw.Selected selected) {
        this.drawId = drawId;
        this.enterpriseId = selected.enterpriseId();
        this.stratum = selected.stratum();
        this.mandatory = selected.mandatory();
        this.fullIndicatorMonitoring = selected.fullIndicatorMonitoring();
        this.inspectorIds = new ArrayList<>(selected.inspectorIds());
    }

    /** What the algorithm would have to produce again for this row. */
    RandomDraw.Selected asSelected() {
        return new RandomDraw.Selected(enterpriseId, stratum, mandatory, fullIndicatorMonitoring, List.copyOf(inspectorIds));
    }

    public Long getId() {
        return id;
    }

    public Long getDrawId() {
        return drawId;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public Stratum getStratum() {
        return stratum;
    }

    public boolean isMandatory() {
        return mandatory;
    }

    public boolean isFullIndicatorMonitoring() {
        return fullIndicatorMonitoring;
    }

    public List<Long> getInspectorIds() {
        return List.copyOf(inspectorIds);
    }
}
