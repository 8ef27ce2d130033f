package org.hmcflow.user;

import java.util.ArrayList;
import java.util.List;

/**
 * Who is acting: the signed-in user as the rest of the application sees it, whatever the login mechanism
 * (demo form login, HTTP Basic, or an OpenID Connect token).
 */
public record Actor(String username, String displayName, Role role, String departmentCode, Long enterpriseId) {

    /** The Camunda groups of this actor: its role group, its department, its enterprise. */
    public List<String> groups() {
        List<String> groups = new ArrayList<>();
        groups.add(role.group());
        if (role == Role.ADMIN) {
            groups.add("camunda-admin");
        }
        if (departmentCode != null) {
            groups.add(departmentCode);
        }
        if (enterpriseId != null) {
            groups.add("enterprise-" + enterpriseId);
        }
        return List.copyOf(groups);
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** A reviewer or head: works the tasks of its department. */
    public boolean isDepartmentStaff() {
        return role.isDepartmentStaff();
    }
}
