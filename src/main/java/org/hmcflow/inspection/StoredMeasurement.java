package org.hmcflow.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import org.hmcflow.monitoring.Measurement;

/** 监测结果 as stored with the inspection: the values entered, the ratio and exceedance as computed. */
@Embeddable
public class StoredMeasurement {

    @Column(nullable = false)
    private String pollutant;
    @Column(nullable = false)
    private String point;
    @Column(name = "measured_value", nullable = false)
    private BigDecimal value;
    @Column(nullable = false)
    private String unit;
    @Column(name = "limit_value", nullable = false)
    private BigDecimal limit;
    @Column(name = "limit_unit", nullable = false)
    private String limitUnit;
    @Column(name = "ratio_to_limit", nullable = false)
    private BigDecimal ratioToLimit;
    @Column(nullable = false)
    private boolean exceeds;

    protected StoredMeasurement() {
    }

    StoredMeasurement(Measurement m) {
        this.pollutant = m.pollutant().name();
        this.point = m.point();
        this.value = m.value();
        this.unit = m.unit().symbol();
        this.limit = m.limit();
        this.limitUnit = m.limitUnit().symbol();
        this.ratioToLimit = m.ratioToLimit();
        this.exceeds = m.exceeds();
    }

    public String getPollutant() {
        return pollutant;
    }

    public String getPoint() {
        return point;
    }

    public BigDecimal getValue() {
        return value;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getLimit() {
        return limit;
    }

    public String getLimitUnit() {
        return limitUnit;
    }

    public BigDecimal getRatioToLimit() {
        return ratioToLimit;
    }

    public boolean isExceeds() {
        return exceeds;
    }
}
