package org.hmcflow.permit;

/** 持证单位 — the holder's name, address and legal representative as a permit currently states them. */
public record PermitHolder(String unitName, String address, String legalRepresentative) {
}
