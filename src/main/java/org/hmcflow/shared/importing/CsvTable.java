package org.hmcflow.shared.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table read from a UTF-8 CSV file (RFC 4180: comma-separated, fields in double quotes may hold commas, line breaks
 * and doubled quotes). The first record is the header; blank lines and lines starting with {@code #} (notes of the
 * transcriber, e.g. where a plan's own figures disagree) are skipped. A leading byte-order mark is ignored. Cells are
 * trimmed; an empty cell is the empty string.
 */
public final class CsvTable {

    /** One record: the line it starts on (1-based, as an editor shows it) and its cells by column name. */
    public record Row(int line, Map<String, String> cells) {

        /** The cell of that column, "" when empty. */
        public String get(String column) {
            String value = cells.get(column);
            if (value == null) {
                throw new IllegalArgumentException("No column '" + column + "' (columns: " + cells.keySet() + ")");
            }
            return value;
        }

        /** The field name of a cell in problems: {@code lines[12].lead}. */
        public String field(String column) {
            return "lines[" + line + "]." + column;
        }
    }

    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(List<String> header, List<Row> rows) {
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * Reads a whole table.
     *
     * @param required the columns the importer needs; every one must be in the header
     * @throws ImportFileException naming the line, for a broken file: an unclosed quote, a record with more or fewer
     *                             cells than the header, a missing or repeated column
     */
    public static CsvTable read(Reader in, List<String> required) {
        List<Record> records = new Parser(in).records();
        if (records.isEmpty()) {
            throw new ImportFileException(1, "the file has no header row");
        }
        Record head = records.get(0);
        List<String> header = head.cells().stream().map(String::trim).toList();
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (name.isEmpty()) {
                throw new ImportFileException(head.line(), "a column of the header has no name");
            }
            if (!seen.add(name)) {
                throw new ImportFileException(head.line(), "column '" + name + "' appears twice in the header");
            }
        }
        for (String name : required) {
            if (!seen.contains(name)) {
                throw new ImportFileException(head.line(), "the header lacks column '" + name + "' (has " + header + ")");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Record r : records.subList(1, records.size())) {
            if (r.cells().size() != header.size()) {
                throw new ImportFileException(r.line(),
                        "has " + r.cells().size() + " cells, the header " + header.size());
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), r.cells().get(i).trim());
            }
            rows.add(new Row(r.line(), Collections.unmodifiableMap(cells)));
        }
        return new CsvTable(header, rows);
    }

    private record Record(int line, List<String> cells) {
    }

    /** RFC 4180 with line numbers, comment and blank lines. */
    private static final class Parser {

        private final Reader in;
        private int line = 1;
        private int next = -2; // -2: nothing read ahead

        Parser(Reader in) {
            this.in = in;
        }

        List<Record> records() {
            List<Record> records = new ArrayList<>();
            boolean first = true;
            while (true) {
                int c = peek();
                if (first && c == '\uFEFF') {
                    read();
                    c = peek();
                }
                first = false;
                if (c == -1) {
                    return records;
                }
                if (c == '\n' || c == '\r') {
                    endOfLine();
                    continue;
                }
                if (c == '#') {
                    while (peek() != -1 && peek() != '\n' && peek() != '\r') {
                        read();
                    }
                    continue;
                }
                records.add(record());
            }
        }

        private Record record() {
            int start = line;
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            while (true) {
                int c = read();
                if (c == '"' && cell.toString().isBlank()) {
                    cell.setLength(0);
                    quoted(cell, start);
                    int after = peek();
                    while (after == ' ' || after == '\t') {
                        read();
                        after = peek();
                    }
                    if (after != ',' && after != '\n' && after != '\r' && after != -1) {
                        throw new ImportFileException(line, "text after a closing quote");
                    }
                    continue;
                }
                if (c == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else if (c == -1 || c == '\n' || c == '\r') {
                    if (c != -1) {
                        unread(c);
                        endOfLine();
                    }
                    cells.add(cell.toString());
                    return new Record(start, cells);
                } else {
                    cell.append((char) c);
                }
            }
        }

        private void quoted(StringBuilder cell, int start) {
            while (true) {
                int c = read();
                if (c == -1) {
                    throw new ImportFileException(start, "a quoted cell is not closed");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        cell.append('"');
                        continue;
                    }
                    return;
                }
                if (c == '\r' || c == '\n') {
                    unread(c);
                    endOfLine();
                    cell.append('\n');
                    continue;
                }
                cell.append((char) c);
            }
        }

        private void endOfLine() {
            int c = read();
            if (c == '\r' && peek() == '\n') {
                read();
            }
            line++;
        }

        private int peek() {
            if (next == -2) {
                next = readRaw();
            }
            return next;
        }

        private int read() {
            int c = peek();
            next = -2;
            return c;
        }

        private void unread(int c) {
            next = c;
        }

        private int readRaw() {
            try {
                return in.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
