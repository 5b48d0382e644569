package net.vpdn.benchmarks.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scenario's result as JSON and as a markdown table. The result is an ordered map of plain values
 * (strings, numbers, booleans, lists of such maps), so both forms list the same figures in the same order.
 */
final class ResultWriter {
    private ResultWriter() {
    }

    static String json(Map<String, Object> result) {
        StringBuilder b = new StringBuilder();
        value(b, result, "");
        return b.append('\n').toString();
    }

    private static void value(StringBuilder b, Object v, String indent) {
        switch (v) {
            case null -> b.append("null");
            case Map<?, ?> m -> {
                b.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    b.append(indent).append("  \"").append(escape(e.getKey().toString())).append("\": ");
                    value(b, e.getValue(), indent + "  ");
                    b.append(++i < m.size() ? ",\n" : "\n");
                }
                b.append(indent).append('}');
            }
            case List<?> l -> {
                b.append("[");
                for (int i = 0; i < l.size(); i++) {
                    b.append(i == 0 ? "\n" : ",\n").append(indent).append("  ");
                    value(b, l.get(i), indent + "  ");
                }
                b.append(l.isEmpty() ? "]" : "\n" + indent + "]");
            }
            case Double d -> b.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.3f", d) : "null");
            case Number n -> b.append(n);
            case Boolean x -> b.append(x);
            default -> b.append('"').append(escape(v.toString())).append('"');
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** A two-column table of every scalar figure, then a table of each list of rows. */
    static String markdown(String title, Map<String, Object> result) {
        StringBuilder b = new StringBuilder("### ").append(title).append("\n\n| figure | value |\n|---|---|\n");
        for (Map.Entry<String, Object> e : result.entrySet()) {
            if (!(e.getValue() instanceof List<?>)) {
                b.append("| ").append(e.getKey()).append(" | ").append(cell(e.getValue())).append(" |\n");
            }
        }
        for (Map.Entry<String, Object> e : result.entrySet()) {
            if (e.getValue() instanceof List<?> rows && !rows.isEmpty() && rows.getFirst() instanceof Map<?, ?> first) {
                b.append("\n").append(e.getKey()).append(":\n\n|");
                first.keySet().forEach(k -> b.append(' ').append(k).append(" |"));
                b.append("\n|");
                first.keySet().forEach(k -> b.append("---|"));
                b.append('\n');
                for (Object row : rows) {
                    b.append('|');
                    ((Map<?, ?>) row).values().forEach(v -> b.append(' ').append(cell(v)).append(" |"));
                    b.append('\n');
                }
            }
        }
        return b.toString();
    }

    private static String cell(Object v) {
        if (v instanceof Double d) {
            return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.2f", d);
        }
        if (v instanceof Long || v instanceof Integer) return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
        return String.valueOf(v).replace("|", "\\|");
    }
}
