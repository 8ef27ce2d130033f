package org.hmcflow.shared.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese (zh) translation of the Camunda 7.24 webapps Tasklist, Welcome, Cockpit and Admin against the webjar's own
 * {@code en.json}: the same keys in the same order, every placeholder kept, no label left in English outside a
 * short allowlist; and the {@code config.js} the application serves (ours, first on the classpath) lists zh first.
 * No Spring context: the files are read from the classpath as Spring's resource handler for {@code /camunda/app/**}
 * reads them.
 */
class WebappChineseLocalesTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Labels that stay as they are in Chinese too: product names and the null / undefined markers. */
    private static final Set<String> KEPT_AS_IS = Set.of("Camunda", "Cockpit", "<null>", "<undefined>");

    /** {{ angular }}, %s / %d, HTML tags and entities: what the webapp substitutes or renders. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[sd]|<[^>]+>|&[a-z]+;");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void everyEnglishKeyHasAChineseValueWithTheSamePlaceholders(String app) throws IOException {
        Map<String, String> en = flatten(read(APP + app + "/locales/en.json"));
        byte[] zhBytes = bytes(APP + app + "/locales/zh.json");
        assertThat(zhBytes[0]).as("zh.json starts without a byte order mark").isEqualTo((byte) '{');
        Map<String, String> zh = flatten(JSON.readTree(new String(zhBytes, StandardCharsets.UTF_8)));

        assertThat(en).as("en.json of the webjar").hasSizeGreaterThan(100);
        assertThat(new ArrayList<>(zh.keySet())).as("keys of %s zh.json, in en.json's order", app)
                .containsExactlyElementsOf(en.keySet());

        List<String> problems = new ArrayList<>();
        en.forEach((key, english) -> {
            String chinese = zh.get(key);
            for (String placeholder : placeholders(english)) {
                if (!chinese.contains(placeholder)) {
                    problems.add(key + ": placeholder " + placeholder + " missing in \"" + chinese + "\"");
                }
            }
            if (key.startsWith("labels.") && LATIN.matcher(chinese).find() && !HAN.matcher(chinese).find()
                    && !KEPT_AS_IS.contains(chinese)) {
                problems.add(key + ": still English \"" + chinese + "\"");
            }
        });
        assertThat(problems).as(app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void theServedConfigListsChineseFirstAndFallsBackToEnglish(String app) throws IOException {
        String path = APP + app + "/scripts/config.js";
        URL served = getClass().getClassLoader().getResource(path);
        assertThat(served).as(path).isNotNull();
        assertThat(served.getProtocol()).as("our config.js wins over the webjar's").isEqualTo("file");
        String config = new String(bytes(path), StandardCharsets.UTF_8);

        Matcher available = Pattern.compile("(?m)^\\s*availableLocales:\\s*\\[([^]]*)]").matcher(config);
        assertThat(available.find()).as("an active availableLocales in " + path).isTrue();
        assertThat(available.group(1).replaceAll("[\\s'\"]", "").split(",")).containsExactly("zh", "en");
        assertThat(config).containsPattern("(?m)^\\s*fallbackLocale:\\s*'en'");
        assertThat(config).as("still the 7.24 module format").contains("export default {");
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static JsonNode read(String path) throws IOException {
        String text = new String(bytes(path), StandardCharsets.UTF_8);
        return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static byte[] bytes(String path) throws IOException {
        try (InputStream in = WebappChineseLocalesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Dotted paths to every leaf as text ("labels.CLAIM_TASK", "dateLocales.months.0"), in document order. */
    private static Map<String, String> flatten(JsonNode root) {
        Map<String, String> leaves = new LinkedHashMap<>();
        flatten("", root, leaves);
        return leaves;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> leaves) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix + e.getKey() + ".", e.getValue(), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + i + ".", node.get(i), leaves);
            }
        } else {
            leaves.put(prefix.substring(0, prefix.length() - 1), node.asText());
        }
    }
}
