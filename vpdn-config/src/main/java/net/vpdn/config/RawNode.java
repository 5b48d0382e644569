package net.vpdn.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration tree as read from YAML and patched by overrides, before it is bound to records.
 * Every node remembers where it came from so that errors can name the file or override.
 */
sealed interface RawNode {
    /** File path, {@code environment VPDN__...} or {@code --set}. */
    String origin();

    /** A single value; {@code value} is null for an empty YAML value ({@code key:} or {@code key: ~}). */
    record Scalar(String value, String origin) implements RawNode {
    }

    /** Named children, in file order. */
    record MapNode(Map<String, RawNode> entries, String origin) implements RawNode {
        MapNode(String origin) {
            this(new LinkedHashMap<>(), origin);
        }
    }

    /** Ordered children (a YAML sequence). */
    record ListNode(List<RawNode> items, String origin) implements RawNode {
        ListNode(String origin) {
            this(new ArrayList<>(), origin);
        }
    }

    /** "a value", "a list" or "a section", for messages. */
    static String describe(RawNode node) {
        return switch (node) {
            case Scalar s -> "a value";
            case MapNode m -> "a section";
            case ListNode l -> "a list";
        };
    }
}
