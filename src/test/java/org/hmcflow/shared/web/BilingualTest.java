package org.hmcflow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The portal shows one half of our bilingual texts; every form in forms/ must follow the rules it reads them by. */
class BilingualTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");

    @Test
    void labelsNamesAndTextsSplitIntoTheirLanguages() {
        assertThat(Bilingual.label("隐患编号 / Hazard reference", ZH)).isEqualTo("隐患编号");
        assertThat(Bilingual.label("隐患编号 / Hazard reference", EN)).isEqualTo("Hazard reference");
        assertThat(Bilingual.label("铬（Cr） / Chromium (Cr)", ZH)).isEqualTo("铬（Cr）");
        assertThat(Bilingual.label("DA001 / DW001", EN)).as("no Chinese half: as written").isEqualTo("DA001 / DW001");
        assertThat(Bilingual.label("排放口 A / B", ZH)).as("the right side is not English").isEqualTo("排放口 A");
        assertThat(Bilingual.name("研判定级 Triage and grade", ZH)).isEqualTo("研判定级");
        assertThat(Bilingual.name("研判定级 Triage and grade", EN)).isEqualTo("Triage and grade");
        assertThat(Bilingual.name("Task_X", ZH)).isEqualTo("Task_X");
        String text = "**整改证据**：请上传照片。\n\n**Evidence**: upload photos.";
        assertThat(Bilingual.markdown(text, ZH)).isEqualTo("**整改证据**：请上传照片。");
        assertThat(Bilingual.markdown(text, EN)).isEqualTo("**Evidence**: upload photos.");
        assertThat(Bilingual.markdown("## 排污许可证申请 / Permit application\n\n按第七条填写。\n\nFill in Art 7.", EN))
                .isEqualTo("## Permit application\n\nFill in Art 7.");
    }

    /**
     * Every user-facing text of every form reads in one language on each page: a label with Chinese and an English
     * word splits into its halves; a text block with Chinese has paragraphs of each language.
     */
    @Test
    void everyFormTextHasAChineseAndAnEnglishHalf() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("forms"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                check(json.readTree(file.toFile()).path("components"), file.getFileName().toString(), problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(JsonNode components, String where, List<String> problems) {
        for (JsonNode c : components) {
            List<String> texts = new ArrayList<>();
            for (String field : List.of("label", "description")) {
                if (c.path(field).isTextual()) {
                    texts.add(c.get(field).asText());
                }
            }
            c.path("values").forEach(v -> texts.add(v.path("label").asText("")));
            for (String t : texts) {
                if (HAN.matcher(t).find() && LATIN_WORD.matcher(t).find() && Bilingual.label(t, ZH).equals(Bilingual.label(t, EN))) {
                    problems.add(where + " " + c.path("id").asText() + ": \"" + t + "\" has no \"中文 / English\" split");
                }
            }
            if ("text".equals(c.path("type").asText()) && HAN.matcher(c.path("text").asText()).find()
                    && Bilingual.markdown(c.path("text").asText(), EN).equals(Bilingual.markdown(c.path("text").asText(), ZH))) {
                problems.add(where + " " + c.path("id").asText() + ": text block without separate Chinese and English");
            }
            check(c.path("components"), where, problems);
        }
    }
}
