package net.vpdn.admin.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligned plain-text columns: each column as wide as its widest cell, capped; longer cells are cut
 * and end in {@code ~}. Cells are sanitised because peer host names and user names come off the wire
 * and must not drive the operator's terminal (escape sequences).
 */
final class TextTable {

    /** One column: header, widest allowed cell, and whether numbers align right. */
    record Column(String header, int maxWidth, boolean right) {
        static Column left(String header, int maxWidth) {
            return new Column(header, maxWidth, false);
        }

        static Column right(String header) {
            return new Column(header, 20, true);
        }
    }

    private static final String GAP = "  ";
    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Adds a row; null or empty cells print as {@code -}. */
    TextTable row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + columns.size() + " columns");
        }
        List<String> row = new ArrayList<>(cells.length);
        for (int i = 0; i < cells.length; i++) {
            row.add(fit(cells[i], columns.get(i).maxWidth()));
        }
        rows.add(row);
        return this;
    }

    /** The header line and one line per row, each ending in a newline, no trailing spaces. */
    String render() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).header().length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, columns.stream().map(Column::header).toList(), widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(i == 0 ? "" : GAP);
            line.append(columns.get(i).right() ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Cuts a cell to the column's width, marking the cut with {@code ~}. */
    static String fit(Object value, int max) {
        String s = value == null ? "" : sanitise(value.toString());
        if (s.isEmpty()) {
            return "-";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "~";
    }

    private static String sanitise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? "?" : Character.toString(c)));
        return b.toString();
    }
}
