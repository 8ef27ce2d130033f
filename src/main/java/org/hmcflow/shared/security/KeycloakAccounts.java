package org.hmcflow.shared.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.hmcflow.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what Keycloak says about a user (the claims of an ID or access token) into an HMC-Flow {@link Actor}, and
 * keeps our user table in step: a user Keycloak knows but we do not is provisioned on first login, a changed role,
 * department or enterprise is taken over, and each such change lands in the audit trail (case type {@code user}).
 *
 * <p>Claims read (the realm export in {@code config/keycloak/} maps them): {@code preferred_username}; {@code name};
 * {@code roles} (realm roles, also read from {@code realm_access.roles}) — one of {@code admin}, {@code supervisor},
 * {@code reviewer}, {@code enterprise}, the first of these present wins; {@code groups} — department codes, the same
 * as our departments'; {@code uscc} — an enterprise user's 统一社会信用代码 (unified social credit code). An
 * enterprise user is accepted only when its USCC names an enterprise we know, a reviewer only with a department.
 */
@Component
@Profile("keycloak")
class KeycloakAccounts {

    static final String AUDIT_CASE_TYPE = "user";

    private static final Logger log = LoggerFactory.getLogger(KeycloakAccounts.class);
    private static final List<Role> PRECEDENCE = List.of(Role.ADMIN, Role.SUPERVISOR, Role.HEAD, Role.REVIEWER,
            Role.ENTERPRISE);

    private final UserService users;
    private final DepartmentService departments;
    private final EnterpriseService enterprises;
    private final AuditTrail audit;

    KeycloakAccounts(UserService users, DepartmentService departments, EnterpriseService enterprises, AuditTrail audit) {
        this.users = users;
        this.departments = departments;
        this.enterprises = enterprises;
        this.audit = audit;
    }

    /**
     * The actor these claims describe, provisioned or updated as needed.
     *
     * @throws OAuth2AuthenticationException ({@code access_denied}) when the account may not use HMC-Flow: no role of
     *                                       ours, a reviewer without a department, an unknown USCC, or disabled here
     */
    @Transactional
    public Actor signIn(Map<String, Object> claims) {
        String username = text(claims.get("preferred_username"))
                .orElseThrow(() -> refuse("the token names no user (preferred_username)"));
        Role role = roleOf(claims).orElseThrow(() -> refuse("account " + username
                + " has none of the HMC-Flow roles admin, supervisor, head, reviewer, enterprise"));
        String department = departmentOf(claims).orElse(null);
        if (role.isDepartmentStaff() && department == null) {
            throw refuse(role.name().toLowerCase() + " " + username + " belongs to no HMC-Flow department (Keycloak group)");
        }
        Long enterpriseId = null;
        if (role == Role.ENTERPRISE) {
            String uscc = text(claims.get("uscc")).orElseThrow(() -> refuse("enterprise account " + username
                    + " carries no USCC (user attribute uscc)"));
            // An entry taken from a plan without a USCC cannot match until an administrator completes it; one still
            // marked for completion is refused as well (Enterprise#isRegistered).
            enterpriseId = enterprises.findByUscc(uscc.trim().toUpperCase()).filter(Enterprise::isRegistered)
                    .map(Enterprise::getId)
                    .orElseThrow(() -> refuse("enterprise account " + username + ": USCC " + uscc
                            + " names no enterprise registered in HMC-Flow (an entry without its USCC must be"
                            + " completed by an administrator first)"));
        }
        String displayName = text(claims.get("name")).orElse(username);
        UserService.Provisioning result;
        try {
            result = users.provision(username, displayName, role, department, enterpriseId,
                    text(claims.get("email")).orElse(null));
        } catch (IllegalStateException disabled) {
            throw refuse("account " + username + " is disabled in HMC-Flow");
        }
        if (result.changed()) {
            String action = result.created() ? "provisioned" : "updated";
            audit.record(AUDIT_CASE_TYPE, username, action, result.actor(),
                    result.created() ? "首次登录，由统一身份认证开通 / first login through Keycloak"
                            : "统一身份认证的资料已变更 / Keycloak account changed", result.changes());
            log.info("User {} {} from Keycloak: {}", username, action, result.changes());
        }
        return result.actor();
    }

    private Optional<Role> roleOf(Map<String, Object> claims) {
        Set<String> names = new LinkedHashSet<>(strings(claims.get("roles")));
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess) {
            names.addAll(strings(realmAccess.get("roles")));
        }
        return PRECEDENCE.stream().filter(r -> names.contains(r.name().toLowerCase())).findFirst();
    }

    private Optional<String> departmentOf(Map<String, Object> claims) {
        return strings(claims.get("groups")).stream()
                .map(g -> g.startsWith("/") ? g.substring(g.lastIndexOf('/') + 1) : g)
                .filter(departments::exists)
                .findFirst();
    }

    private static List<String> strings(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(String.valueOf(v)));
        } else if (claim instanceof String s) {
            values.add(s);
        }
        return values;
    }

    private static Optional<String> text(Object claim) {
        return claim instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private static OAuth2AuthenticationException refuse(String reason) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", reason, null), reason);
    }
}
