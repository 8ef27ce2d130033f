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

    public enum Kind { BUREAU, GOVERNMENT }

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
