package org.hmcflow.inspection;

import java.util.List;

/** A draw selected enterprises that too few inspectors may be sent to (conflicts, recent inspections, county). */
public class NotEnoughInspectorsException extends RuntimeException {

    private final List<Long> enterpriseIds;
    private final int required;

    public NotEnoughInspectorsException(List<Long> enterpriseIds, int required) {
        super("fewer than " + required + " eligible inspectors for enterprises " + enterpriseIds);
        this.enterpriseIds = List.copyOf(enterpriseIds);
        this.required = required;
    }

    public List<Long> enterpriseIds() {
        return enterpriseIds;
    }

    public int required() {
        return required;
    }
}
