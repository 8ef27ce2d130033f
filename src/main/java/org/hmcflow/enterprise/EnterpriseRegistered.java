package org.hmcflow.enterprise;

/** Published when an enterprise joins the register, so identity and workflow set up its group. */
public record EnterpriseRegistered(Long enterpriseId, String name) {
}
