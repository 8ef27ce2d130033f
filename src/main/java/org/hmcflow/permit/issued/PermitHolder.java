package org.hmcflow.permit.issued;

import org.hmcflow.permit.application.PermitApplication;

/** 持证单位 — the holder's name, address and legal representative as a permit currently states them. */
public record PermitHolder(String unitName, String address, String legalRepresentative) {

    /** The holder as the permit states it now: the last approved change (变更), else the application. */
    public static PermitHolder of(Permit permit, PermitApplication application) {
        return new PermitHolder(
                permit.getUnitName() != null ? permit.getUnitName() : application.getUnitName(),
                permit.getHolderAddress() != null ? permit.getHolderAddress() : application.getAddress(),
                permit.getLegalRepresentative() != null ? permit.getLegalRepresentative() : application.getLegalRepresentative());
    }
}
