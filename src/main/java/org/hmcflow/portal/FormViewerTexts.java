package org.hmcflow.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words the form-js 1.8 viewer writes in English of its own (not from our forms): their translation for the
 * page's language, which {@code static/js/forms.js} puts in place as the form renders. English pages get none.
 * Every page has it as the model attribute {@code viewerTexts} ({@link PortalModel}).
 */
@Component
class FormViewerTexts {

    /** form-js's English text → our ui bundle key. "{0}" stands for a number form-js puts in. */
    static final Map<String, String> ENGLISH = orderedMap(List.of(
            "Select", "ui.fjs.select",
            "Search", "ui.fjs.search",
            "Add new", "ui.fjs.add",
            "Collapse", "ui.fjs.collapse",
            "Expand all ({0})", "ui.fjs.expand-all",
            "Remove list item {0}", "ui.fjs.remove-item",
            "Increment", "ui.fjs.increment",
            "Decrement", "ui.fjs.decrement",
            "Previous page", "ui.fjs.previous-page",
            "Next page", "ui.fjs.next-page",
            "Date", "ui.fjs.date"));

    private final MessageSource messages;
    private final ObjectMapper json;

    FormViewerTexts(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    String json(Locale locale) throws JsonProcessingException {
        if ("en".equals(locale.getLanguage())) {
            return "{}";
        }
        Map<String, String> texts = new LinkedHashMap<>();
        ENGLISH.forEach((english, key) -> texts.put(english, messages.getMessage(key, null, english, locale)));
        return json.writeValueAsString(texts);
    }

    private static Map<String, String> orderedMap(List<String> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            map.put(pairs.get(i), pairs.get(i + 1));
        }
        return map;
    }
}
