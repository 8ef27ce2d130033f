package org.hmcflow.permit.application;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 准入审查事实 — what the admission check and the management category need to know about a permit application, as
 * stated in the application and its 环评 (EIA) approval. All amounts are heavy metals in kg per year (kg/a), summed
 * over the metals the plans control.
 *
 * @param industry                  行业类别 — the industry as the enterprise register names it (GB/T 4754-2017 wording,
 *                                  e.g. 金属表面处理及热处理加工)
 * @param inKeyControlArea          the site lies in a 重点防控区 (key control area; all of 清城区 in the Qingyuan plan)
 * @param onKeyDischargerList       the unit is on the city's 重点排污单位名录 (key-discharger list)
 * @param projectType               建设性质 — what the application is for
 * @param processCode               the project's main process or product when it is one the plans restrict (e.g.
 *                                  {@code SINTER_BLAST_FURNACE_LEAD} for 烧结机-鼓风炉炼铅); the codes are listed in
 *                                  {@code processes/permit/permit-admission.dmn}; {@code null} when none applies
 * @param heavyMetalEmissionChange  新增排放量 — heavy-metal emissions the project adds; 0 or less means no increase
 * @param regionalReduction         区域削减 — reduction elsewhere in the region the applicant secures (≥ 0)
 * @param offsetAmount              总量替代 — emissions retired to offset the increase (≥ 0)
 * @param outputIncrease            the project raises output (增产; matters for technical upgrades)
 * @param annualHeavyMetalEmission  the site's heavy-metal emissions per year once the project runs (≥ 0)
 * @param mixingOrAssemblyOnly      the site only mixes, packs or assembles (单纯混合、分装或组装), with no chemical or wet
 *                                  process of its own
 */
record AdmissionFacts(
        String industry,
        boolean inKeyControlArea,
        boolean onKeyDischargerList,
        ProjectType projectType,
        String processCode,
        BigDecimal heavyMetalEmissionChange,
        BigDecimal regionalReduction,
        BigDecimal offsetAmount,
        boolean outputIncrease,
        BigDecimal annualHeavyMetalEmission,
        boolean mixingOrAssemblyOnly) {

    /**
     * 区域削减后净变化 — added emissions less the regional reduction. Below zero means the region's emissions fall
     * (增产减污); exactly zero does not.
     */
    public BigDecimal netEmissionChange() {
        return heavyMetalEmissionChange.subtract(regionalReduction);
    }

    /** Whether the offset retires at least the added amount (等量 is enough; an equal offset covers the increase). */
    public boolean offsetCoversIncrease() {
        return offsetAmount.compareTo(heavyMetalEmissionChange) >= 0;
    }

    /**
     * The variables of {@code permit-admission}. The differences and comparisons are made here in exact decimals,
     * because the table's unary tests compare one input with a constant and cannot subtract two inputs.
     */
    Map<String, Object> admissionInputs() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put(PermitRules.IN_PROCESS_CODE, processCode == null ? "" : processCode.strip());
        in.put(PermitRules.IN_PROJECT_TYPE, projectType.name());
        in.put(PermitRules.IN_KEY_CONTROL_AREA, inKeyControlArea);
        in.put(PermitRules.IN_EMISSION_CHANGE, heavyMetalEmissionChange.doubleValue());
        // The table tests the sign, so the difference is taken in exact decimals: a reduction equal to the addition
        // nets to exactly 0, never to a rounding residue on either side of it.
        in.put(PermitRules.IN_NET_EMISSION_CHANGE, netEmissionChange().doubleValue());
        in.put(PermitRules.IN_OUTPUT_INCREASE, outputIncrease);
        in.put(PermitRules.IN_OFFSET_COVERS_INCREASE, offsetCoversIncrease());
        return in;
    }

    /** The variables of {@code permit-management-category}. */
    Map<String, Object> categoryInputs() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put(PermitRules.IN_KEY_DISCHARGER_LIST, onKeyDischargerList);
        in.put(PermitRules.IN_INDUSTRY, industry == null ? "" : industry.strip());
        in.put(PermitRules.IN_ANNUAL_EMISSION, annualHeavyMetalEmission.doubleValue());
        in.put(PermitRules.IN_MIXING_OR_ASSEMBLY_ONLY, mixingOrAssemblyOnly);
        return in;
    }
}
