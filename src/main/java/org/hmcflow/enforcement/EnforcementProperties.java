package org.hmcflow.enforcement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the enforcement lifecycle ({@code hmc.enforcement}), see {@code config/application.yaml}.
 *
 * @param bureauGroup               the department that decides, re-inspects and closes cases
 * @param governmentGroup           who decides a closure when the enterprise's county has no government department
 * @param limitProductionMaxMonths  限制生产 at most this long (部令第30号: normally 3 months)
 * @param extensionMaxMonths        the one extension at most this long (3 months)
 * @param suspensionMaxMonths       the longest 停产整治 a decision may set
 * @param penaltyArticles           articles a penalty may be entered under, with their ranges
 */
@ConfigurationProperties(prefix = "hmc.enforcement")
public record EnforcementProperties(@DefaultValue("city-epb") String bureauGroup,
                                    @DefaultValue("gov-qingcheng") String governmentGroup,
                                    @DefaultValue("3") int limitProductionMaxMonths,
                                    @DefaultValue("3") int extensionMaxMonths,
                                    @DefaultValue("12") int suspensionMaxMonths,
                                    List<PenaltyArticle> penaltyArticles) {

    /** 罚则 — one article with the range of the fine it allows, in yuan. */
    public record PenaltyArticle(String code, String title, BigDecimal min, BigDecimal max) {
    }

    public EnforcementProperties {
        penaltyArticles = penaltyArticles == null ? List.of() : List.copyOf(penaltyArticles);
        for (PenaltyArticle a : penaltyArticles) {
            if (a.code() == null || a.min() == null || a.max() == null || a.min().signum() < 0
                    || a.max().compareTo(a.min()) < 0) {
                throw new IllegalArgumentException("hmc.enforcement.penalty-articles: bad range for " + a);
            }
        }
        if (limitProductionMaxMonths < 1 || extensionMaxMonths < 1 || suspensionMaxMonths < 1) {
            throw new IllegalArgumentException("hmc.enforcement: the month limits must be at least 1");
        }
    }

    public Optional<PenaltyArticle> article(String code) {
        return penaltyArticles.stream().filter(a -> a.code().equals(code)).findFirst();
    }
}
