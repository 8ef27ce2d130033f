package org.hmcflow.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.enterprise.Pollutant;
import org.hmcflow.enterprise.Uscc;
import org.hmcflow.support.H2AppTest;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.hmcflow.user.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login provisioning (the keycloak profile's {@link KeycloakAccounts}, driven here with claims, no identity provider):
 * an enterprise account is not provisioned while its enterprise waits for its USCC, and is once an administrator has
 * completed it.
 */
@H2AppTest
class EnterpriseWithoutUsccLoginTest {

    @Autowired
    UserService users;
    @Autowired
    DepartmentService departments;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    AuditTrail audit;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEnterpriseAccountIsProvisionedOnlyAfterTheUsccIsCompleted() {
        // built by hand (the bean lives in the keycloak profile), so the transaction its @Transactional asks for is ours
        KeycloakAccounts accounts = new KeycloakAccounts(users, departments, enterprises, audit);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Enterprise imported = enterprises.addNamedWithoutUscc(AuditTrail.SYSTEM, "连州市登录测试矿业有限公司", "连州市",
                "铅锌矿采选", List.of(Pollutant.Pb, Pollutant.Cd), "附表5 (test)");
        String uscc = Uscc.withCheckCharacter("91441882MA5L0G1N1");
        Map<String, Object> claims = Map.of("preferred_username", "lianzhou-login", "name", "连州登录测试",
                "roles", List.of("enterprise"), "uscc", uscc);

        assertThatThrownBy(() -> tx.execute(s -> accounts.signIn(claims))).isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("names no enterprise registered");
        assertThat(users.find("lianzhou-login")).isEmpty();

        enterprises.completeUscc(new Actor("admin", "管理员", Role.ADMIN, null, null), imported.getId(), uscc);
        Actor signedIn = tx.execute(s -> accounts.signIn(claims));

        assertThat(signedIn.enterpriseId()).isEqualTo(imported.getId());
        assertThat(users.find("lianzhou-login")).isPresent();
    }
}
