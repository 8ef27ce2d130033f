package org.hmcflow.permit.application;

import java.math.BigDecimal;
import java.util.List;

/**
 * 申请内容 — what an enterprise states in a permit application, the contents of 排污许可管理条例 Art 7 (and the Art 8
 * documents), as filed or corrected. Heavy metals only: the pollutants are element symbols of
 * {@link org.hmcflow.enterprise.Pollutant}; amounts are kg per year (kg/a), concentrations mg/m³ at a waste-gas outlet
 * and mg/L at a wastewater outlet. Checked by {@link ApplicationRules}.
 *
 * @param uscc                   统一社会信用代码 — must be the applicant's own
 * @param unitName               单位名称
 * @param address                住所
 * @param legalRepresentative    法定代表人
 * @param siteAddress            生产经营场所地址 — the site the permit is for (one permit per site, Art 6)
 * @param projectType            建设性质
 * @param processCode            the restricted process or product, if any (codes of {@code permit-admission.dmn})
 * @param onKeyDischargerList    the unit is on the city's 重点排污单位名录
 * @param heavyMetalEmissionChange 新增排放量 — heavy metals the project adds (≤ 0: none)
 * @param regionalReduction      区域削减 (≥ 0)
 * @param offsetAmount           总量替代 (≥ 0)
 * @param outputIncrease         the project raises output
 * @param mixingOrAssemblyOnly   the site only mixes, packs or assembles
 * @param productsAndCapacity    主要产品及产能
 * @param rawMaterials           主要原辅材料
 * @param eiaApprovalReference   环评批复（备案）文号
 * @param selfMonitoringPlan     自行监测方案 — what is monitored where and how often
 * @param tradeSecretStatement   商业秘密说明, optional
 * @param facilities             main production and pollution-control facilities, at least one of each
 * @param outlets                排放口 with their pollutants, at least one
 * @param documents              the documents delivered with the application
 */
public record ApplicationContents(
        String uscc,
        String unitName,
        String address,
        String legalRepresentative,
        String siteAddress,
        ProjectType projectType,
        String processCode,
        Boolean onKeyDischargerList,
        BigDecimal heavyMetalEmissionChange,
        BigDecimal regionalReduction,
        BigDecimal offsetAmount,
        Boolean outputIncrease,
        Boolean mixingOrAssemblyOnly,
        String productsAndCapacity,
        String rawMaterials,
        String eiaApprovalReference,
        String selfMonitoringPlan,
        String tradeSecretStatement,
        List<Facility> facilities,
        List<Outlet> outlets,
        List<Document> documents) {

    /** A facility: 主要生产设施 or 污染防治设施, with its capacity or treatment process. */
    public record Facility(FacilityKind kind, String name, String parameters) {
    }

    /** 排放口 — DA### (waste gas) or DW### (wastewater) with where it is, where it discharges to, and its pollutants. */
    public record Outlet(String code, String location, String destination, List<OutletPollutant> pollutants) {
    }

    /**
     * One pollutant at an outlet: 许可排放浓度 (concentration limit), 许可排放量 (annual quantity), 执行标准 (the emission
     * standard applied) and 总量控制指标 (total-control quota).
     */
    public record OutletPollutant(String pollutant, BigDecimal concentrationLimit, BigDecimal annualQuantityKg,
                                  String emissionStandard, BigDecimal totalQuotaKg) {
    }

    /** A document delivered with the application. */
    public record Document(DocumentKind kind, String title, String reference) {
    }
}
