package org.hmcflow.supervision;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a list of deadline items as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese) or XLSX (streamed:
 * SXSSF keeps only a window of rows in memory), with Chinese headers. A text cell that a spreadsheet would take for a
 * formula ({@code = + - @}, tab, carriage return) is written with a leading apostrophe.
 */
final class ItemExport {

    /** The formats an export is offered in. */
    enum Format {
        CSV("text/csv;charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        final String contentType;
        final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    /** One column: its header and how a row gives its value (text or a number). */
    private record Column(String header, Function<DeadlineItemQueries.Row, Object> value) {
    }

    private final List<Column> columns;

    ItemExport(ZoneId zone, Function<DeadlineItemQueries.Row, Long> remainingWorkingDays,
               java.util.function.Predicate<DeadlineItemQueries.Row> provisional) {
        DateTimeFormatter due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        this.columns = List.of(
                new Column("事项编号", DeadlineItemQueries.Row::id),
                new Column("业务", DeadlineItemQueries.Row::lifecycle),
                new Column("案件编号", DeadlineItemQueries.Row::caseRef),
                new Column("环节", DeadlineItemQueries.Row::stepName),
                new Column("环节代码", DeadlineItemQueries.Row::stepKey),
                new Column("责任方", DeadlineItemQueries.Row::responsible),
                new Column("责任方类型", r -> switch (DeadlineItem.ResponsibleKind.valueOf(r.responsibleKind())) {
                    case DEPARTMENT -> "部门";
                    case ENTERPRISE -> "企业";
                    case USER -> "个人";
                }),
                new Column("企业编号", DeadlineItemQueries.Row::enterpriseId),
                new Column("县（市、区）", DeadlineItemQueries.Row::county),
                new Column("办理期限", r -> due.format(r.dueAt())),
                new Column("状态", r -> switch (r.state()) {
                    case ON_TRACK -> "正常";
                    case DUE_SOON -> "临期";
                    case OVERDUE -> "逾期";
                    case SERIOUSLY_OVERDUE -> "严重逾期";
                    case PAUSED -> "暂停计时";
                }),
                new Column("剩余工作日", remainingWorkingDays::apply),
                new Column("期限暂定", r -> provisional.test(r) ? "是" : ""));
    }

    List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** Writes the header and every row {@code rows} gives to {@code out}. */
    void write(Format format, Consumer<Consumer<DeadlineItemQueries.Row>> rows, OutputStream out) throws IOException {
        if (format == Format.CSV) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            writer.write(csvLine(headers().stream().map(h -> (Object) h).toList()));
            rows.accept(row -> {
                try {
                    writer.write(csvLine(columns.stream().map(c -> c.value().apply(row)).toList()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
            return;
        }
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("督办事项");
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i).header());
            }
            int[] next = {1};
            rows.accept(row -> {
                Row line = sheet.createRow(next[0]++);
                for (int i = 0; i < columns.size(); i++) {
                    Object value = columns.get(i).value().apply(row);
                    Cell cell = line.createCell(i);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value != null) {
                        cell.setCellValue(safe(value.toString()));
                    }
                }
            });
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static String csvLine(List<Object> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            String text = value instanceof Number ? value.toString() : safe(value.toString());
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            line.append(text);
        }
        return line.append("\r\n").toString();
    }

    /** A text a spreadsheet would read as a formula gets a leading apostrophe. */
    private static String safe(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
