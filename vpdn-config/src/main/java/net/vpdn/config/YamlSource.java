package net.vpdn.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads a YAML file with Commons Configuration 2 and turns its node tree into {@link RawNode}s. */
final class YamlSource {
    /** Key used for problems with the file as a whole. */
    static final String WHOLE_FILE = "(file)";
    /** The largest file read: room for about a million local users. */
    static final int MAX_CODE_POINTS = 64 << 20;

    private YamlSource() {
    }

    /** The file's top-level map; an empty map (with a problem recorded) if it cannot be read. */
    static RawNode.MapNode read(Path file, Problems problems) {
        String origin = file.toString();
        YAMLConfiguration yaml = new YAMLConfiguration();
        try {
            if (Files.readString(file).isBlank()) {
                return new RawNode.MapNode(origin);
            }
            // A key written twice in one map is a mistake; SnakeYAML would silently keep the last one.
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            // SnakeYAML stops at 3 MB by default: an LNS with 100,000 local users has a 6 MB file
            options.setCodePointLimit(MAX_CODE_POINTS);
            try (Reader reader = Files.newBufferedReader(file)) {
                yaml.read(reader, options);
            }
        } catch (IOException e) {
            problems.add(origin, WHOLE_FILE, "cannot be read: " + e.getClass().getSimpleName());
            return new RawNode.MapNode(origin);
        } catch (ConfigurationException | RuntimeException e) {
            problems.add(origin, WHOLE_FILE, "is not a YAML map of keys: " + syntaxProblem(e));
            return new RawNode.MapNode(origin);
        }
        return toMap(yaml.getNodeModel().getNodeHandler().getRootNode(), origin);
    }

    // SnakeYAML's own message quotes the offending line, which may hold a secret: keep only position and cause.
    private static String syntaxProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("exceeds the limit")) {
                return "larger than " + MAX_CODE_POINTS + " characters";
            }
            if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                return m.getProblem() + " at line " + (m.getProblemMark().getLine() + 1)
                        + ", column " + (m.getProblemMark().getColumn() + 1);
            }
        }
        return "the top level must be key: value pairs";
    }

    private static RawNode.MapNode toMap(ImmutableNode node, String origin) {
        Map<String, List<ImmutableNode>> byName = new LinkedHashMap<>();
        for (ImmutableNode child : node.getChildren()) {
            byName.computeIfAbsent(child.getNodeName(), k -> new ArrayList<>()).add(child);
        }
        RawNode.MapNode map = new RawNode.MapNode(origin);
        byName.forEach((name, nodes) -> {
            if (nodes.size() == 1) {
                map.entries().put(name, convert(nodes.getFirst(), origin));
            } else {
                RawNode.ListNode list = new RawNode.ListNode(origin);
                nodes.forEach(n -> list.items().add(convert(n, origin)));
                map.entries().put(name, list);
            }
        });
        return map;
    }

    // Commons Configuration turns a YAML sequence into sibling nodes of the same name, so a sequence of one
    // looks like a single value; Section treats a single node as a list of one where a list is expected.
    private static RawNode convert(ImmutableNode node, String origin) {
        if (!node.getChildren().isEmpty()) {
            return toMap(node, origin);
        }
        Object value = node.getValue();
        if (value instanceof Collection<?> items) {
            RawNode.ListNode list = new RawNode.ListNode(origin);
            items.forEach(i -> list.items().add(new RawNode.Scalar(i == null ? null : String.valueOf(i), origin)));
            return list;
        }
        return new RawNode.Scalar(value == null ? null : String.valueOf(value), origin);
    }
}
