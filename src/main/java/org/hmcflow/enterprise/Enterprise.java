package org.hmcflow.enterprise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * 企业 — an enterprise under heavy-metal supervision, identified by its 统一社会信用代码 (USCC). An enterprise taken
 * from a plan's list has no USCC yet: it is {@link #isCompletionRequired() completion required} until an administrator
 * enters one, and until then it files nothing and its users cannot sign in ({@link EnterpriseService#requireRegistered}).
 * An enterprise in a 重点防控区 (key control area; all of 清城区 in the Qingyuan plan) faces stricter admission rules.
 */
@Entity
@Table(name = "enterprise")
public class Enterprise {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null while {@link #completionRequired}. */
    @Column(unique = true, length = 18)
    private String uscc;

    @Column(nullable = false)
    private String name;

    /** The name as imports match it ({@link EnterpriseNames#normalize}); unique. */
    @Column(name = "normalized_name", nullable = false, unique = true)
    private String normalizedName;

    /** 待补全 — the entry lacks what an enterprise needs to act (its USCC); set by imports, cleared by an admin. */
    @Column(name = "completion_required", nullable = false)
    private boolean completionRequired;

    /** 县（市、区） — county or district, e.g. 清城区. */
    @Column(nullable = false)
    private String county;

    /** 行业类别 — industry as the plans name it, e.g. 金属表面处理及热处理加工 (electroplating). */
    @Column(nullable = false)
    private String industry;

    @Column(name = "key_control_area", nullable = false)
    private boolean keyControlArea;

    /** Element symbols of the key pollutants, comma-separated (Pb,Cd,...). */
    @Column(name = "key_pollutants", nullable = false)
    private String keyPollutants;

    /** Demo data: real names from the plans' tables with generated, valid but fictitious USCCs. */
    @Column(nullable = false)
    private boolean demo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Enterprise() {
    }

    public Enterprise(String uscc, String name, String county, String industry, boolean keyControlArea,
                      List<Pollutant> keyPollutants, boolean demo, Instant createdAt) {
        this.uscc = uscc;
        this.name = name;
        this.normalizedName = EnterpriseNames.normalize(name);
        this.completionRequired = uscc == null;
        this.county = county;
        this.industry = industry;
        this.keyControlArea = keyControlArea;
        this.keyPollutants = Pollutant.join(keyPollutants);
        this.demo = demo;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getUscc() {
        return uscc;
    }

    public String getName() {
        return name;
    }

    public String getNormalizedName() {
        return normalizedName;
    }

    public boolean isCompletionRequired() {
        return completionRequired;
    }

    /** Whether the enterprise may act: it has a USCC and nothing is left to complete. */
    public boolean isRegistered() {
        return uscc != null && !completionRequired;
    }

    /** 补全 — the administrator enters the USCC (already checked and free) and the entry is complete. */
    void completeWith(String uscc) {
        this.uscc = uscc;
        this.completionRequired = false;
    }

    public String getCounty() {
        return county;
    }

    public String getIndustry() {
        return industry;
    }

    public boolean isKeyControlArea() {
        return keyControlArea;
    }

    public List<Pollutant> getKeyPollutants() {
        return Arrays.stream(keyPollutants.split(",")).filter(s -> !s.isBlank()).map(Pollutant::valueOf).toList();
    }

    public boolean isDemo() {
        return demo;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The Camunda candidate group of this enterprise's users. */
    public String candidateGroup() {
        return groupOf(id);
    }

    public static String groupOf(Long enterpriseId) {
        return GROUP_PREFIX + enterpriseId;
    }

    /** Whether a candidate group is an enterprise's (rather than a department's). */
    public static boolean isEnterpriseGroup(String group) {
        return group != null && group.startsWith(GROUP_PREFIX);
    }

    private static final String GROUP_PREFIX = "enterprise-";
}
