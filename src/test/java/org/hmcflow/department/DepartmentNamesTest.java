package org.hmcflow.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hmcflow.department.Department.Kind;
import org.hmcflow.department.DepartmentNames.Resolution;
import org.hmcflow.department.DepartmentNames.RowContext;
import org.junit.jupiter.api.Test;

/** The alias file's rules, on a small register without a database. */
class DepartmentNamesTest {

    private static final Department EPB = new Department("city-epb", "市环境保护局", "EPB", Kind.BUREAU, null);
    private static final Department HEALTH = new Department("city-health", "市卫生计生局", "Health", Kind.BUREAU, null);
    private static final Department QINGCHENG = new Department("gov-qingcheng", "清城区人民政府", "Qingcheng", Kind.GOVERNMENT, "清城区");
    private static final Department YINGDE = new Department("gov-yingde", "英德市人民政府", "Yingde", Kind.GOVERNMENT, "英德市");
    private static final Department LIANNAN = new Department("gov-liannan", "连南瑶族自治县人民政府", "Liannan", Kind.GOVERNMENT, "连南县");
    private static final List<Department> REGISTER = List.of(EPB, HEALTH, QINGCHENG, YINGDE, LIANNAN);

    private static final String FILE = """
            aliases:
              city-epb:
                - 市环保局
                - 清远市环保局
              city-health:
                - 市卫计局
              gov-liannan:
                - 连南县人民政府
            collectives:
              every:
                - 各县（市、区）人民政府
              related:
                - 各相关县（市、区）人民政府
            """;

    private final DepartmentNames names = DepartmentNames.fromYaml("test", FILE, REGISTER);

    @Test
    void ownNamesAndAliasesResolveToOneDepartment() {
        assertThat(codes(names.resolve("市环境保护局", null))).containsExactly("city-epb");
        assertThat(codes(names.resolve("市环保局", null))).containsExactly("city-epb");
        assertThat(codes(names.resolve(" 清远市环保局 ", null))).containsExactly("city-epb");
        assertThat(codes(names.resolve("市卫计局", null))).containsExactly("city-health");
        assertThat(codes(names.resolve("连南县人民政府", null))).containsExactly("gov-liannan");
    }

    @Test
    void everyCountyGovernmentIsEveryGovernmentWithACounty() {
        Resolution every = names.resolve("各县（市、区）人民政府", RowContext.of("附表2 row 29"));
        assertThat(codes(every)).containsExactly("gov-qingcheng", "gov-yingde", "gov-liannan");
        assertThat(every.toNarrow()).isFalse();
        // the same name with half-width brackets and a space
        assertThat(codes(names.resolve("各县(市、区) 人民政府", null))).hasSize(3);
    }

    @Test
    void relatedCountiesAreTheRowsListOrEveryCountyToNarrow() {
        Resolution listed = names.resolve("各相关县（市、区）人民政府",
                new RowContext("附表2 row 2", List.of("英德市", "连南县人民政府")));
        assertThat(codes(listed)).containsExactly("gov-yingde", "gov-liannan");
        assertThat(listed.toNarrow()).isFalse();

        Resolution unlisted = names.resolve("各相关县（市、区）人民政府", RowContext.of("附表2 row 3"));
        assertThat(codes(unlisted)).containsExactly("gov-qingcheng", "gov-yingde", "gov-liannan");
        assertThat(unlisted.toNarrow()).isTrue();

        Resolution wrong = names.resolve("各相关县（市、区）人民政府", new RowContext("附表2 row 4", List.of("市环保局", "佛山市")));
        assertThat(wrong.isResolved()).isFalse();
        assertThat(wrong.problem()).contains("附表2 row 4").contains("市环保局").contains("佛山市");
    }

    @Test
    void anUnmappedNameIsReportedNeverGuessed() {
        Resolution r = names.resolve("市环境保护局局", RowContext.of("附表2 row 9"));
        assertThat(r.isResolved()).isFalse();
        assertThat(r.departments()).isEmpty();
        assertThat(r.problem()).contains("附表2 row 9").contains("市环境保护局局");
        assertThat(names.resolve("环保", null).isResolved()).isFalse();
        assertThat(names.resolve("  ", null).isResolved()).isFalse();
    }

    @Test
    void anAliasOfAnUnknownDepartmentStopsTheStart() {
        assertThatThrownBy(() -> DepartmentNames.fromYaml("bad.yaml", """
                aliases:
                  city-epb:
                    - 市环保局
                  city-nowhere:
                    - 市无此局
                """, REGISTER))
                .isInstanceOf(DepartmentAliasException.class)
                .hasMessageContaining("bad.yaml line 4").hasMessageContaining("city-nowhere");
    }

    @Test
    void aDuplicateAliasStopsTheStart() {
        assertThatThrownBy(() -> DepartmentNames.fromYaml("bad.yaml", """
                aliases:
                  city-epb:
                    - 市环保局
                  city-health:
                    - 市环保局
                """, REGISTER))
                .isInstanceOf(DepartmentAliasException.class)
                .hasMessageContaining("line 5").hasMessageContaining("市环保局").hasMessageContaining("line 3");
    }

    @Test
    void anAliasThatIsAnotherDepartmentsNameStopsTheStart() {
        assertThatThrownBy(() -> DepartmentNames.fromYaml("bad.yaml", """
                aliases:
                  city-health:
                    - 市环境保护局
                """, REGISTER))
                .isInstanceOf(DepartmentAliasException.class)
                .hasMessageContaining("市环境保护局").hasMessageContaining("city-epb");
    }

    @Test
    void aCollectiveNameTwiceOrOfAnUnknownKindStopsTheStart() {
        assertThatThrownBy(() -> DepartmentNames.fromYaml("bad.yaml", """
                collectives:
                  every:
                    - 各县（市、区）人民政府
                  related:
                    - 各县(市、区)人民政府
                """, REGISTER))
                .isInstanceOf(DepartmentAliasException.class).hasMessageContaining("defined twice");
        assertThatThrownBy(() -> DepartmentNames.fromYaml("bad.yaml", """
                collectives:
                  some:
                    - 有关部门
                """, REGISTER))
                .isInstanceOf(DepartmentAliasException.class).hasMessageContaining("some");
        assertThatThrownBy(() -> DepartmentNames.fromYaml("bad.yaml", """
                aliases:
                  city-epb: 市环保局
                """, REGISTER))
                .isInstanceOf(DepartmentAliasException.class).hasMessageContaining("non-empty list");
    }

    private static List<String> codes(Resolution r) {
        assertThat(r.isResolved()).as(r.problem()).isTrue();
        return r.departments().stream().map(Department::getCode).toList();
    }
}
