package org.hmcflow.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.permit.application.PermitApplicationService;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.support.ApiClient;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An enterprise a plan names without its 统一社会信用代码: it cannot file a permit application until an administrator
 * completes its USCC over HTTP (admins only, check character verified, a taken USCC refused, audited). Run on H2
 * ({@link EnterpriseUsccCompletionH2Test}) and PostgreSQL ({@link EnterpriseUsccCompletionPostgresTest}), where several
 * entries without a USCC share the UNIQUE column.
 */
abstract class EnterpriseUsccCompletionScenarios {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    EnterpriseService enterprises;
    @Autowired
    AuditTrail audit;
    @Autowired
    PermitApplicationService permitApplications;

    private ApiClient admin;
    private ApiClient reviewer;
    private ApiClient anonymous;

    @BeforeEach
    void clients() {
        admin = new ApiClient(port, "admin");
        reviewer = new ApiClient(port, "reviewer");
        anonymous = new ApiClient(port, null);
    }

    @Test
    void anAdministratorCompletesTheUsccOnceAndItIsAudited() {
        Enterprise imported = importWithoutUscc();
        assertThat(imported.getUscc()).isNull();
        assertThat(imported.isCompletionRequired()).isTrue();
        String uscc = freeUscc();

        ApiClient.Response done = admin.put(path(imported), Map.of("uscc", uscc));

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("uscc").asText()).isEqualTo(uscc);
        assertThat(done.json().get("completionRequired").asBoolean()).isFalse();
        assertThat(enterprises.findByUscc(uscc)).map(Enterprise::getId).contains(imported.getId());
        List<AuditEvent> trail = audit.trailOf("ENTERPRISE", imported.getId());
        assertThat(trail).extracting(AuditEvent::getAction).containsExactly("IMPORTED_WITHOUT_USCC", "USCC_COMPLETED");
        assertThat(trail.get(1).getActor()).isEqualTo("admin");
        assertThat(trail.get(1).getChanges()).contains(uscc);

        ApiClient.Response again = admin.put(path(imported), Map.of("uscc", freeUscc()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").get(0).get("field").asText()).isEqualTo("uscc");
    }

    @Test
    void onlyAnAdministratorMayCompleteIt() {
        Enterprise imported = importWithoutUscc();

        assertThat(anonymous.put(path(imported), Map.of("uscc", freeUscc())).status()).isEqualTo(401);
        assertThat(reviewer.put(path(imported), Map.of("uscc", freeUscc())).status()).isEqualTo(403);
        assertThat(new ApiClient(port, "enterprise").put(path(imported), Map.of("uscc", freeUscc())).status())
                .isEqualTo(403);

        assertThat(enterprises.find(imported.getId()).orElseThrow().isCompletionRequired()).isTrue();
        assertThat(audit.trailOf("ENTERPRISE", imported.getId())).hasSize(1);
    }

    @Test
    void aBadCheckCharacterIs400NamingUscc() {
        Enterprise imported = importWithoutUscc();
        String good = freeUscc();
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');

        ApiClient.Response refused = admin.put(path(imported), Map.of("uscc", bad));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("uscc");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("统一社会信用代码");
        assertThat(enterprises.find(imported.getId()).orElseThrow().getUscc()).isNull();
    }

    @Test
    void aUsccAnotherEnterpriseHasIs409NamingUscc() {
        Enterprise imported = importWithoutUscc();
        String taken = enterprises.all().stream().filter(Enterprise::isRegistered).findFirst().orElseThrow().getUscc();

        ApiClient.Response refused = admin.put(path(imported), Map.of("uscc", taken));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("uscc");
        assertThat(enterprises.find(imported.getId()).orElseThrow().isCompletionRequired()).isTrue();
    }

    @Test
    void anEnterpriseWithoutUsccCannotFileAPermitApplicationUntilCompleted() {
        Enterprise imported = importWithoutUscc();
        Actor user = new Actor("imported-" + imported.getId(), imported.getName(), Role.ENTERPRISE, null, imported.getId());

        // refused before the contents are even read: the enterprise itself is not ready to file
        assertThatThrownBy(() -> permitApplications.file(user, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("uscc");
                    assertThat(e.getMessage()).isEqualTo("hmc.error.enterprise-uscc-missing");
                });
        assertThatThrownBy(() -> enterprises.requireRegistered(imported.getId())).isInstanceOf(ConflictException.class);

        assertThat(admin.put(path(imported), Map.of("uscc", freeUscc())).status()).isEqualTo(200);
        assertThat(enterprises.requireRegistered(imported.getId()).getId()).isEqualTo(imported.getId());
    }

    @Test
    void anImportedNameMatchesTheRegisterRegardlessOfBracketWidthAndSpaces() {
        Enterprise first = enterprises.addNamedWithoutUscc(AuditTrail.SYSTEM, "兴和（清远）测试" + SEQ.incrementAndGet()
                + "五金电镀制品有限公司", "清城区", "金属表面处理及热处理加工", List.of(Pollutant.Cr), "test");
        String halfWidth = first.getName().replace('（', '(').replace('）', ')').replace("五金", " 五金\u3000");

        Enterprise again = enterprises.addNamedWithoutUscc(AuditTrail.SYSTEM, halfWidth, "清城区",
                "金属表面处理及热处理加工", List.of(Pollutant.Cr), "test");

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(enterprises.findByName(halfWidth)).map(Enterprise::getId).contains(first.getId());
        assertThat(enterprises.findByName(first.getName().replace("兴和", "兴和市"))).isEmpty();
    }

    @Test
    void severalEnterprisesMayWaitForTheirUsccAtOnce() {
        Enterprise one = importWithoutUscc();
        Enterprise two = importWithoutUscc();

        assertThat(enterprises.find(one.getId()).orElseThrow().getUscc()).isNull();
        assertThat(enterprises.find(two.getId()).orElseThrow().getUscc()).isNull();
    }

    private Enterprise importWithoutUscc() {
        return enterprises.addNamedWithoutUscc(AuditTrail.SYSTEM, "清远市测试无代码企业" + SEQ.incrementAndGet() + "有限公司",
                "英德市", "金属表面处理及热处理加工", List.of(Pollutant.Ni), "附表5 (test)");
    }

    /** A valid USCC no enterprise has: body 9144180 + 2-digit run + 8 digits of the sequence. */
    private String freeUscc() {
        while (true) {
            String candidate = Uscc.withCheckCharacter(String.format("91441881MA%07d", 1_000_000 + SEQ.incrementAndGet()));
            if (enterprises.findByUscc(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    private static String path(Enterprise e) {
        return "/api/enterprises/" + e.getId() + "/uscc";
    }
}
