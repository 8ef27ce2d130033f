package org.hmcflow.shared.importing;

import java.util.List;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;

/**
 * How one kind of list is imported: what identifies a row, how a row is checked, how its value is written. The
 * capability that owns the list implements it; {@link ListImport} runs it.
 *
 * @param <K> the natural key: what makes a row of this import and a row of the next one the same item (an enterprise's
 *            normalized name, a plan's clause and item number …); a key must have a stable {@code equals}
 * @param <V> the checked value of a row
 */
public interface RowImporter<K, V> {

    /** The columns the file must have. */
    List<String> columns();

    /**
     * Checks one row: its value, or {@code null} after adding at least one problem naming the row's cells ({@link
     * CsvTable.Row#field}). Writes nothing.
     */
    V check(CsvTable.Row row, List<FieldProblem> problems);

    /** The natural key of a checked value. */
    K key(V value);

    /**
     * Writes a checked value: creates the item, changes the existing one with that key where the file says something
     * else, or leaves it as it is. Runs inside the caller's transaction.
     */
    RowOutcome write(V value);

    /** What writing a row did. */
    enum RowOutcome {
        CREATED, CHANGED, UNCHANGED
    }
}
