package org.hmcflow.shared.workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The list fields of Camunda forms. A Camunda form has no repeating rows, so a list travels as text: one row a line,
 * columns separated by {@code |}. Blank lines and lines starting with {@code #} are skipped, so a form may carry a
 * commented template. Rows are counted from 0, as our API counts the items of its JSON lists, so a problem names the
 * same place ({@code outlets[2].pollutant}) whichever way the values came.
 */
public final class TextRows {

    /** What {@link #line} puts between cells. */
    public static final String SEPARATOR = " | ";

    private TextRows() {
    }

    /** The rows of {@code text}, each with exactly {@code columns} cells; a missing or blank cell is null. */
    public static List<String[]> rows(String text, int columns) {
        List<String[]> rows = new ArrayList<>();
        if (text == null) {
            return rows;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\|", columns);
            String[] row = new String[columns];
            for (int i = 0; i < columns; i++) {
                row[i] = i < cells.length && !cells[i].isBlank() ? cells[i].strip() : null;
            }
            rows.add(row);
        }
        return rows;
    }

    /** One row as a form shows it; a cell's line breaks and bars become spaces so the row stays one row. */
    public static String line(Object... cells) {
        List<String> parts = new ArrayList<>();
        for (Object c : cells) {
            parts.add(c == null ? "" : (c instanceof BigDecimal d ? d.toPlainString() : c.toString())
                    .replaceAll("[\\r\\n|]+", " ").strip());
        }
        return String.join(SEPARATOR, parts);
    }
}
