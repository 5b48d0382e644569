package net.vpdn.admin.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.vpdn.admin.ReloadReport;
import net.vpdn.admin.SessionView;
import net.vpdn.admin.TunnelView;
import net.vpdn.admin.cli.TextTable.Column;

/**
 * Cisco-like text for the ctl commands, in the spirit of IOS {@code show l2tp tunnel} and
 * {@code show vpdn session}: a column header, aligned rows sorted by local id, and a summary line.
 * Pure: the same views always give the same text.
 */
public final class Tables {

    private Tables() {}

    /** The {@code show tunnels} text; like IOS, an empty list is one line, not a bare header. */
    public static String tunnels(List<TunnelView> tunnels) {
        if (tunnels.isEmpty()) {
            return "%No active L2TP tunnels\n";
        }
        TextTable t = new TextTable(List.of(
                Column.left("LocTunID", 5), Column.left("RemTunID", 5), Column.left("Remote Name", 16),
                Column.left("State", 14), Column.left("Remote Address", 39), Column.right("Port"),
                Column.right("Sessions"), Column.left("Uptime", 10), Column.left("VPDN Group", 16)));
        tunnels.stream().sorted(Comparator.comparingInt(TunnelView::localId)).forEach(v -> t.row(
                v.localId(), v.remoteId(), v.peerHostName(), v.state(), v.peerAddress(), v.peerPort(),
                v.sessions(), uptime(v.uptimeSeconds()), v.groupName()));
        int sessions = tunnels.stream().mapToInt(TunnelView::sessions).sum();
        return t.render() + summary(tunnels.size(), sessions);
    }

    /**
     * The {@code show sessions} text. On the LNS the interface is the virtual-access interface and the
     * peer address is shown; on the LAC the interface is the access line and the calling number is shown.
     */
    public static String sessions(String role, List<SessionView> sessions) {
        if (sessions.isEmpty()) {
            return "%No active L2TP sessions\n";
        }
        boolean lac = "lac".equalsIgnoreCase(role);
        TextTable t = new TextTable(List.of(
                Column.left("LocID", 5), Column.left("RemID", 5), Column.left("TunID", 5),
                Column.left("Username", 24), Column.left(lac ? "Access Line" : "Interface", lac ? 24 : 18),
                Column.left(lac ? "Calling" : "Address", lac ? 20 : 39), Column.left("State", 14),
                Column.left("Uptime", 10), Column.right("Pkts In"), Column.right("Pkts Out"),
                Column.right("Bytes In"), Column.right("Bytes Out")));
        sessions.stream().sorted(Comparator.comparingInt(SessionView::localId)).forEach(v -> t.row(
                v.localId(), v.remoteId(), v.tunnelLocalId(), v.user(), v.interfaceName(),
                lac ? v.calling() : v.address(), v.state(), uptime(v.uptimeSeconds()),
                v.packetsIn(), v.packetsOut(), v.octetsIn(), v.octetsOut()));
        long tunnels = sessions.stream().mapToInt(SessionView::tunnelLocalId).distinct().count();
        return t.render() + summary(tunnels, sessions.size());
    }

    /**
     * The {@code show summary} text, in the spirit of IOS {@code show vpdn}'s totals: the process's role, the
     * tunnel and session totals, then how many are in each state (states sorted by name).
     */
    public static String summary(String role, List<TunnelView> tunnels, List<SessionView> sessions) {
        return "L2TP " + TextTable.fit(role, 8) + ": " + summary(tunnels.size(), sessions.size())
                + "  tunnels by state:  " + byState(tunnels.stream().map(TunnelView::state).toList()) + "\n"
                + "  sessions by state: " + byState(sessions.stream().map(SessionView::state).toList()) + "\n";
    }

    private static String byState(List<String> states) {
        if (states.isEmpty()) {
            return "-";
        }
        Map<String, Long> counts = new TreeMap<>(states.stream()
                .collect(Collectors.groupingBy(s -> TextTable.fit(s, 24), Collectors.counting())));
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The {@code reload} text: one count line, then one line per key. */
    public static String reload(ReloadReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Reload: ").append(count(report.applied().size(), "change", "changes")).append(" applied, ")
                .append(report.restartRequired().size()).append(" need a restart, ")
                .append(count(report.errors().size(), "error", "errors"))
                .append(report.failed() ? " (nothing applied)" : "").append('\n');
        report.applied().forEach(k -> out.append("  applied           ").append(TextTable.fit(k, 200)).append('\n'));
        report.restartRequired().forEach(k -> out.append("  restart required  ").append(TextTable.fit(k, 200)).append('\n'));
        report.errors().forEach(k -> out.append("  error             ").append(TextTable.fit(k, 200)).append('\n'));
        return out.toString();
    }

    /** Cisco's uptime style: {@code hh:mm:ss} under a day, {@code 2d03h} under a week, {@code 5w2d} beyond. */
    public static String uptime(long seconds) {
        long days = seconds / 86_400;
        if (days == 0) {
            return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        if (days < 7) {
            return String.format("%dd%02dh", days, seconds / 3600 % 24);
        }
        return String.format("%dw%dd", days / 7, days % 7);
    }

    private static String summary(long tunnels, long sessions) {
        return count(tunnels, "tunnel", "tunnels") + ", " + count(sessions, "session", "sessions") + "\n";
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
