package org.hmcflow.demo;

import java.util.List;
import org.hmcflow.department.Department;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.enterprise.Pollutant;
import org.hmcflow.enterprise.Uscc;
import org.hmcflow.user.AppUser;
import org.hmcflow.user.Role;
import org.hmcflow.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo database of the embedded default: enterprises from the Qingyuan plan's 附表5 (the plan gives no USCCs,
 * so their codes are generated — valid, but fictitious and flagged as demo data) and one account per role, password
 * {@code demo}. Refuses to run under any profile named {@code prod}. Under the {@code keycloak} profile only the
 * enterprises are seeded: the accounts are Keycloak's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo";

    /** 附表5 rows; area codes per GB/T 2260: 441802 清城区, 441803 清新区, 441881 英德市. */
    private record DemoEnterprise(String body, String name, String county, String industry, List<Pollutant> pollutants) {
    }

    private static final List<DemoEnterprise> ENTERPRISES = List.of(
            new DemoEnterprise("91441802MA5HMC001", "清远市尤尼电源科技有限公司", "清城区", "其他电池制造", List.of(Pollutant.Pb)),
            new DemoEnterprise("91441802MA5HMC002", "兴和（清远）五金电镀制品有限公司", "清城区", "金属表面处理及热处理加工", List.of(Pollutant.Cr, Pollutant.Ni)),
            new DemoEnterprise("91441881MA5HMC003", "英德市岳泉化工有限公司", "英德市", "无机酸制造", List.of(Pollutant.As, Pollutant.Tl)),
            new DemoEnterprise("91441803MA5HMC004", "清远金安利电镀有限公司", "清新区", "金属表面处理及热处理加工", List.of(Pollutant.Cr, Pollutant.Ni, Pollutant.Cu)),
            new DemoEnterprise("91441881MA5HMC005", "广东佳纳能源科技有限公司", "英德市", "镍钴冶炼", List.of(Pollutant.Ni, Pollutant.Co)),
            new DemoEnterprise("91441803MA5HMC006", "清远双江颜料有限公司", "清新区", "颜料制造", List.of(Pollutant.Pb, Pollutant.Cr)));

    private final DemoProperties properties;
    private final Environment environment;
    private final EnterpriseService enterprises;
    private final UserService users;
    private final PasswordEncoder passwords;

    DemoData(DemoProperties properties, Environment environment, EnterpriseService enterprises, UserService users,
             PasswordEncoder passwords) {
        this.properties = properties;
        this.environment = environment;
        this.enterprises = enterprises;
        this.users = users;
        this.passwords = passwords;
        refuseInProduction(properties, environment);
    }

    static void refuseInProduction(DemoProperties properties, Environment environment) {
        if (properties.enabled() && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("Demo accounts are enabled (hmc.demo.enabled=true) under the prod profile; "
                    + "set HMC_DEMO_ENABLED=false. HMC-Flow refuses to start with well-known passwords in production.");
        }
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        List<Enterprise> seeded = ENTERPRISES.stream().map(e -> enterprises.register(Uscc.withCheckCharacter(e.body()),
                e.name(), e.county(), e.industry(), enterprises.inKeyControlArea(e.county()), e.pollutants(), true)).toList();
        if (environment.acceptsProfiles(Profiles.of("keycloak"))) {
            // Accounts live in Keycloak (config/keycloak/hmc-flow-realm.json) and are provisioned on first login.
            log.warn("Demo enterprises are seeded; their demo accounts come from the Keycloak realm. Never run this "
                    + "configuration in production.");
            return;
        }
        String hash = passwords.encode(PASSWORD);
        users.saveIfAbsent(new AppUser("admin", hash, "系统管理员 Administrator", Role.ADMIN, null, null, true));
        users.saveIfAbsent(new AppUser("reviewer", hash, "王审核（市环境保护局）", Role.REVIEWER,
                Department.ENVIRONMENTAL_PROTECTION_BUREAU, null, true));
        users.saveIfAbsent(new AppUser("reviewer2", hash, "李审核（市经济和信息化局）", Role.REVIEWER, "city-eit", null, true));
        users.saveIfAbsent(new AppUser("supervisor", hash, "张督办 Supervisor", Role.SUPERVISOR,
                Department.ENVIRONMENTAL_PROTECTION_BUREAU, null, true));
        users.saveIfAbsent(new AppUser("enterprise", hash, seeded.get(0).getName(), Role.ENTERPRISE, null,
                seeded.get(0).getId(), true));
        users.saveIfAbsent(new AppUser("enterprise2", hash, seeded.get(1).getName(), Role.ENTERPRISE, null,
                seeded.get(1).getId(), true));
        log.warn("Demo accounts are enabled (admin, reviewer, reviewer2, supervisor, enterprise, enterprise2; password "
                + "'demo'). Never run this configuration in production.");
    }
}
