package org.hmcflow.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.user.Actor;
import org.hmcflow.user.AppUser;
import org.hmcflow.user.Role;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine's users and groups come from HMC-Flow's tables ({@link AppIdentityProvider}): every criterion, order and
 * page of Camunda's user and group queries, the authorization filtering, and that nothing can be written. Asked
 * through the engine's own {@link IdentityService}, as Tasklist, Cockpit and the engine REST API ask it.
 */
@H2AppTest
class AppIdentityProviderTest {

    private static final List<String> DEMO_USERS = List.of("admin", "enterprise", "enterprise2", "reviewer", "reviewer2",
            "supervisor");

    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    RepositoryService repository;
    @Autowired
    UserService users;
    @Autowired
    DepartmentService departments;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    JdbcTemplate jdbc;

    private final List<Runnable> cleanUp = new ArrayList<>();

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        cleanUp.forEach(Runnable::run);
    }

    @Test
    void usersAreTheEnabledUsersOfAppUserWithTheirDisplayName() {
        assertThat(ids(identity.createUserQuery().list())).containsAll(DEMO_USERS)
                .containsExactlyInAnyOrderElementsOf(users.enabledActors().stream().map(Actor::username).toList());
        User reviewer = identity.createUserQuery().userId("reviewer").singleResult();
        assertThat(reviewer.getFirstName()).isEqualTo("王审核（市环境保护局）");
        assertThat(reviewer.getLastName()).isEmpty();
        assertThat(reviewer.getEmail()).isNull();
        assertThat(identity.createUserQuery().userId("nobody").singleResult()).isNull();
    }

    @Test
    void aUserWrittenToAppUserIsAnEngineUserAtOnceAndADisabledOneIsNot() {
        insertUser("newcomer", "新来的审核员", Role.REVIEWER, "city-eit", true);
        insertUser("gone", "已停用", Role.REVIEWER, "city-eit", false);

        User newcomer = identity.createUserQuery().userId("newcomer").singleResult();
        assertThat(newcomer.getFirstName()).isEqualTo("新来的审核员");
        assertThat(ids(identity.createUserQuery().memberOfGroup("city-eit").list())).containsExactly("newcomer", "reviewer2");
        assertThat(ids(identity.createGroupQuery().groupMember("newcomer").list()))
                .containsExactlyInAnyOrder("hmc-reviewer", "city-eit");
        assertThat(identity.createUserQuery().userId("gone").count()).isZero();
        assertThat(identity.createGroupQuery().groupMember("gone").count()).isZero();
    }

    @Test
    void everyUserCriterion() {
        assertThat(ids(identity.createUserQuery().userIdIn("reviewer", "supervisor", "nobody").list()))
                .containsExactly("reviewer", "supervisor");
        assertThat(ids(identity.createUserQuery().userFirstName("张督办 Supervisor").list())).containsExactly("supervisor");
        assertThat(ids(identity.createUserQuery().userFirstNameLike("%审核%").list())).containsExactly("reviewer", "reviewer2");
        assertThat(ids(identity.createUserQuery().userFirstNameLike("王_核%").list())).containsExactly("reviewer");
        assertThat(identity.createUserQuery().userFirstNameLike("审核").count()).as("no wildcard: whole value").isZero();
        long all = identity.createUserQuery().count();
        assertThat(identity.createUserQuery().userLastName("").count()).isEqualTo(all);
        assertThat(identity.createUserQuery().userLastNameLike("%").count()).isEqualTo(all);
        assertThat(identity.createUserQuery().userLastNameLike("_%").count()).isZero();
        assertThat(identity.createUserQuery().userEmail("reviewer@example.org").count()).isZero();
        assertThat(identity.createUserQuery().userEmailLike("%").count()).as("nobody has an e-mail").isZero();
        assertThat(ids(identity.createUserQuery().memberOfGroup("hmc-reviewer").list()))
                .containsExactly("county", "monitor", "reviewer", "reviewer2");
        assertThat(ids(identity.createUserQuery().memberOfGroup("city-epb").list())).containsExactly("head", "reviewer", "supervisor");
        assertThat(ids(identity.createUserQuery().memberOfGroup("camunda-admin").list())).containsExactly("admin");
        assertThat(ids(identity.createUserQuery().memberOfGroup(enterpriseOf("enterprise")).list())).containsExactly("enterprise");
        assertThat(ids(identity.createUserQuery().memberOfGroup("hmc-reviewer").userFirstNameLike("李%").list()))
                .as("criteria combine").containsExactly("reviewer2");
        assertThat(identity.createUserQuery().memberOfTenant("any-tenant").count()).isZero();
    }

    @Test
    void everyGroupCriterion() {
        List<Group> all = identity.createGroupQuery().list();
        assertThat(all).hasSize(5 + 1 + departments.all().size() + enterprises.all().size());
        Group reviewers = identity.createGroupQuery().groupId("hmc-reviewer").singleResult();
        assertThat(reviewers.getName()).isEqualTo("审核人员 Reviewers");
        assertThat(reviewers.getType()).isEqualTo("WORKFLOW");
        assertThat(identity.createGroupQuery().groupId("camunda-admin").singleResult().getType()).isEqualTo("SYSTEM");
        Enterprise first = enterprises.all().get(0);
        Group enterprise = identity.createGroupQuery().groupId(first.candidateGroup()).singleResult();
        assertThat(enterprise.getName()).isEqualTo(first.getName());
        assertThat(enterprise.getType()).isEqualTo("ENTERPRISE");

        assertThat(ids(identity.createGroupQuery().groupIdIn("city-epb", "hmc-admin", "nope").list()))
                .containsExactly("city-epb", "hmc-admin");
        assertThat(ids(identity.createGroupQuery().groupName("市环境保护局").list())).containsExactly("city-epb");
        assertThat(identity.createGroupQuery().groupNameLike("%人民政府").count()).isEqualTo(8);
        assertThat(ids(identity.createGroupQuery().groupType("WORKFLOW").list()))
                .containsExactly("hmc-admin", "hmc-enterprise", "hmc-head", "hmc-reviewer", "hmc-supervisor");
        assertThat(ids(identity.createGroupQuery().groupType("SYSTEM").list())).containsExactly("camunda-admin");
        assertThat(identity.createGroupQuery().groupType("DEPARTMENT").count()).isEqualTo(departments.all().size());
        assertThat(identity.createGroupQuery().groupType("ENTERPRISE").count()).isEqualTo(enterprises.all().size());
        assertThat(ids(identity.createGroupQuery().groupMember("reviewer").list())).containsExactly("city-epb", "hmc-reviewer");
        assertThat(ids(identity.createGroupQuery().groupMember("admin").list())).containsExactly("camunda-admin", "hmc-admin");
        assertThat(ids(identity.createGroupQuery().groupMember("enterprise").list()))
                .containsExactlyInAnyOrder("hmc-enterprise", enterpriseOf("enterprise"));
        assertThat(ids(identity.createGroupQuery().groupMember("supervisor").groupType("DEPARTMENT").list()))
                .as("criteria combine").containsExactly("city-epb");
        assertThat(identity.createGroupQuery().groupMember("nobody").count()).isZero();
        assertThat(identity.createGroupQuery().memberOfTenant("any-tenant").count()).isZero();
    }

    @Test
    void potentialStartersAreTheCandidateStartersOfTheDefinition() {
        // The model builder has no candidate-starter attributes, hence the XML.
        String deployment = repository.createDeployment().name("identity-provider-test").addString("starters.bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="urn:hmcflow:test">
                  <process id="identity-starters-test" isExecutable="true" camunda:historyTimeToLive="1"
                           camunda:candidateStarterUsers="reviewer2"
                           camunda:candidateStarterGroups="hmc-supervisor, city-epb">
                    <startEvent id="StartEvent_Test"/>
                  </process>
                </definitions>
                """).deploy().getId();
        cleanUp.add(() -> repository.deleteDeployment(deployment, true));
        String definition = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();

        assertThat(ids(identity.createUserQuery().potentialStarter(definition).list())).containsExactly("reviewer2");
        assertThat(ids(identity.createGroupQuery().potentialStarter(definition).list()))
                .containsExactly("city-epb", "hmc-supervisor");
        String hazardDefinition = repository.createProcessDefinitionQuery().processDefinitionKey("hazard-lifecycle")
                .latestVersion().singleResult().getId();
        assertThat(identity.createUserQuery().potentialStarter(hazardDefinition).count())
                .as("the hazard process names no starters; authorizations decide").isZero();
    }

    @Test
    void ordersInBothDirectionsAndPages() {
        List<String> byId = ids(identity.createUserQuery().orderByUserId().asc().list());
        assertThat(byId).isSorted();
        assertThat(ids(identity.createUserQuery().orderByUserId().desc().list())).isEqualTo(reversed(byId));
        assertThat(ids(identity.createUserQuery().orderByUserId().asc().listPage(1, 2))).isEqualTo(byId.subList(1, 3));
        assertThat(identity.createUserQuery().listPage(byId.size(), 10)).isEmpty();
        assertThat(identity.createUserQuery().listPage(byId.size() - 1, Integer.MAX_VALUE)).hasSize(1);
        List<String> byFirstName = identity.createUserQuery().orderByUserFirstName().asc().list().stream()
                .map(User::getFirstName).toList();
        assertThat(byFirstName).isSorted();
        assertThat(ids(identity.createUserQuery().orderByUserLastName().asc().orderByUserEmail().desc().list()))
                .as("equal last names and e-mails: by id").isEqualTo(byId);
        assertThat(identity.createUserQuery().memberOfGroup("hmc-reviewer").orderByUserId().desc().listPage(0, 1))
                .extracting(User::getId).containsExactly("reviewer2");

        List<Group> byName = identity.createGroupQuery().orderByGroupName().desc().list();
        assertThat(byName.stream().map(Group::getName).toList()).isSortedAccordingTo((a, b) -> b.compareTo(a));
        List<Group> byType = identity.createGroupQuery().orderByGroupType().asc().orderByGroupId().desc().list();
        assertThat(byType.stream().map(Group::getType).toList()).isSorted();
        assertThat(byType.stream().filter(g -> g.getType().equals("WORKFLOW")).map(Group::getId).toList())
                .as("within a type, by id descending").containsExactly("hmc-supervisor", "hmc-reviewer", "hmc-head", "hmc-enterprise",
                        "hmc-admin");
        assertThat(ids(identity.createGroupQuery().groupType("WORKFLOW").orderByGroupId().desc().listPage(1, 2)))
                .containsExactly("hmc-reviewer", "hmc-head");
        assertThat(identity.createGroupQuery().groupType("WORKFLOW").listPage(1, 2)).hasSize(2);
        assertThat(identity.createGroupQuery().groupType("WORKFLOW").count()).as("a page does not change the count").isEqualTo(5);
        assertThatThrownBy(() -> identity.createUserQuery().orderByUserId().list())
                .as("an order without a direction is refused, as by the database provider")
                .hasMessageContaining("asc()");
    }

    @Test
    void anEnterpriseSeesOnlyItselfAndItsGroups() {
        Actor enterprise = users.actor("enterprise").orElseThrow();
        List<String> groups = as(enterprise, () -> ids(identity.createGroupQuery().list()));
        assertThat(groups).containsExactlyInAnyOrderElementsOf(enterprise.groups());
        assertThat(as(enterprise, () -> ids(identity.createUserQuery().list()))).containsExactly("enterprise");
        assertThat(as(enterprise, () -> identity.createUserQuery().count())).isEqualTo(1);
        assertThat(as(enterprise, () -> identity.createUserQuery().memberOfGroup("hmc-reviewer").count())).isZero();
        assertThat(as(enterprise, () -> identity.createGroupQuery().groupMember("reviewer").count())).isZero();
        assertThat(as(enterprise, () -> identity.createUserQuery().userId("enterprise2").singleResult())).isNull();
        assertThat(as(enterprise, () -> identity.createGroupQuery().groupType("WORKFLOW").list()))
                .extracting(Group::getId).containsExactly("hmc-enterprise");
    }

    @Test
    void reviewersSupervisorsAndAdminsSeeEveryone() {
        long users = identity.createUserQuery().count();
        long groups = identity.createGroupQuery().count();
        for (String name : List.of("reviewer", "supervisor", "admin")) {
            Actor actor = this.users.actor(name).orElseThrow();
            assertThat(as(actor, () -> identity.createUserQuery().count())).as(name + " users").isEqualTo(users);
            assertThat(as(actor, () -> identity.createGroupQuery().count())).as(name + " groups").isEqualTo(groups);
        }
    }

    @Test
    void aRevokedUserOrAGrantedGroupIsHonouredEntryByEntry() {
        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId("reviewer");
        revoke.setResource(Resources.USER);
        revoke.setResourceId("reviewer2");
        revoke.removePermission(Permissions.READ);
        String revokeId = authorizations.saveAuthorization(revoke).getId();
        cleanUp.add(() -> authorizations.deleteAuthorization(revokeId));
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId("enterprise");
        grant.setResource(Resources.GROUP);
        grant.setResourceId("city-epb");
        grant.addPermission(Permissions.READ);
        String grantId = authorizations.saveAuthorization(grant).getId();
        cleanUp.add(() -> authorizations.deleteAuthorization(grantId));

        Actor reviewer = users.actor("reviewer").orElseThrow();
        long all = identity.createUserQuery().count();
        List<String> seenByReviewer = as(reviewer, () -> ids(identity.createUserQuery().list()));
        assertThat(seenByReviewer).contains("reviewer", "supervisor", "enterprise").doesNotContain("reviewer2");
        assertThat(as(reviewer, () -> identity.createUserQuery().count())).isEqualTo(all - 1);
        assertThat(as(reviewer, () -> ids(identity.createUserQuery().memberOfGroup("hmc-reviewer").list())))
                .containsExactly("county", "monitor", "reviewer");

        Actor enterprise = users.actor("enterprise").orElseThrow();
        assertThat(as(enterprise, () -> ids(identity.createGroupQuery().list())))
                .containsExactlyInAnyOrder("city-epb", "hmc-enterprise", enterpriseOf("enterprise"));
    }

    @Test
    void noTenantsAndNoPasswords() {
        assertThat(identity.createTenantQuery().count()).isZero();
        assertThat(identity.createTenantQuery().userMember("reviewer").includingGroupsOfUser(true).list()).isEmpty();
        assertThat(identity.createTenantQuery().tenantId("default").singleResult()).isNull();
        assertThat(identity.checkPassword("reviewer", "demo")).as("passwords are Spring Security's").isFalse();
        assertThat(identity.checkPassword("admin", "demo")).isFalse();
    }

    @Test
    void theEngineCannotWriteUsersGroupsOrMemberships() {
        assertThat(identity.isReadOnly()).isTrue();
        assertThatThrownBy(() -> identity.newUser("intruder")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> identity.newGroup("intruders")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> identity.createMembership("reviewer", "camunda-admin")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> identity.deleteUser("reviewer")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> identity.newTenant("tenant")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("read-only");
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(1);
    }

    private <T> T as(Actor actor, Supplier<T> query) {
        identity.setAuthentication(actor.username(), actor.groups());
        try {
            return query.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private String enterpriseOf(String username) {
        return Enterprise.groupOf(users.actor(username).orElseThrow().enterpriseId());
    }

    private void insertUser(String username, String displayName, Role role, String department, boolean enabled) {
        if (enabled) {
            users.saveIfAbsent(new AppUser(username, "{noop}unused", displayName, role, department, null, false));
        } else {
            jdbc.update("INSERT INTO HMC.app_user (username, password_hash, display_name, role, department_code, enabled, demo)"
                    + " VALUES (?, ?, ?, ?, ?, FALSE, FALSE)", username, "{noop}unused", displayName, role.name(), department);
        }
        cleanUp.add(() -> jdbc.update("DELETE FROM HMC.app_user WHERE username = ?", username));
    }

    private static List<String> ids(List<?> entries) {
        return entries.stream().map(e -> e instanceof User u ? u.getId() : ((Group) e).getId()).toList();
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
