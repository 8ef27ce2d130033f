package org.hmcflow.shared.workflow;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.hmcflow.department.Department;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseRegistered;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.user.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Grants each role what it needs in the engine — no more: enterprises start their own processes and work their own
 * tasks, reviewers their department's tasks, supervisors read everything and act on supervision tasks, admins
 * administer. Reviewers and supervisors may read every user and group (to see who holds or may take a task);
 * enterprises see only themselves and their own groups. Also creates the Tasklist filters, since stored queries may
 * not use expressions such as {@code ${currentUser()}}. Task candidates get TASK_WORK (see
 * {@code default-user-permission-name-for-task}), not full UPDATE.
 *
 * <p>Users and groups themselves are not written anywhere: the engine reads them from HMC-Flow's tables through
 * {@link AppIdentityProvider}. Authorizations and filters stay in the engine's tables.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class EngineIdentity implements ApplicationRunner {

    /**
     * Process keys users may start directly, with the roles that may start each: a hazard is reported by enterprises
     * and the bureau, a permit application is filed by the enterprise only, an inspection is started by the bureau's
     * reviewers (the inspection service checks that they are of the city bureau).
     */
    static final Map<String, List<Role>> REPORTABLE_PROCESSES = Map.of(
            "hazard-lifecycle", List.of(Role.ENTERPRISE, Role.REVIEWER, Role.HEAD),
            "permit-application", List.of(Role.ENTERPRISE),
            "inspection", List.of(Role.REVIEWER, Role.HEAD));

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final DepartmentService departments;
    private final EnterpriseService enterprises;

    EngineIdentity(AuthorizationService authorizations, FilterService filters, TaskService tasks,
                   DepartmentService departments, EnterpriseService enterprises) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.departments = departments;
        this.enterprises = enterprises;
    }

    @Override
    public void run(ApplicationArguments args) {
        grantRoles();
        for (Department d : departments.all()) {
            taskFilter(d.getCode(), d.getNameZh() + " 待办 / Open tasks", d.getCode());
        }
        for (Enterprise e : enterprises.all()) {
            taskFilter(e.candidateGroup(), e.getName() + " 待办 / Open tasks", e.candidateGroup());
        }
        taskFilter(Role.SUPERVISOR.group(), "督办事项 / Supervision", Role.SUPERVISOR.group());
        allTasksFilter();
    }

    /** A newly registered enterprise gets its Tasklist filter at once (its engine group exists as soon as it does). */
    @EventListener
    public void on(EnterpriseRegistered event) {
        String group = Enterprise.groupOf(event.enterpriseId());
        taskFilter(group, event.name() + " 待办 / Open tasks", group);
    }

    private void grantRoles() {
        for (Resource resource : Resources.values()) {
            grant(IdentityDirectory.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
        // Tasklist and Cockpit show who is assigned or a candidate; enterprises get no such directory view.
        for (Role role : List.of(Role.REVIEWER, Role.HEAD, Role.SUPERVISOR)) {
            grant(role.group(), Resources.USER, ANY, Permissions.READ);
            grant(role.group(), Resources.GROUP, ANY, Permissions.READ);
        }
        for (Role role : Role.values()) {
            grant(role.group(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(role.group(), Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(role.group(), Resources.DECISION_DEFINITION, ANY, Permissions.READ);
        }
        for (Map.Entry<String, List<Role>> reportable : REPORTABLE_PROCESSES.entrySet()) {
            String key = reportable.getKey();
            for (Role role : reportable.getValue()) {
                grant(role.group(), Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.CREATE_INSTANCE);
                grant(role.group(), Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
            }
        }
        String supervisors = Role.SUPERVISOR.group();
        grant(supervisors, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(supervisors, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
        grant(supervisors, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(supervisors, Resources.TASK, ANY, Permissions.READ);
        grant(supervisors, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(supervisors, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grant(supervisors, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    private void taskFilter(String groupId, String name, String candidateGroup) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name).setOwner("admin")
                .setQuery(tasks.createTaskQuery().taskCandidateGroup(candidateGroup).includeAssignedTasks());
        filters.saveFilter(filter);
        grant(groupId, Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private void allTasksFilter() {
        String name = "全部待办 / All open tasks";
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name).setOwner("admin").setQuery(tasks.createTaskQuery());
        filters.saveFilter(filter);
        grant(Role.SUPERVISOR.group(), Resources.FILTER, filter.getId(), Permissions.READ);
        grant(Role.ADMIN.group(), Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
