package org.hmcflow.department;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hmcflow.enterprise.EnterpriseNames;
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
 * 部门名称 — resolves a department name as a plan writes it ({@code 市环保局}, {@code 环境保护局},
 * {@code 各县（市、区）人民政府}) to the departments of the register, with the aliases and collective names of
 * {@code hmc.departments.aliases} (default {@code classpath:config/departments/aliases.yaml}; the file's header
 * describes the layout). The file is checked against the register at start-up and a mistake stops the start. A name
 * that resolves to nothing is reported, never guessed.
 *
 * <p>Names are compared after {@link EnterpriseNames#normalize}: full-width and half-width brackets and spaces are
 * made equal, nothing else.
 */
@Component
public class DepartmentNames {

    static final String DEFAULT_LOCATION = "classpath:config/departments/aliases.yaml";

    /** What a collective name stands for. */
    enum Collective {
        /** 各县（市、区）人民政府 — every county government. */
        EVERY,
        /** 各相关县（市、区）人民政府 — the county governments the row lists; every county, to narrow, if it lists none. */
        RELATED
    }

    /**
     * Where a name was read: the row's reference for messages (e.g. {@code 附表2 row 38}) and, for
     * {@code 各相关县（市、区）人民政府}, the counties that row of the importing data names (county names such as
     * {@code 清城区} or government names); {@code null} or empty when the row names none.
     */
    public record RowContext(String reference, List<String> relatedCounties) {

        public static RowContext of(String reference) {
            return new RowContext(reference, List.of());
        }

        public RowContext {
            relatedCounties = relatedCounties == null ? List.of() : List.copyOf(relatedCounties);
        }
    }

    /**
     * The outcome for one written name: the departments it stands for, or the problem (in English, naming the row and
     * the name). {@code toNarrow} is set when {@code 各相关县（市、区）人民政府} came without a list and stands for every
     * county until a person narrows it.
     */
    public record Resolution(String written, List<Department> departments, boolean toNarrow, String problem) {

        static Resolution of(String written, List<Department> departments, boolean toNarrow) {
            return new Resolution(written, List.copyOf(departments), toNarrow, null);
        }

        static Resolution problem(String written, String problem) {
            return new Resolution(written, List.of(), false, problem);
        }

        public boolean isResolved() {
            return problem == null;
        }
    }

    private final Map<String, Department> byName;
    private final Map<String, Collective> collectives;
    private final List<Department> counties;

    @Autowired
    DepartmentNames(ResourceLoader resources, DepartmentRepository departments,
                    @Value("${hmc.departments.aliases:" + DEFAULT_LOCATION + "}") String location) {
        this(location, read(resources.getResource(location), location), departments.findAll());
    }

    DepartmentNames(String source, String yaml, List<Department> departments) {
        Map<String, Department> byCode = new LinkedHashMap<>();
        Map<String, Department> names = new HashMap<>();
        for (Department d : departments) {
            byCode.put(d.getCode(), d);
            names.put(EnterpriseNames.normalize(d.getNameZh()), d);
        }
        this.byName = names;
        this.collectives = new HashMap<>();
        this.counties = departments.stream()
                .filter(d -> d.getKind() == Department.Kind.GOVERNMENT && d.getCounty() != null).toList();
        parse(source, yaml, byCode);
    }

    /** Builds the resolver from a file's text and the departments it refers to; {@code source} names it in errors. */
    static DepartmentNames fromYaml(String source, String yaml, List<Department> departments) {
        return new DepartmentNames(source, yaml, departments);
    }

    /**
     * The department(s) a written name stands for, or the problem. A department's own name and its aliases resolve to
     * it; {@code 各县（市、区）人民政府} to every county government; {@code 各相关县（市、区）人民政府} to the counties the
     * row lists (each must be a county government), or to every county flagged {@code toNarrow} when it lists none.
     */
    public Resolution resolve(String written, RowContext row) {
        String where = row == null || row.reference() == null ? "" : row.reference() + ": ";
        if (written == null || written.isBlank()) {
            return Resolution.problem(written, where + "empty department name");
        }
        String key = EnterpriseNames.normalize(written.strip());
        Department one = byName.get(key);
        if (one != null) {
            return Resolution.of(written, List.of(one), false);
        }
        Collective collective = collectives.get(key);
        if (collective == Collective.EVERY) {
            return Resolution.of(written, counties, false);
        }
        if (collective == Collective.RELATED) {
            List<String> listed = row == null ? List.of() : row.relatedCounties();
            if (listed.isEmpty()) {
                return Resolution.of(written, counties, true);
            }
            List<Department> chosen = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String county : listed) {
                Optional<Department> government = countyGovernment(county);
                if (government.isEmpty()) {
                    unknown.add(county);
                } else if (!chosen.contains(government.get())) {
                    chosen.add(government.get());
                }
            }
            if (!unknown.isEmpty()) {
                return Resolution.problem(written, where + "'" + written + "' lists " + unknown
                        + ", which name no county government");
            }
            return Resolution.of(written, chosen, false);
        }
        return Resolution.problem(written, where + "department name '" + written
                + "' is neither a department of the register nor an alias in the department alias file");
    }

    private Optional<Department> countyGovernment(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String key = EnterpriseNames.normalize(written.strip());
        Department named = byName.get(key);
        if (named != null) {
            return named.getKind() == Department.Kind.GOVERNMENT ? Optional.of(named) : Optional.empty();
        }
        return counties.stream().filter(d -> EnterpriseNames.normalize(d.getCounty()).equals(key)).findFirst();
    }

    private static String read(Resource resource, String location) {
        if (!resource.exists()) {
            throw new DepartmentAliasException("Department alias file " + location + " not found (hmc.departments.aliases)");
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DepartmentAliasException("Department alias file " + location + " cannot be read: " + e.getMessage(), e);
        }
    }

    // The node tree keeps line numbers, so each mistake is reported with its line.
    private void parse(String source, String yaml, Map<String, Department> byCode) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (YAMLException e) {
            throw new DepartmentAliasException("Department alias file " + source + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof MappingNode top)) {
            throw new DepartmentAliasException("Department alias file " + source + " is empty or not a mapping; "
                    + "expected 'aliases' and 'collectives'");
        }
        Map<String, Node> sections = new LinkedHashMap<>();
        for (NodeTuple t : top.getValue()) {
            String name = scalar(source, t.getKeyNode(), "a section name");
            if (!Set.of("aliases", "collectives").contains(name)) {
                throw error(source, t.getKeyNode(), "unknown section '" + name + "'; expected aliases, collectives");
            }
            sections.put(name, t.getValueNode());
        }
        // where each normalized name was defined, to report a duplicate with both lines
        Map<String, String> definedAt = new HashMap<>();
        byName.keySet().forEach(n -> definedAt.put(n, "the register (department " + byName.get(n).getCode() + ")"));
        if (sections.get("aliases") instanceof MappingNode aliases) {
            for (NodeTuple t : aliases.getValue()) {
                String code = scalar(source, t.getKeyNode(), "a department code");
                Department d = byCode.get(code);
                if (d == null) {
                    throw error(source, t.getKeyNode(), "aliases name department code '" + code
                            + "', which no department of the register has (add it in a migration first)");
                }
                for (Node alias : names(source, t.getValueNode(), "aliases of " + code)) {
                    String written = scalar(source, alias, "an alias of " + code);
                    define(source, alias, written, definedAt);
                    byName.put(EnterpriseNames.normalize(written), d);
                }
            }
        } else if (sections.containsKey("aliases") && !isNull(sections.get("aliases"))) {
            throw error(source, sections.get("aliases"), "'aliases' must map department codes to lists of names");
        }
        if (sections.get("collectives") instanceof MappingNode groups) {
            for (NodeTuple t : groups.getValue()) {
                String kind = scalar(source, t.getKeyNode(), "a collective kind");
                Collective collective;
                try {
                    collective = Collective.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw error(source, t.getKeyNode(), "unknown collective '" + kind + "'; expected every, related");
                }
                for (Node name : names(source, t.getValueNode(), "names of " + kind)) {
                    String written = scalar(source, name, "a collective name");
                    define(source, name, written, definedAt);
                    collectives.put(EnterpriseNames.normalize(written), collective);
                }
            }
        } else if (sections.containsKey("collectives") && !isNull(sections.get("collectives"))) {
            throw error(source, sections.get("collectives"), "'collectives' must map every/related to lists of names");
        }
        if (counties.isEmpty() && !collectives.isEmpty()) {
            throw new DepartmentAliasException("Department alias file " + source + " has collective names, but the "
                    + "register has no county government for them to stand for");
        }
    }

    private static void define(String source, Node node, String written, Map<String, String> definedAt) {
        String key = EnterpriseNames.normalize(written);
        String line = "line " + (node.getStartMark().getLine() + 1);
        String earlier = definedAt.putIfAbsent(key, line);
        if (earlier != null) {
            throw error(source, node, "'" + written + "' is defined twice (also at " + earlier + "); a name must "
                    + "resolve to one meaning");
        }
    }

    private static List<Node> names(String source, Node node, String what) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw error(source, node, what + " must be a non-empty list of names");
        }
        return seq.getValue();
    }

    private static String scalar(String source, Node node, String what) {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw error(source, node, what + " must be a non-empty text");
        }
        return s.getValue().strip();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && (Tag.NULL.equals(s.getTag()) || s.getValue().isEmpty());
    }

    private static DepartmentAliasException error(String source, Node node, String message) {
        String line = node == null ? "" : " line " + (node.getStartMark().getLine() + 1);
        return new DepartmentAliasException("Department alias file " + source + line + ": " + message);
    }
}
