package org.hmcflow.selfinspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The self-inspection checklist (自查清单), read once at start-up from {@code hmc.self-inspection.checklist}
 * (default {@code classpath:config/checklists/self-inspection.yaml}; the file's header describes the layout).
 * A bad file stops the start with a message that names the file and the line.
 */
@Component
public class SelfInspectionChecklist {

    static final String DEFAULT_LOCATION = "classpath:config/checklists/self-inspection.yaml";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    /** The Chinese text becomes a hazard title, and hazard titles are at most 200 characters. */
    static final int MAX_TEXT = 200;

    private final Map<String, ChecklistItem> items;

    @Autowired
    SelfInspectionChecklist(ResourceLoader resources,
                            @Value("${hmc.self-inspection.checklist:" + DEFAULT_LOCATION + "}") String location) {
        this(parse(location, read(resources.getResource(location), location)));
    }

    SelfInspectionChecklist(List<ChecklistItem> items) {
        Map<String, ChecklistItem> byCode = new LinkedHashMap<>();
        for (ChecklistItem item : items) {
            byCode.put(item.code(), item);
        }
        this.items = byCode;
    }

    /** Parses a checklist file's text; {@code sourceName} is used in error messages only. */
    static SelfInspectionChecklist fromYaml(String sourceName, String yaml) {
        return new SelfInspectionChecklist(parse(sourceName, yaml));
    }

    /** Every item, in file order. */
    public List<ChecklistItem> all() {
        return List.copyOf(items.values());
    }

    /** The items a check of this kind asks, in file order. */
    public List<ChecklistItem> itemsOf(SelfInspectionKind kind) {
        return items.values().stream().filter(i -> i.appliesTo(kind)).toList();
    }

    public Optional<ChecklistItem> find(String code) {
        return Optional.ofNullable(code == null ? null : items.get(code));
    }

    private static String read(Resource resource, String location) {
        if (!resource.exists()) {
            throw new ChecklistException("Self-inspection checklist " + location + " not found (hmc.self-inspection.checklist)");
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ChecklistException("Self-inspection checklist " + location + " cannot be read: " + e.getMessage(), e);
        }
    }

    // The node tree keeps line numbers and leaves every value as the text that was written.
    private static List<ChecklistItem> parse(String source, String yaml) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (YAMLException e) {
            throw new ChecklistException("Self-inspection checklist " + source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new ChecklistException("Self-inspection checklist " + source + " is empty; expected an 'items' list");
        }
        Map<String, Node> top = mapping(source, root, "the file", Set.of("source", "items"), Set.of("items"));
        if (!(top.get("items") instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw error(source, top.get("items"), "'items' must be a non-empty list");
        }
        List<ChecklistItem> items = new ArrayList<>();
        Map<String, Node> seen = new LinkedHashMap<>();
        for (Node node : list.getValue()) {
            Map<String, Node> f = mapping(source, node, "an item", Set.of("code", "kinds", "zh", "en", "basis"),
                    Set.of("code", "kinds", "zh", "en"));
            String code = text(source, f.get("code"), "code");
            if (!CODE.matcher(code).matches()) {
                throw error(source, f.get("code"), "code '" + code + "' must be 2–40 characters A–Z, 0–9 and _, "
                        + "starting with a letter");
            }
            Node earlier = seen.put(code, node);
            if (earlier != null) {
                throw error(source, f.get("code"), "code " + code + " appears twice (first at line "
                        + (earlier.getStartMark().getLine() + 1) + ")");
            }
            Set<SelfInspectionKind> kinds = kinds(source, f.get("kinds"), code);
            String zh = text(source, f.get("zh"), "zh of " + code);
            String en = text(source, f.get("en"), "en of " + code);
            if (zh.length() > MAX_TEXT) {
                throw error(source, f.get("zh"), "zh of " + code + " has " + zh.length() + " characters; at most "
                        + MAX_TEXT + " (it becomes a hazard's title)");
            }
            String basis = f.containsKey("basis") && !isNull(f.get("basis")) ? scalar(source, f.get("basis"), "basis") : null;
            items.add(new ChecklistItem(code, kinds, zh, en, basis));
        }
        for (SelfInspectionKind kind : SelfInspectionKind.values()) {
            if (items.stream().noneMatch(i -> i.appliesTo(kind))) {
                throw new ChecklistException("Self-inspection checklist " + source + " has no item for " + kind
                        + "; such a check could never be filed");
            }
        }
        return items;
    }

    private static Set<SelfInspectionKind> kinds(String source, Node node, String code) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw error(source, node, "kinds of " + code + " must be a non-empty list of " + List.of(SelfInspectionKind.values()));
        }
        Set<SelfInspectionKind> kinds = EnumSet.noneOf(SelfInspectionKind.class);
        for (Node k : seq.getValue()) {
            String value = scalar(source, k, "kind");
            try {
                if (!kinds.add(SelfInspectionKind.valueOf(value))) {
                    throw error(source, k, "kind " + value + " of " + code + " is listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw error(source, k, "unknown kind '" + value + "' of " + code + "; expected one of "
                        + List.of(SelfInspectionKind.values()));
            }
        }
        return kinds;
    }

    private static Map<String, Node> mapping(String source, Node node, String what, Set<String> allowed,
                                             Set<String> required) {
        if (!(node instanceof MappingNode mappingNode)) {
            throw error(source, node, what + " must be a mapping with keys " + new TreeSet<>(allowed));
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode.getValue()) {
            String key = scalar(source, tuple.getKeyNode(), "key");
            if (!allowed.contains(key)) {
                throw error(source, tuple.getKeyNode(), "unknown key '" + key + "' in " + what + "; expected "
                        + new TreeSet<>(allowed));
            }
            if (fields.put(key, tuple.getValueNode()) != null) {
                throw error(source, tuple.getKeyNode(), "key '" + key + "' appears twice in " + what);
            }
        }
        for (String key : new TreeSet<>(required)) {
            if (!fields.containsKey(key)) {
                throw error(source, node, what + " has no '" + key + "'");
            }
        }
        return fields;
    }

    private static String scalar(String source, Node node, String what) {
        if (!(node instanceof ScalarNode s)) {
            throw error(source, node, what + " must be a single value");
        }
        return s.getValue().strip();
    }

    private static String text(String source, Node node, String what) {
        String value = isNull(node) ? "" : scalar(source, node, what);
        if (value.isEmpty()) {
            throw error(source, node, what + " is empty");
        }
        return value;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private static ChecklistException error(String source, Node node, String message) {
        String where = node == null ? source : source + ", line " + (node.getStartMark().getLine() + 1);
        return new ChecklistException("Self-inspection checklist " + where + ": " + message);
    }
}
