package org.hmcflow.shared.importing;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;

/**
 * Runs a {@link RowImporter} over a {@link CsvTable}. First every row is checked (nothing written): a row with a
 * problem is refused, and so is a row whose natural key an earlier row already has ({@code hmc.import.duplicate-key},
 * naming the earlier line). Then the good rows are written in file order. Call it inside one transaction: with {@link
 * Policy#ALL_OR_NOTHING} a single refused row means nothing is written, so a file is imported whole or not at all.
 */
public final class ListImport {

    /** What to do with the good rows when some are refused. */
    public enum Policy {
        /** Write nothing unless every row is good (the default: a plan's list is one document). */
        ALL_OR_NOTHING,
        /** Write the good rows and report the refused ones. */
        SKIP_REFUSED
    }

    private ListImport() {
    }

    public static <K, V> ImportSummary run(String list, Reader file, RowImporter<K, V> importer, Policy policy) {
        return run(list, CsvTable.read(file, importer.columns()), importer, policy);
    }

    public static <K, V> ImportSummary run(String list, CsvTable table, RowImporter<K, V> importer, Policy policy) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<K, Integer> lineOfKey = new LinkedHashMap<>();
        List<V> good = new ArrayList<>();
        int refused = 0;
        for (CsvTable.Row row : table.rows()) {
            List<FieldProblem> own = new ArrayList<>();
            V value = importer.check(row, own);
            if (value == null && own.isEmpty()) {
                throw new IllegalStateException(importer.getClass().getSimpleName()
                        + " refused line " + row.line() + " without naming a problem");
            }
            if (value != null) {
                K key = importer.key(value);
                Integer earlier = lineOfKey.putIfAbsent(key, row.line());
                if (earlier != null) {
                    own.add(new FieldProblem("lines[" + row.line() + "]", "hmc.import.duplicate-key", earlier));
                }
            }
            if (own.isEmpty()) {
                good.add(value);
            } else {
                refused++;
                problems.addAll(own);
            }
        }
        if (refused > 0 && policy == Policy.ALL_OR_NOTHING) {
            return new ImportSummary(list, table.rows().size(), 0, 0, 0, refused, false, problems);
        }
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (V value : good) {
            switch (importer.write(value)) {
                case CREATED -> created++;
                case CHANGED -> changed++;
                case UNCHANGED -> unchanged++;
            }
        }
        return new ImportSummary(list, table.rows().size(), created, changed, unchanged, refused, true, problems);
    }
}
