package net.vpdn.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A view of one map of the tree while it is bound to a record. Each read records the key as known; after
 * binding, {@link #reportUnknownKeys()} turns every key nobody asked for into an error. Bad values are
 * reported and replaced by the default (or a placeholder), so that one load finds every error.
 */
final class Section {
    /** Shared by every section of one load. */
    record Context(Problems problems, Path baseDirectory, List<Section> sections) {
    }

    private final Context context;
    private final String path;
    private final RawNode.MapNode node;
    private final Set<String> known = new LinkedHashSet<>();
    private final Map<String, Section> children = new HashMap<>();

    Section(Context context, String path, RawNode.MapNode node) {
        this.context = context;
        this.path = path;
        this.node = node;
        context.sections().add(this);
    }

    /** The dotted key of a child, as errors and {@code --set} spell it. */
    String key(String child) {
        return path.isEmpty() ? child : path + "." + child;
    }

    /** This section's own dotted key, e.g. {@code vpdn-groups.0}. */
    String path() {
        return path;
    }

    String origin() {
        return node.origin();
    }

    /** Origin of a child if present, else of this section. */
    String originOf(String child) {
        RawNode n = node.entries().get(child);
        return n == null ? origin() : n.origin();
    }

    void error(String child, String problem) {
        context.problems().add(originOf(child), key(child), problem);
    }

    /** An error about this section as a whole (key = this section's key). */
    void errorHere(String problem) {
        context.problems().add(origin(), path, problem);
    }

    /** Whether the key is written at all, even with an empty value ({@code request-dialin:}). */
    boolean present(String child) {
        known.add(child);
        return node.entries().containsKey(child);
    }

    boolean has(String child) {
        known.add(child);
        RawNode n = node.entries().get(child);
        return n != null && !(n instanceof RawNode.Scalar s && s.value() == null);
    }

    /** The value under {@code child}, if present and valid. */
    <T> Optional<T> optional(String child, Function<String, Parsed<T>> parser) {
        return text(child).flatMap(s -> accept(child, s, parser));
    }

    <T> T get(String child, T defaultValue, Function<String, Parsed<T>> parser) {
        return optional(child, parser).orElse(defaultValue);
    }

    /** A required value; {@code placeholder} stands in (never used) when it is missing or bad. */
    <T> T required(String child, T placeholder, Function<String, Parsed<T>> parser) {
        if (!has(child)) {
            error(child, "is required");
            return placeholder;
        }
        return get(child, placeholder, parser);
    }

    /**
     * A list of values: a YAML sequence, a single value, or a comma-separated value, which may be written
     * in YAML's flow style ({@code --set aaa.accounting=[radius]}), as people used to the file will.
     */
    <T> List<T> list(String child, Function<String, Parsed<T>> parser) {
        known.add(child);
        RawNode n = node.entries().get(child);
        List<T> out = new ArrayList<>();
        List<RawNode> items = n instanceof RawNode.ListNode l ? l.items() : n == null ? List.of() : List.of(n);
        for (int i = 0; i < items.size(); i++) {
            String itemKey = n instanceof RawNode.ListNode ? key(child) + "." + i : key(child);
            if (!(items.get(i) instanceof RawNode.Scalar s)) {
                context.problems().add(items.get(i).origin(), itemKey,
                        "expected a value, found " + RawNode.describe(items.get(i)));
                continue;
            }
            for (String part : s.value() == null ? new String[0] : unbracket(s.value()).split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                switch (parser.apply(part.trim())) {
                    case Parsed.Ok<T> ok -> out.add(ok.value());
                    case Parsed.Bad<T> bad -> context.problems().add(s.origin(), itemKey, bad.problem());
                }
            }
        }
        return out;
    }

    private static String unbracket(String v) {
        String t = v.strip();
        return t.length() >= 2 && t.startsWith("[") && t.endsWith("]") ? t.substring(1, t.length() - 1) : v;
    }

    /** A nested section (the same object on every call); an empty one if absent. */
    Section section(String child) {
        Section existing = children.get(child);
        if (existing != null) {
            return existing;
        }
        Section created = newSection(child);
        children.put(child, created);
        return created;
    }

    private Section newSection(String child) {
        known.add(child);
        RawNode n = node.entries().get(child);
        if (n instanceof RawNode.MapNode m) {
            return new Section(context, key(child), m);
        }
        if (n != null && !(n instanceof RawNode.Scalar s && s.value() == null)) {
            error(child, "expected a section of keys, found " + RawNode.describe(n));
        }
        return new Section(context, key(child), new RawNode.MapNode(originOf(child)));
    }

    /** A list of sections, each with its index in the key ({@code vpdn-groups.0}). */
    List<Section> sections(String child) {
        known.add(child);
        RawNode n = node.entries().get(child);
        List<RawNode> items = n instanceof RawNode.ListNode l ? l.items() : n == null ? List.of() : List.of(n);
        List<Section> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemKey = key(child) + "." + i;
            switch (items.get(i)) {
                case RawNode.MapNode m -> out.add(new Section(context, itemKey, m));
                case RawNode.Scalar s when s.value() == null -> { }
                case RawNode other -> context.problems().add(other.origin(), itemKey,
                        "expected a section of keys, found " + RawNode.describe(other));
            }
        }
        return out;
    }

    /**
     * A secret given inline under {@code child} or read from the file named under {@code child-file}
     * (relative to the configuration file's folder; one trailing line break is dropped).
     */
    Optional<Secret> secret(String child) {
        String fileKey = child + "-file";
        Optional<String> inline = text(child);
        Optional<String> file = text(fileKey);
        if (inline.isPresent() && file.isPresent()) {
            error(fileKey, "give either " + child + " or " + fileKey + ", not both");
            return Optional.empty();
        }
        if (file.isPresent()) {
            return readSecretFile(fileKey, file.get());
        }
        if (inline.isPresent() && inline.get().isEmpty()) {
            error(child, "is empty");
            return Optional.empty();
        }
        return inline.map(Secret::of);
    }

    private Optional<Secret> readSecretFile(String fileKey, String name) {
        Path file = context.baseDirectory().resolve(name);
        try {
            String content = Files.readString(file);
            String value = content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
                    : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
            if (value.isEmpty()) {
                error(fileKey, "file " + file + " is empty");
                return Optional.empty();
            }
            return Optional.of(Secret.of(value));
        } catch (IOException e) {
            error(fileKey, "cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    /** Reports every key of this section that no binder asked for. */
    void reportUnknownKeys() {
        for (var entry : node.entries().entrySet()) {
            if (!known.contains(entry.getKey())) {
                String hint = Suggest.closest(entry.getKey(), known).map(k -> " (did you mean " + k + "?)").orElse("");
                context.problems().add(entry.getValue().origin(), key(entry.getKey()), "unknown key" + hint);
            }
        }
    }

    private Optional<String> text(String child) {
        known.add(child);
        RawNode n = node.entries().get(child);
        return switch (n) {
            case null -> Optional.empty();
            case RawNode.Scalar s -> Optional.ofNullable(s.value());
            default -> {
                error(child, "expected a single value, found " + RawNode.describe(n));
                yield Optional.empty();
            }
        };
    }

    private <T> Optional<T> accept(String child, String text, Function<String, Parsed<T>> parser) {
        return switch (parser.apply(text)) {
            case Parsed.Ok<T> ok -> Optional.of(ok.value());
            case Parsed.Bad<T> bad -> {
                error(child, bad.problem());
                yield Optional.empty();
            }
        };
    }
}
