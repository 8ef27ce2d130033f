package org.hmcflow.shared.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bilingual texts of our process and form files, in one language. The files stay the single definition that
 * Camunda Tasklist shows as written (Chinese first, English second); the portal shows the user's half:
 * <ul>
 *   <li>a form label, description, placeholder or option: {@code "中文 / English"} (or {@code "中文（注）/ English"}),
 *       split at the first {@code "/ "} with Chinese before it and English after it; an option may also read
 *       {@code "中文 English"} like an element name;</li>
 *   <li>a form's text block (Markdown): its paragraphs, each either Chinese or English (judged by its first letter
 *       after Markdown marks), or itself {@code "中文 / English"};</li>
 *   <li>a BPMN element name: {@code "研判定级 Triage and grade"}, the Chinese up to the first Latin word.</li>
 * </ul>
 * A text without an English half reads the same in both languages. {@code FormFilesTest} checks that every form
 * follows these rules, so no label shows both halves or the wrong one.
 */
public final class Bilingual {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern SEPARATOR = Pattern.compile(" ?/ ");
    /** Chinese, then whitespace, then English starting with a Latin letter. */
    private static final Pattern NAME = Pattern.compile("^(.*?\\p{IsHan}[^A-Za-z]*?)\\s+([A-Za-z].*)$");
    /** Markdown marks and punctuation before a paragraph's first letter. */
    private static final Pattern LEADING_MARKS = Pattern.compile("^[\\s#>*_`\\-+0-9.、（(【\\[]*");

    private Bilingual() {
    }

    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /**
     * One language of a {@code "中文 / English"} label (also {@code "中文（注）/ English"}, and the element-name form
     * {@code "中文 English"}); the label itself when it has no English half.
     */
    public static String label(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        int at = splitAt(text);
        if (at < 0) {
            Matcher m = NAME.matcher(text.strip());
            return m.matches() ? (english(locale) ? m.group(2).strip() : m.group(1).strip()) : text;
        }
        int slash = text.indexOf('/', at);
        return english(locale) ? text.substring(slash + 1).strip() : text.substring(0, at).strip();
    }

    /** One language of a BPMN element name such as {@code "研判定级 Triage and grade"}. */
    public static String name(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        Matcher m = NAME.matcher(text.strip());
        if (!m.matches()) {
            return label(text, locale);
        }
        return english(locale) ? m.group(2).strip() : m.group(1).strip();
    }

    /** One language of a Markdown text block: its paragraphs of that language (each may be "中文 / English"). */
    public static String markdown(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        List<String> chosen = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String marks = leadingMarks(paragraph);
            String body = paragraph.substring(marks.length());
            if (splitAt(body) >= 0) {
                chosen.add(marks + label(body, locale));
            } else if (isChinese(body) != english(locale)) {
                chosen.add(paragraph);
            }
        }
        return chosen.isEmpty() ? text : String.join("\n\n", chosen);
    }

    /** A copy of a form-js schema with every user-facing text in one language. */
    public static JsonNode form(JsonNode schema, Locale locale) {
        JsonNode copy = schema.deepCopy();
        localize(copy.path("components"), locale);
        return copy;
    }

    private static void localize(JsonNode components, Locale locale) {
        if (!(components instanceof ArrayNode list)) {
            return;
        }
        for (JsonNode node : list) {
            if (!(node instanceof ObjectNode c)) {
                continue;
            }
            for (String field : List.of("label", "description", "placeholder", "dateLabel", "timeLabel")) {
                if (c.path(field).isTextual()) {
                    c.put(field, label(c.get(field).asText(), locale));
                }
            }
            if ("text".equals(c.path("type").asText()) && c.path("text").isTextual()) {
                c.put("text", markdown(c.get("text").asText(), locale));
            }
            for (JsonNode value : c.path("values")) {
                if (value instanceof ObjectNode option && option.path("label").isTextual()) {
                    option.put("label", label(option.get("label").asText(), locale));
                }
            }
            localize(c.path("components"), locale);
        }
    }

    /**
     * Where "中文 / English" splits: the first "/" followed by a space (with or without a space before it) that has
     * Chinese before it and English after it; -1 when there is none.
     */
    static int splitAt(String text) {
        Matcher m = SEPARATOR.matcher(text);
        while (m.find()) {
            if (HAN.matcher(text.substring(0, m.start())).find() && !isChinese(text.substring(m.end()))
                    && !text.substring(m.end()).isBlank()) {
                return m.start();
            }
        }
        return -1;
    }

    private static String leadingMarks(String paragraph) {
        Matcher m = LEADING_MARKS.matcher(paragraph);
        return m.find() ? m.group() : "";
    }

    /** Whether a text reads as Chinese: its first letter (Han or Latin) is Han. */
    private static boolean isChinese(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                return true;
            }
            if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
