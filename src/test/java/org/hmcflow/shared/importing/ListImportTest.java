package org.hmcflow.shared.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

/** The import helper with a small list of enterprises kept in a map: the behaviour every list's import shares. */
class ListImportTest {

    private record Item(String name, String county, ImportTiming timing) {
    }

    /** name → county, as a capability's table would hold them. */
    private final Map<String, Item> store = new LinkedHashMap<>();

    private final RowImporter<String, Item> enterprises = new RowImporter<>() {
        @Override
        public List<String> columns() {
            return List.of("name", "county", "time_limit", "status");
        }

        @Override
        public Item check(CsvTable.Row row, List<FieldProblem> problems) {
            String name = row.get("name");
            if (name.isEmpty()) {
                problems.add(new FieldProblem(row.field("name"), "hmc.validation.required"));
            }
            TimeLimit limit = TimeLimit.parse(row.get("time_limit")).orElse(null);
            if (limit == null) {
                problems.add(new FieldProblem(row.field("time_limit"), "hmc.import.time-limit"));
            }
            HistoricalStatus status = HistoricalStatus.parse(row.get("status")).orElse(null);
            if (status == null) {
                problems.add(new FieldProblem(row.field("status"), "hmc.import.status"));
            }
            return problems.isEmpty() ? new Item(name, row.get("county"), ImportTiming.of(limit, AS_OF, status)) : null;
        }

        @Override
        public String key(Item value) {
            return value.name();
        }

        @Override
        public RowOutcome write(Item value) {
            Item before = store.put(value.name(), value);
            return before == null ? RowOutcome.CREATED : before.equals(value) ? RowOutcome.UNCHANGED : RowOutcome.CHANGED;
        }
    };

    private static final java.time.LocalDate AS_OF = java.time.LocalDate.of(2026, 12, 1);

    private static final String FILE = """
            name,county,time_limit,status
            清远市尤尼电源科技有限公司,清城区,2019年底前,已完成
            兴和（清远）五金电镀制品有限公司,清城区,持续实施,
            英德市岳泉化工有限公司,英德市,2027年底前,
            """;

    private ImportSummary run(String file, ListImport.Policy policy) {
        return ListImport.run("test-enterprises", new StringReader(file), enterprises, policy);
    }

    @Test
    void aFileIsCreatedOnceAndASecondImportChangesNothing() {
        ImportSummary first = run(FILE, ListImport.Policy.ALL_OR_NOTHING);
        assertThat(first).extracting(ImportSummary::rows, ImportSummary::created, ImportSummary::changed,
                ImportSummary::unchanged, ImportSummary::refused, ImportSummary::applied).containsExactly(3, 3, 0, 0, 0, true);
        assertThat(store.get("清远市尤尼电源科技有限公司").timing())
                .extracting(ImportTiming::historical, ImportTiming::status).containsExactly(true, HistoricalStatus.DONE);
        assertThat(store.get("英德市岳泉化工有限公司").timing().historical()).isFalse();

        ImportSummary second = run(FILE, ListImport.Policy.ALL_OR_NOTHING);
        assertThat(second).extracting(ImportSummary::created, ImportSummary::changed, ImportSummary::unchanged)
                .containsExactly(0, 0, 3);
        assertThat(store).hasSize(3);

        ImportSummary moved = run(FILE.replace("英德市岳泉化工有限公司,英德市", "英德市岳泉化工有限公司,连州市"),
                ListImport.Policy.ALL_OR_NOTHING);
        assertThat(moved).extracting(ImportSummary::created, ImportSummary::changed, ImportSummary::unchanged)
                .containsExactly(0, 1, 2);
    }

    @Test
    void oneBadRowMeansNothingIsWrittenAndEveryProblemIsNamedByLine() {
        String bad = FILE + ",清新区,2020年底,\n" + "清远市尤尼电源科技有限公司,清城区,明年,大概\n";
        ImportSummary summary = run(bad, ListImport.Policy.ALL_OR_NOTHING);
        assertThat(summary.applied()).isFalse();
        assertThat(summary.refused()).isEqualTo(2);
        assertThat(summary.created()).isZero();
        assertThat(store).isEmpty();
        assertThat(summary.problems()).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lines[5].name", "hmc.validation.required"),
                org.assertj.core.groups.Tuple.tuple("lines[6].time_limit", "hmc.import.time-limit"),
                org.assertj.core.groups.Tuple.tuple("lines[6].status", "hmc.import.status"));
    }

    @Test
    void aKeyTwiceInOneFileIsRefusedNamingTheFirstLine() {
        String twice = FILE + "清远市尤尼电源科技有限公司,清城区,2020年底前,\n";
        ImportSummary summary = run(twice, ListImport.Policy.SKIP_REFUSED);
        assertThat(summary.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("lines[5]");
            assertThat(p.messageKey()).isEqualTo("hmc.import.duplicate-key");
            assertThat(p.args()).containsExactly(2);
        });
        // the good rows are written when the policy allows it
        assertThat(summary).extracting(ImportSummary::created, ImportSummary::refused, ImportSummary::applied)
                .containsExactly(3, 1, true);
    }
}
