package org.hmcflow.permit.application;

import java.math.BigDecimal;

/** Builds {@link AdmissionFacts} for tests: a plain project outside the key control area unless told otherwise. */
final class Facts {

    private String industry = "金属表面处理及热处理加工";
    private boolean inKeyControlArea;
    private boolean onKeyDischargerList;
    private ProjectType projectType;
    private String processCode;
    private BigDecimal added = BigDecimal.ZERO;
    private BigDecimal regionalReduction = BigDecimal.ZERO;
    private BigDecimal offset = BigDecimal.ZERO;
    private boolean outputIncrease;
    private BigDecimal annual = BigDecimal.ZERO;
    private boolean mixingOrAssemblyOnly;

    private Facts(ProjectType projectType) {
        this.projectType = projectType;
    }

    static Facts project(ProjectType type) {
        return new Facts(type);
    }

    static Facts site(String industry) {
        return new Facts(ProjectType.EXISTING).industry(industry);
    }

    Facts industry(String value) {
        industry = value;
        return this;
    }

    Facts inKeyControlArea() {
        inKeyControlArea = true;
        return this;
    }

    Facts onKeyDischargerList() {
        onKeyDischargerList = true;
        return this;
    }

    Facts process(String code) {
        processCode = code;
        return this;
    }

    Facts adds(String kgPerYear) {
        added = new BigDecimal(kgPerYear);
        return this;
    }

    Facts regionalReduction(String kgPerYear) {
        regionalReduction = new BigDecimal(kgPerYear);
        return this;
    }

    Facts offset(String kgPerYear) {
        offset = new BigDecimal(kgPerYear);
        return this;
    }

    Facts raisesOutput() {
        outputIncrease = true;
        return this;
    }

    Facts annual(String kgPerYear) {
        annual = new BigDecimal(kgPerYear);
        return this;
    }

    Facts mixingOrAssemblyOnly() {
        mixingOrAssemblyOnly = true;
        return this;
    }

    AdmissionFacts build() {
        return new AdmissionFacts(industry, inKeyControlArea, onKeyDischargerList, projectType, processCode, added,
                regionalReduction, offset, outputIncrease, annual, mixingOrAssemblyOnly);
    }
}
