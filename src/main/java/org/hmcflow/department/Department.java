package org.hmcflow.department;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * 部门 — a city department (市环境保护局 …) or a county government (清城区人民政府 …) that leads or takes part in
 * the plans' tasks. Its {@link #getCode() code} is also its Camunda candidate group.
 */
@Entity
@Table(name = "department")
public class Department {

    /** 市环境保护局 — the city environmental protection bureau, which triages hazards. */
    public static final String ENVIRONMENTAL_PROTECTION_BUREAU = "city-epb";

    /**
     * What sort of body a department is. The plans give tasks to the city government's bureaus, the county
     * governments, and also to bodies outside the government: the Party committee's 市委宣传部 and the 市人民检察院.
     */
    public enum Kind {
        /** 市政府工作部门 — a bureau of the city government (市环境保护局). */
        BUREAU,
        /** 县（市、区）人民政府 — a county-level government; {@link #getCounty()} names its county. */
        GOVERNMENT,
        /** 党委部门 — a department of the CPC city committee (市委宣传部). */
        PARTY_ORGAN,
        /** 司法机关 — a procuratorate or court (市人民检察院). */
        JUDICIAL,
        /** 事业单位 — a public institution under a bureau (市环境监测站). */
        INSTITUTION
    }

    @Id
    private String code;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    private String county;

    protected Department() {
    }

    /** For tests that need departments without a database; the register's rows come from the migrations. */
    Department(String code, String nameZh, String nameEn, Kind kind, String county) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.kind = kind;
        this.county = county;
    }

    public String getCode() {
        return code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public Kind getKind() {
        return kind;
    }

    public String getCounty() {
        return county;
    }
}
