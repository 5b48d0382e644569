package net.vpdn.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Applies environment variables and {@code --set key=value} arguments onto the tree read from the file.
 * Precedence is file, then environment, then {@code --set} (later wins); several {@code --set} of one key:
 * the last wins. Values are set as text; binding validates them like file values.
 */
final class Overrides {
    /** Environment variables with this prefix are configuration keys. */
    static final String ENV_PREFIX = "VPDN__";
    static final String SET_ORIGIN = "--set";

    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,5}");

    private Overrides() {
    }

    /** {@code VPDN__L2TP__HELLO_INTERVAL=30s} sets {@code l2tp.hello-interval}; applied in name order. */
    static void applyEnvironment(RawNode.MapNode root, Map<String, String> environment, Problems problems) {
        new TreeMap<>(environment).forEach((name, value) -> {
            if (!name.startsWith(ENV_PREFIX)) {
                return;
            }
            String origin = "environment " + name;
            List<String> path = Arrays.stream(name.substring(ENV_PREFIX.length()).split("__", -1))
                    .map(s -> s.toLowerCase(Locale.ROOT).replace('_', '-')).toList();
            if (path.stream().allMatch(s -> SEGMENT.matcher(s).matches())) {
                set(root, path, value, origin, problems);
            } else {
                problems.add(origin, name, "does not map onto a key: after " + ENV_PREFIX
                        + " use letters and digits, _ for - and __ between levels");
            }
        });
    }

    /** Each argument is {@code dotted.key=value}, e.g. {@code vpdn-groups.0.tunnel-secret=s3cret}. */
    static void applySets(RawNode.MapNode root, List<String> assignments, Problems problems) {
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            String key = eq < 0 ? assignment : assignment.substring(0, eq);
            List<String> path = Arrays.asList(key.split("\\.", -1));
            if (eq < 0) {
                problems.add(SET_ORIGIN, key, "expected key=value");
            } else if (!path.stream().allMatch(s -> SEGMENT.matcher(s).matches())) {
                problems.add(SET_ORIGIN, key, "is not a key: use lower-case names and list indexes joined by dots");
            } else {
                set(root, path, assignment.substring(eq + 1), SET_ORIGIN, problems);
            }
        }
    }

    private static void set(RawNode.MapNode root, List<String> path, String value, String origin,
                            Problems problems) {
        RawNode container = root;
        for (int i = 0; i < path.size(); i++) {
            boolean last = i == path.size() - 1;
            String segment = path.get(i);
            String key = String.join(".", path.subList(0, i + 1));
            RawNode fresh = last ? new RawNode.Scalar(value, origin)
                    : INDEX.matcher(path.get(i + 1)).matches() ? new RawNode.ListNode(origin)
                    : new RawNode.MapNode(origin);
            container = step(container, segment, key, fresh, last, problems);
            if (container == null) {
                return;
            }
        }
    }

    // Descends one level, creating `fresh` when the child is missing (or replacing it on the last level).
    private static RawNode step(RawNode container, String segment, String key, RawNode fresh, boolean last,
                                Problems problems) {
        String origin = fresh.origin();
        switch (container) {
            case RawNode.MapNode map -> {
                if (INDEX.matcher(segment).matches()) {
                    problems.add(origin, key, "is not a list; drop the index");
                    return null;
                }
                RawNode child = map.entries().get(segment);
                if (last || child == null || child instanceof RawNode.Scalar s && s.value() == null) {
                    map.entries().put(segment, fresh);
                    return fresh;
                }
                if (fresh instanceof RawNode.ListNode && !(child instanceof RawNode.ListNode)) {
                    RawNode.ListNode wrapped = new RawNode.ListNode(new ArrayList<>(List.of(child)), child.origin());
                    map.entries().put(segment, wrapped);
                    return wrapped;
                }
                if (child instanceof RawNode.Scalar) {
                    problems.add(origin, key, "holds a value, not keys");
                    return null;
                }
                return child;
            }
            case RawNode.ListNode list -> {
                return stepIntoList(list, segment, key, fresh, last, problems);
            }
            case RawNode.Scalar s -> throw new IllegalStateException("set never descends into a value");
        }
    }

    private static RawNode stepIntoList(RawNode.ListNode list, String segment, String key, RawNode fresh,
                                       boolean last, Problems problems) {
        if (!INDEX.matcher(segment).matches()) {
            problems.add(fresh.origin(), key, "is inside a list: give an index, e.g. "
                    + key.substring(0, key.length() - segment.length()) + "0." + segment);
            return null;
        }
        int index = Integer.parseInt(segment);
        if (index > list.items().size()) {
            problems.add(fresh.origin(), key, "index " + index + " is past the end of a list of "
                    + list.items().size() + "; the next new entry is " + list.items().size());
            return null;
        }
        if (index == list.items().size()) {
            list.items().add(fresh);
            return fresh;
        }
        RawNode child = list.items().get(index);
        if (last || child instanceof RawNode.Scalar && !(fresh instanceof RawNode.Scalar)) {
            list.items().set(index, fresh);
            return fresh;
        }
        return child;
    }
}
