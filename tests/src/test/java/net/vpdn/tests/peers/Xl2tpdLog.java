package net.vpdn.tests.peers;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.vpdn.tests.peers.Xl2tpdEvent.CallClosedByPeer;
import net.vpdn.tests.peers.Xl2tpdEvent.CallClosedLocally;
import net.vpdn.tests.peers.Xl2tpdEvent.CallEstablished;
import net.vpdn.tests.peers.Xl2tpdEvent.Listening;
import net.vpdn.tests.peers.Xl2tpdEvent.PeerResultCode;
import net.vpdn.tests.peers.Xl2tpdEvent.PppdExited;
import net.vpdn.tests.peers.Xl2tpdEvent.PppdNoDevPpp;
import net.vpdn.tests.peers.Xl2tpdEvent.DuplicateReceived;
import net.vpdn.tests.peers.Xl2tpdEvent.ProtocolProblem;
import net.vpdn.tests.peers.Xl2tpdEvent.RetriesExceeded;
import net.vpdn.tests.peers.Xl2tpdEvent.Terminated;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelAuthFailed;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelClosedByPeer;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelClosedLocally;
import net.vpdn.tests.peers.Xl2tpdEvent.TunnelEstablished;

/**
 * Turns xl2tpd 1.3.18 log lines into {@link Xl2tpdEvent}s. Pure: one line in, at most one event out.
 * The patterns were taken from real runs on this host (see {@code tests/README.md}).
 */
public final class Xl2tpdLog {
    /**
     * The syslog-style prefix, after whatever an earlier message left unterminated on the same line
     * (xl2tpd prints "get_call: ... (ref=0/0)" without a newline, so the next message follows it).
     */
    private static final Pattern PREFIX = Pattern.compile("^.*?xl2tpd\\[\\d+\\]: ");
    private static final String A = "(\\S+?)";
    private static final String N = "(\\d+)";

    private record Rule(Pattern pattern, Function<Matcher, Xl2tpdEvent> make) { }

    private static final List<Rule> RULES = List.of(
            rule("^Listening on IP address " + A + ", port " + N + "$",
                    m -> new Listening(m.group(1), i(m, 2))),
            rule("^Connection established to " + A + ", " + N + "\\.  Local: " + N + ", Remote: " + N + " ",
                    m -> new TunnelEstablished(m.group(1), i(m, 2), i(m, 3), i(m, 4))),
            rule("^Call established with " + A + ", (?:PID: \\d+, )?Local: " + N + ", Remote: " + N
                            + ", Serial: (-?\\d+)", // xl2tpd prints the 32-bit serial as a signed int
                    m -> new CallEstablished(m.group(1), i(m, 2), i(m, 3), i(m, 4))),
            rule("^child_handler : pppd exited for call " + N + " with code " + N,
                    m -> new PppdExited(i(m, 1), i(m, 2))),
            rule("You need to create the /dev/ppp device node", m -> new PppdNoDevPpp()),
            rule("^call_close: Call " + N + " to " + A + " disconnected", m -> new CallClosedLocally(i(m, 1))),
            rule("^control_finish: Connection closed to " + A + ", serial (-?\\d+) \\((.*)\\)$",
                    m -> new CallClosedByPeer(i(m, 2), m.group(3))),
            rule("^control_finish: Connection closed to " + A + ", port " + N + " \\((.*)\\), Local: " + N
                            + ", Remote: " + N,
                    m -> new TunnelClosedByPeer(i(m, 2), m.group(3), i(m, 4), i(m, 5))),
            rule("^Connection " + N + " closed to " + A + ", port " + N + " \\((.*)\\)$",
                    m -> new TunnelClosedLocally(i(m, 1), i(m, 3), m.group(4))),
            rule("^result_code_avp: peer closing for reason " + N + " \\(.*\\), error = " + N + " \\((.*)\\)$",
                    m -> new PeerResultCode(i(m, 1), i(m, 2), m.group(3))),
            rule("^control_finish: Invalid authentication for host '(.*)'$", m -> new TunnelAuthFailed(m.group(1))),
            rule("^Maximum retries exceeded for tunnel " + N, m -> new RetriesExceeded(i(m, 1))),
            rule("^check_control: Received out of order control packet on tunnel " + N + " \\(got " + N
                    + ", expected " + N + "\\)", m -> new DuplicateReceived(i(m, 1), i(m, 2), i(m, 3))),
            rule("^death_handler: Fatal signal " + N + " received", m -> new Terminated(i(m, 1))),
            rule("(?i)(bad |invalid|illegal|unknown|unexpected|malformed|unable to|can ?not find|not ready"
                            + "|refus|denied|attempting to negotiate|don't know how)",
                    m -> new ProtocolProblem(m.group())));

    private Xl2tpdLog() {
    }

    /** The event a log line reports, if it is one the harness knows. */
    public static Optional<Xl2tpdEvent> parse(String line) {
        String body = PREFIX.matcher(line).replaceFirst("");
        if (body.startsWith("\"")) {
            return Optional.empty();   // one argument of the pppd command line, echoed by start_pppd
        }
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(body);
            if (m.find()) {
                Xl2tpdEvent e = r.make().apply(m);
                return Optional.of(e instanceof ProtocolProblem ? new ProtocolProblem(line) : e);
            }
        }
        return Optional.empty();
    }

    /** All events of a log, in order. */
    public static List<Xl2tpdEvent> parseAll(List<String> lines) {
        List<Xl2tpdEvent> out = new java.util.ArrayList<>();
        Xl2tpdEvent previous = null;
        for (String line : lines) {
            Optional<Xl2tpdEvent> e = parse(line);
            if (e.isEmpty()) continue;
            boolean duplicateAftermath = previous instanceof DuplicateReceived d && isBehind(d.got(), d.expected())
                    && e.get() instanceof ProtocolProblem && line.contains("handle_control: bad control packet!");
            if (!duplicateAftermath) out.add(e.get());
            previous = e.get();
        }
        return out;
    }

    /** Whether sequence number {@code got} is behind {@code expected} (16-bit, RFC 2661 §5.8). */
    static boolean isBehind(int got, int expected) {
        int d = (expected - got) & 0xFFFF;
        return d != 0 && d < 0x8000;
    }

    private static Rule rule(String regex, Function<Matcher, Xl2tpdEvent> make) {
        return new Rule(Pattern.compile(regex), make);
    }

    private static int i(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
