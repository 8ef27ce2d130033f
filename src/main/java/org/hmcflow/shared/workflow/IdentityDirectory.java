package org.hmcflow.shared.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Groups;
import org.hmcflow.department.Department;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.hmcflow.user.UserService;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The users and groups the engine knows, read from HMC-Flow's own tables: every enabled user of {@code app_user}, and
 * as groups the four role groups, {@code camunda-admin}, every department and every enterprise. A user's groups are
 * {@link Actor#groups()}, the same list the login bridge hands to the engine, so what Tasklist shows and what the
 * authorization checks use cannot drift apart.
 *
 * <p>The services are looked up when first needed: this class is part of the engine's configuration, which is built
 * before the services (some of which call the engine) exist.
 */
final class IdentityDirectory {

    /** Group type of the departments and county governments (部门). */
    static final String DEPARTMENT = "DEPARTMENT";
    /** Group type of the enterprises (企业). */
    static final String ENTERPRISE = "ENTERPRISE";
    /** The group whose members administer the engine; the engine's default admin group. */
    static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;

    /** A user as the engine shows it: the display name is its first name, there is no last name or e-mail. */
    record DirectoryUser(String id, String displayName, List<String> groups) {
    }

    /** A group as the engine shows it. */
    record DirectoryGroup(String id, String name, String type) {
    }

    /** One consistent read of the directory, with the users indexed by id. */
    record Snapshot(List<DirectoryUser> users, List<DirectoryGroup> groups, Map<String, DirectoryUser> usersById) {

        Snapshot(List<DirectoryUser> users, List<DirectoryGroup> groups) {
            this(List.copyOf(users), List.copyOf(groups),
                    users.stream().collect(Collectors.toUnmodifiableMap(DirectoryUser::id, Function.identity())));
        }

        /** The groups of a user; none for an unknown or disabled user. */
        List<String> groupsOf(String userId) {
            DirectoryUser user = userId == null ? null : usersById.get(userId);
            return user == null ? List.of() : user.groups();
        }
    }

    private final ObjectProvider<UserService> users;
    private final ObjectProvider<DepartmentService> departments;
    private final ObjectProvider<EnterpriseService> enterprises;

    IdentityDirectory(ObjectProvider<UserService> users, ObjectProvider<DepartmentService> departments,
                      ObjectProvider<EnterpriseService> enterprises) {
        this.users = users;
        this.departments = departments;
        this.enterprises = enterprises;
    }

    /** Reads users, departments and enterprises now (inside the caller's transaction, if there is one). */
    Snapshot read() {
        List<DirectoryUser> directoryUsers = users.getObject().enabledActors().stream()
                .map(a -> new DirectoryUser(a.username(), a.displayName(), a.groups()))
                .toList();
        List<DirectoryGroup> groups = new ArrayList<>();
        for (Role role : Role.values()) {
            groups.add(new DirectoryGroup(role.group(), roleName(role), Groups.GROUP_TYPE_WORKFLOW));
        }
        groups.add(new DirectoryGroup(CAMUNDA_ADMIN, "Camunda 管理员 Camunda administrators",
                Groups.GROUP_TYPE_SYSTEM));
        for (Department d : departments.getObject().all()) {
            groups.add(new DirectoryGroup(d.getCode(), d.getNameZh(), DEPARTMENT));
        }
        for (Enterprise e : enterprises.getObject().all()) {
            groups.add(new DirectoryGroup(e.candidateGroup(), e.getName(), ENTERPRISE));
        }
        return new Snapshot(directoryUsers, groups);
    }

    static String roleName(Role role) {
        return switch (role) {
            case ADMIN -> "管理员 Administrators";
            case REVIEWER -> "审核人员 Reviewers";
            case HEAD -> "科室负责人 Department heads";
            case SUPERVISOR -> "督办人员 Supervisors";
            case ENTERPRISE -> "企业用户 Enterprise users";
        };
    }
}
