package org.hmcflow.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.hmcflow.department.DepartmentNames.Resolution;
import org.hmcflow.department.DepartmentNames.RowContext;
import org.hmcflow.support.H2AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every department name the Qingyuan plan writes in its tables resolves, with the alias file the application started
 * with and the register the migrations built (the list is src/test/resources/departments/seed-department-names.txt).
 */
@H2AppTest
class DepartmentNamesSeedTest {

    @Autowired
    DepartmentNames names;
    @Autowired
    DepartmentService departments;

    @Test
    void everyDepartmentNameOfTheSeedTablesResolves() throws IOException {
        List<String> written = seedNames();
        assertThat(written).hasSizeGreaterThan(40);
        List<Resolution> unresolved = written.stream().map(n -> names.resolve(n, RowContext.of("seed")))
                .filter(r -> !r.isResolved()).toList();
        assertThat(unresolved).as("unresolved seed department names:%n%s",
                String.join("\n", unresolved.stream().map(Resolution::problem).toList())).isEmpty();
    }

    @Test
    void theNamesTheBriefSpellsOutMeanWhatTheySay() {
        assertThat(code("市环保局")).isEqualTo("city-epb");
        assertThat(code("清远市环保局")).isEqualTo("city-epb");
        assertThat(code("市卫计局")).isEqualTo("city-health");
        assertThat(code("连南县人民政府")).isEqualTo("gov-liannan");
        assertThat(code("市委宣传部")).isEqualTo("city-publicity");
        assertThat(departments.find("city-publicity").orElseThrow().getKind()).isEqualTo(Department.Kind.PARTY_ORGAN);
        assertThat(departments.find("city-procuratorate").orElseThrow().getKind()).isEqualTo(Department.Kind.JUDICIAL);
        assertThat(code("检察院")).isEqualTo("city-procuratorate");
        assertThat(code("市科技局")).isEqualTo("city-science");
        assertThat(code("市公安局")).isEqualTo("city-police");
        assertThat(code("金融局")).isEqualTo("city-finance-office");
    }

    @Test
    void everyCountyMeansTheEightCountyGovernmentsOfQingyuan() {
        Resolution every = names.resolve("各县（市、区）人民政府", RowContext.of("附表2 row 29"));
        assertThat(every.departments()).extracting(Department::getNameZh).containsExactlyInAnyOrder(
                "清城区人民政府", "清新区人民政府", "英德市人民政府", "连州市人民政府", "佛冈县人民政府", "阳山县人民政府",
                "连山壮族瑶族自治县人民政府", "连南瑶族自治县人民政府");
        Resolution related = names.resolve("各相关县（市、区）人民政府", RowContext.of("附表2 row 2"));
        assertThat(related.departments()).hasSize(8);
        assertThat(related.toNarrow()).isTrue();
        Resolution narrowed = names.resolve("各相关县（市、区）人民政府",
                new RowContext("附表2 row 2", List.of("清城区", "英德市")));
        assertThat(narrowed.departments()).extracting(Department::getCode).containsExactly("gov-qingcheng", "gov-yingde");
    }

    private String code(String written) {
        Resolution r = names.resolve(written, null);
        assertThat(r.departments()).as(written + ": " + r.problem()).hasSize(1);
        return r.departments().get(0).getCode();
    }

    private static List<String> seedNames() throws IOException {
        try (InputStream in = DepartmentNamesSeedTest.class.getResourceAsStream("/departments/seed-department-names.txt")) {
            assertThat(in).as("seed-department-names.txt on the test classpath").isNotNull();
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }
}
