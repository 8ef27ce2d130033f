package org.hmcflow.permit.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hmcflow.enterprise.Uscc;
import org.hmcflow.permit.application.ApplicationContents.Document;
import org.hmcflow.permit.application.ApplicationContents.Facility;
import org.hmcflow.permit.application.ApplicationContents.Outlet;
import org.hmcflow.permit.application.ApplicationContents.OutletPollutant;

/**
 * Builds application contents for tests: the lead-acid battery maker 清远市尤尼电源科技有限公司 (demo enterprise 1, in
 * 清城区, the key control area), an existing site with a wastewater and a waste-gas outlet discharging lead.
 */
public final class Applications {

    /** Demo enterprise 1's USCC (DemoData). */
    public static final String USCC_1 = Uscc.withCheckCharacter("91441802MA5HMC001");

    private ProjectType projectType = ProjectType.EXISTING;
    private BigDecimal added = BigDecimal.ZERO;
    private BigDecimal leadWater = new BigDecimal("12.5");
    private BigDecimal leadGas = new BigDecimal("3.2");
    private boolean mixingOnly;
    private final List<Document> documents = new ArrayList<>(List.of(
            new Document(DocumentKind.EIA_APPROVAL, "环境影响报告书批复", "清环审〔2019〕18号"),
            new Document(DocumentKind.SELF_MONITORING_PLAN, "自行监测方案", null)));

    private Applications() {
    }

    /** An existing site that adds no heavy metals and discharges lead: admitted, 重点管理 (KEY). */
    public static Applications existingLeadBatterySite() {
        return new Applications();
    }

    /** The same site discharging no heavy metal: 简化管理 (SIMPLIFIED). */
    static Applications withoutHeavyMetalDischarge() {
        Applications a = new Applications();
        a.leadWater = BigDecimal.ZERO;
        a.leadGas = BigDecimal.ZERO;
        return a;
    }

    Applications expansionAdding(String kgPerYear) {
        projectType = ProjectType.EXPANSION;
        added = new BigDecimal(kgPerYear);
        return this;
    }

    Applications mixingOrAssemblyOnly() {
        mixingOnly = true;
        return this;
    }

    Applications withDocument(DocumentKind kind, String title) {
        documents.add(new Document(kind, title, null));
        return this;
    }

    public ApplicationContents build() {
        return new ApplicationContents(USCC_1, "清远市尤尼电源科技有限公司", "清远市清城区龙塘镇工业园 8 号",
                "陈志强", "清远市清城区龙塘镇工业园 8 号（一厂区）", projectType, null, false, added, BigDecimal.ZERO,
                BigDecimal.ZERO, false, mixingOnly, "铅酸蓄电池 50 万 kVAh/年", "铅锭 1.2 万吨/年；硫酸 3000 吨/年",
                "清环审〔2019〕18号", "DW001 总铅每月 1 次；DA001 铅及其化合物每季度 1 次；厂界无组织每半年 1 次", null,
                List.of(new Facility(FacilityKind.PRODUCTION, "极板涂膏生产线", "2 条，50 万 kVAh/年"),
                        new Facility(FacilityKind.CONTROL, "含铅废水处理站", "混凝沉淀 + 膜过滤，300 m³/d")),
                List.of(new Outlet("DW001", "厂区东南角", "龙塘污水处理厂",
                                List.of(new OutletPollutant("Pb", new BigDecimal("0.5"), leadWater,
                                        "GB 30484-2013 电池工业污染物排放标准", new BigDecimal("15")))),
                        new Outlet("DA001", "涂膏车间屋顶 25 m 排气筒", "大气",
                                List.of(new OutletPollutant("Pb", new BigDecimal("0.5"), leadGas,
                                        "GB 30484-2013 电池工业污染物排放标准", new BigDecimal("4"))))),
                List.copyOf(documents));
    }
}
