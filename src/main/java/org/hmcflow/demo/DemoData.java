package org.hmcflow.demo;

import java.util.List;
import org.hmcflow.department.Department;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.enterprise.Pollutant;
import org.hmcflow.enterprise.Uscc;
import org.hmcflow.inspection.CreditColour;
import org.hmcflow.inspection.InspectionRegisterService;
import org.hmcflow.inspection.InspectionRegisterService.Classification;
import org.hmcflow.inspection.Inspector;
import org.hmcflow.permit.application.ManagementCategory;
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
 * enterprises (with their supervision-register entries and the demo inspectors) are seeded: the accounts are Keycloak's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo";

    /** 附表5 rows; area codes per GB/T 2260: 441802 清城区, 441803 清新区, 441881 英德市. */
    private record DemoEnterprise(String body, String name, String county, String industry, List<Pollutant> pollutants,
                                  Classification supervision) {
    }

    /** 执法人员 — fictitious inspectors of the city bureau (city level: any county) and of three county governments. */
    private record DemoInspector(String name, String departmentCode, String county, String certificateNo) {
    }

    private static final List<DemoEnterprise> ENTERPRISES = List.of(
            new DemoEnterprise("91441802MA5HMC001", "清远市尤尼电源科技有限公司", "清城区", "其他电池制造", List.of(Pollutant.Pb),
                    new Classification(ManagementCategory.KEY, true, true, CreditColour.BLUE)),
            new DemoEnterprise("91441802MA5HMC002", "兴和（清远）五金电镀制品有限公司", "清城区", "金属表面处理及热处理加工", List.of(Pollutant.Cr, Pollutant.Ni),
                    new Classification(ManagementCategory.KEY, true, false, CreditColour.YELLOW)),
            new DemoEnterprise("91441881MA5HMC003", "英德市岳泉化工有限公司", "英德市", "无机酸制造", List.of(Pollutant.As, Pollutant.Tl),
                    new Classification(ManagementCategory.KEY, false, true, CreditColour.GREEN)),
            new DemoEnterprise("91441803MA5HMC004", "清远金安利电镀有限公司", "清新区", "金属表面处理及热处理加工", List.of(Pollutant.Cr, Pollutant.Ni, Pollutant.Cu),
                    new Classification(ManagementCategory.SIMPLIFIED, false, false, CreditColour.RED)),
            new DemoEnterprise("91441881MA5HMC005", "广东佳纳能源科技有限公司", "英德市", "镍钴冶炼", List.of(Pollutant.Ni, Pollutant.Co),
                    new Classification(ManagementCategory.KEY, true, true, CreditColour.BLUE)),
            new DemoEnterprise("91441803MA5HMC006", "清远双江颜料有限公司", "清新区", "颜料制造", List.of(Pollutant.Pb, Pollutant.Cr),
                    new Classification(ManagementCategory.SIMPLIFIED, false, false, null)));

    private static final List<DemoInspector> INSPECTORS = List.of(
            new DemoInspector("陈志强", Department.ENVIRONMENTAL_PROTECTION_BUREAU, null, "44180020180001"),
            new DemoInspector("林晓燕", Department.ENVIRONMENTAL_PROTECTION_BUREAU, null, "44180020180002"),
            new DemoInspector("黄建华", Department.ENVIRONMENTAL_PROTECTION_BUREAU, null, "44180020190003"),
            new DemoInspector("周敏", Department.ENVIRONMENTAL_PROTECTION_BUREAU, null, "44180020200004"),
            new DemoInspector("刘伟", "gov-qingcheng", "清城区", "44180220190011"),
            new DemoInspector("何丽娟", "gov-qingcheng", "清城区", "44180220200012"),
            new DemoInspector("梁国栋", "gov-qingxin", "清新区", "44180320190021"),
            new DemoInspector("吴婷", "gov-qingxin", "清新区", "44180320210022"),
            new DemoInspector("邓志明", "gov-yingde", "英德市", "44188120180031"),
            new DemoInspector("谢芳", "gov-yingde", "英德市", "44188120200032"));

    private final DemoProperties properties;
    private final Environment environment;
    private final EnterpriseService enterprises;
    private final UserService users;
    private final PasswordEncoder passwords;
    private final InspectionRegisterService registers;

    DemoData(DemoProperties properties, Environment environment, EnterpriseService enterprises, UserService users,
             PasswordEncoder passwords, InspectionRegisterService registers) {
        this.properties = properties;
        this.environment = environment;
        this.enterprises = enterprises;
        this.users = users;
        this.passwords = passwords;
        this.registers = registers;
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
        seedInspectionRegisters(seeded);
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
        users.saveIfAbsent(new AppUser("monitor", hash, "赵监测（市环境监测站）", Role.REVIEWER, "city-monitoring", null, true));
        // a county government's officer: decides closures (停业、关闭) the bureau proposes for enterprises in 清城区
        users.saveIfAbsent(new AppUser("county", hash, "周区政府（清城区人民政府）", Role.REVIEWER, "gov-qingcheng", null, true));
        users.saveIfAbsent(new AppUser("head", hash, "陈科长（市环境保护局）", Role.HEAD,
                Department.ENVIRONMENTAL_PROTECTION_BUREAU, null, true));
        users.saveIfAbsent(new AppUser("supervisor", hash, "张督办 Supervisor", Role.SUPERVISOR,
                Department.ENVIRONMENTAL_PROTECTION_BUREAU, null, true));
        users.saveIfAbsent(new AppUser("enterprise", hash, seeded.get(0).getName(), Role.ENTERPRISE, null,
                seeded.get(0).getId(), true));
        users.saveIfAbsent(new AppUser("enterprise2", hash, seeded.get(1).getName(), Role.ENTERPRISE, null,
                seeded.get(1).getId(), true));
        log.warn("Demo accounts are enabled (admin, reviewer, reviewer2, monitor, county, head, supervisor, enterprise, enterprise2; password "
                + "'demo'). Never run this configuration in production.");
    }

    /** 监管名录 entries for the demo enterprises, the demo inspectors, and one declared conflict of interest. */
    private void seedInspectionRegisters(List<Enterprise> seeded) {
        for (int i = 0; i < seeded.size(); i++) {
            registers.seedEntry(seeded.get(i).getId(), ENTERPRISES.get(i).supervision());
        }
        List<Inspector> inspectors = INSPECTORS.stream()
                .map(d -> registers.seedInspector(d.name(), d.departmentCode(), d.county(), d.certificateNo())).toList();
        registers.seedConflict(inspectors.get(5).getId(), seeded.get(1).getId(), "配偶在该企业任职（演示数据）");
    }
}
