package org.hmcflow.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * 现场检查表 — the on-site checklists per industry group, read once at start-up from
 * {@code hmc.inspection.checklists} (default {@code classpath:config/checklists/inspection-*.yaml}; the layout is
 * described in {@code inspection-general.yaml}). A bad file stops the start with the file named.
 */
@Component
public class InspectionChecklists {

    static final String DEFAULT_LOCATION = "classpath*:config/checklists/inspection-*.yaml";
    static final String GENERAL = "GENERAL";
    /** Code prefix of the lists for an inspection's purpose ({@code inspection-purpose-*.yaml}). */
    static final String PURPOSE_PREFIX = "PURPOSE_";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    /** One item to check on site, with its legal basis; {@code sampling}: checking it needs samples. */
    public record Item(String code, String zh, String en, String basis, boolean sampling) {
    }

    /** One industry group's list. */
    public record Checklist(String code, String zh, String en, List<String> industries, String source,
                            List<Item> items) {

        public Optional<Item> item(String itemCode) {
            return items.stream().filter(i -> i.code().equals(itemCode)).findFirst();
        }

        /** Whether any item needs samples, so the monitoring station samples with the inspection. */
        public boolean needsSampling() {
            return items.stream().anyMatch(Item::sampling);
        }
    }

    private final Map<String, Checklist> lists;

    InspectionChecklists(@Value("${hmc.inspection.checklists:" + DEFAULT_LOCATION + "}") String location) {
        Map<String, Checklist> byCode = new LinkedHashMap<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(location);
            java.util.Arrays.sort(files, java.util.Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (Resource file : files) {
                Checklist list = parse(file.getFilename(), read(file));
                if (byCode.put(list.code(), list) != null) {
                    throw new IllegalStateException("Inspection checklist code " + list.code() + " appears in two files");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Inspection checklists " + location + " cannot be read: " + e.getMessage(), e);
        }
        if (!byCode.containsKey(GENERAL)) {
            throw new IllegalStateException("Inspection checklists " + location + " lack the general list (code GENERAL)");
        }
        this.lists = byCode;
    }

    /** Every list, in file order. */
    public List<Checklist> all() {
        return List.copyOf(lists.values());
    }

    public Optional<Checklist> byCode(String code) {
        return Optional.ofNullable(lists.get(code));
    }

    /**
     * The list for an inspection's purpose, e.g. {@code production-stopped} → {@code PURPOSE_PRODUCTION_STOPPED}
     * (file {@code inspection-purpose-production-stopped.yaml}).
     */
    public Optional<Checklist> forPurpose(String purpose) {
        if (purpose == null || !purpose.matches("[a-zA-Z][a-zA-Z0-9_-]{0,30}")) {
            return Optional.empty();
        }
        return byCode(PURPOSE_PREFIX + purpose.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    /** Whether a list is for a purpose rather than an industry group. */
    public static boolean isPurposeList(Checklist list) {
        return list.code().startsWith(PURPOSE_PREFIX);
    }

    /** The list for an industry (行业类别): the first whose words occur in it, else the general list. */
    public Checklist forIndustry(String industry) {
        for (Checklist list : lists.values()) {
            if (industry != null && !isPurposeList(list) && list.industries().stream().anyMatch(industry::contains)) {
                return list;
            }
        }
        return lists.get(GENERAL);
    }

    private static String read(Resource file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    static Checklist parse(String source, String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof Map<?, ?> top)) {
            throw bad(source, "expected a mapping with code, zh, en, industries, source and items");
        }
        String code = required(source, top, "code");
        if (!CODE.matcher(code).matches()) {
            throw bad(source, "code '" + code + "' must be 2–40 characters A–Z, 0–9 and _");
        }
        if (!(top.get("industries") instanceof List<?> industries)) {
            throw bad(source, "'industries' must be a list (empty for the general list)");
        }
        if (!(top.get("items") instanceof List<?> rawItems) || rawItems.isEmpty()) {
            throw bad(source, "'items' must be a non-empty list");
        }
        List<Item> items = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Object raw : rawItems) {
            if (!(raw instanceof Map<?, ?> m)) {
                throw bad(source, "each item must be a mapping");
            }
            String itemCode = required(source, m, "code");
            if (!CODE.matcher(itemCode).matches()) {
                throw bad(source, "item code '" + itemCode + "' must be 2–40 characters A–Z, 0–9 and _");
            }
            if (!codes.add(itemCode)) {
                throw bad(source, "item code " + itemCode + " appears twice");
            }
            Object sampling = m.get("sampling");
            if (sampling != null && !(sampling instanceof Boolean)) {
                throw bad(source, "sampling of " + itemCode + " must be true or false");
            }
            items.add(new Item(itemCode, required(source, m, "zh"), required(source, m, "en"),
                    required(source, m, "basis"), Boolean.TRUE.equals(sampling)));
        }
        return new Checklist(code, required(source, top, "zh"), required(source, top, "en"),
                ((List<Object>) industries).stream().map(String::valueOf).toList(), required(source, top, "source"),
                List.copyOf(items));
    }

    private static String required(String source, Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            throw bad(source, "'" + key + "' is required");
        }
        return value.toString().strip();
    }

    private static IllegalStateException bad(String source, String problem) {
        return new IllegalStateException("Inspection checklist " + source + ": " + problem);
    }
}
