package org.hmcflow.shared.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    private static CsvTable read(String text, String... required) {
        return CsvTable.read(new StringReader(text), List.of(required));
    }

    @Test
    void rowsKeepTheLineTheyStartOnPastCommentsBlankLinesAndQuotedLineBreaks() {
        CsvTable table = read("""
                \uFEFFno,text,lead
                # 附表2, transcribed; the plan's merged cells are repeated here
                1,"淘汰落后产能，""烧结机""等",市经济和信息化局

                2,"第一行
                第二行",市环境保护局
                3, 持续实施 ,
                """, "no", "lead");
        assertThat(table.header()).containsExactly("no", "text", "lead");
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(3, 5, 7);
        assertThat(table.rows().get(0).get("text")).isEqualTo("淘汰落后产能，\"烧结机\"等");
        assertThat(table.rows().get(1).get("text")).isEqualTo("第一行\n第二行");
        assertThat(table.rows().get(2).get("text")).isEqualTo("持续实施");
        assertThat(table.rows().get(2).get("lead")).isEmpty();
        assertThat(table.rows().get(2).field("lead")).isEqualTo("lines[7].lead");
    }

    @Test
    void windowsLineEndsCountOnce() {
        CsvTable table = read("a,b\r\n1,2\r\n3,4\r\n");
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 3);
        assertThat(table.rows().get(1).get("b")).isEqualTo("4");
    }

    @Test
    void aBrokenFileIsRefusedWithItsLine() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3\n")).isInstanceOf(ImportFileException.class)
                .hasMessage("line 3: has 1 cells, the header 2");
        assertThatThrownBy(() -> read("a,b\n1,\"open\n2,3\n")).isInstanceOf(ImportFileException.class)
                .hasMessage("line 2: a quoted cell is not closed");
        assertThatThrownBy(() -> read("a,a\n1,2\n")).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("column 'a' appears twice");
        assertThatThrownBy(() -> read("a,b\n1,2\n", "lead")).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("lacks column 'lead'");
        assertThatThrownBy(() -> read("a,b\n\"x\"y,2\n")).isInstanceOf(ImportFileException.class)
                .hasMessage("line 2: text after a closing quote");
        assertThatThrownBy(() -> read("")).isInstanceOf(ImportFileException.class).hasMessageContaining("no header");
    }

    @Test
    void anUnknownColumnIsAProgrammingErrorNotAnEmptyCell() {
        CsvTable table = read("a\n1\n");
        assertThatThrownBy(() -> table.rows().get(0).get("b")).isInstanceOf(IllegalArgumentException.class);
    }
}
