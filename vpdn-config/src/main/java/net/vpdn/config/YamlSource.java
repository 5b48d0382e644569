package net.vpdn.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML file with SnakeYAML (safe constructor, no duplicate keys) and turns it into {@link RawNode}s.
 * Not through Commons Configuration 2's YAMLConfiguration: its 2.15.1 cycle check remembers the identity
 * hash codes of the maps it visited, so an entry whose map collides with an earlier one is silently
 * dropped (one local user of 20,000 vanished in the load runs of docs/benchmarks.md).
 */
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
        Object document;
        try {
            if (Files.readString(file).isBlank()) {
                return new RawNode.MapNode(origin);
            }
            // A key written twice in one map is a mistake; SnakeYAML would silently keep the last one.
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            // SnakeYAML stops at 3 MB by default: an LNS with 100,000 local users has a 6 MB file
            options.setCodePointLimit(MAX_CODE_POINTS);
            // SnakeYAML directly, not commons-configuration2's YAMLConfiguration: its cycle check (2.15.1)
            // keeps the identity hash codes of the maps it visited, so when two user entries' hashes
            // collide the second is taken for visited and silently dropped (one user of 20,000 lost).
            try (Reader reader = Files.newBufferedReader(file)) {
                document = new Yaml(new SafeConstructor(options)).load(reader);
            }
        } catch (IOException e) {
            problems.add(origin, WHOLE_FILE, "cannot be read: " + e.getClass().getSimpleName());
            return new RawNode.MapNode(origin);
        } catch (RuntimeException e) {
            problems.add(origin, WHOLE_FILE, "is not a YAML map of keys: " + syntaxProblem(e));
            return new RawNode.MapNode(origin);
        }
        if (document == null) {
            return new RawNode.MapNode(origin);
        }
        if (!(document instanceof Map<?, ?> top)) {
            problems.add(origin, WHOLE_FILE, "is not a YAML map of keys: the top level must be key: value pairs");
            return new RawNode.MapNode(origin);
        }
        return toMap(top, origin);
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

    private static RawNode.MapNode toMap(Map<?, ?> yaml, String origin) {
        RawNode.MapNode map = new RawNode.MapNode(origin);
        yaml.forEach((key, value) -> {
            // As before: an empty sequence leaves no node, so the key reads as absent.
            if (!(value instanceof Collection<?> c && c.isEmpty())) {
                map.entries().put(String.valueOf(key), convert(value, origin));
            }
        });
        return map;
    }

    private static RawNode convert(Object value, String origin) {
        if (value instanceof Map<?, ?> m) {
            RawNode.MapNode map = toMap(m, origin);
            return map.entries().isEmpty() ? new RawNode.Scalar(null, origin) : map; // as before: a map of nothing is no value
        }
        // As before: a sequence of one is its item (Section takes a single node as a list of one).
        if (value instanceof Collection<?> items && items.size() == 1) {
            return convert(items.iterator().next(), origin);
        }
        if (value instanceof Collection<?> items) {
            RawNode.ListNode list = new RawNode.ListNode(origin);
            items.forEach(i -> list.items().add(convert(i, origin)));
            return list;
        }
        return new RawNode.Scalar(value == null ? null : String.valueOf(value), origin);
    }
}
