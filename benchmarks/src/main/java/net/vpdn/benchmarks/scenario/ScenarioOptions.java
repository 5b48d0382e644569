package net.vpdn.benchmarks.scenario;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A scenario's parameters from its command line ({@code --name value}); every one has a default that
 * suits the scenario.
 *
 * @param scenario         {@code ramp} or {@code setup-rate}
 * @param sessions         subscribers dialled (N)
 * @param tunnels          tunnels they spread over (T)
 * @param rate             dials per second the emulator attempts
 * @param holdSeconds      how long every session is meant to stay up together after the ramp (H)
 * @param pings            ICMP echoes each subscriber sends through the LNS once up
 * @param helloSeconds     L2TP HELLO interval on both sides
 * @param keepaliveSeconds LNS LCP echo interval (0 = off)
 * @param window           L2TP receive window on both sides
 * @param auth             emulator authentication list ({@code chap}, {@code pap}, {@code chap,pap})
 * @param lnsHeap          the LNS JVM's -Xmx
 * @param lacHeap          the LAC JVM's -Xmx
 * @param out              the directory for configs, logs and results
 * @param jfr              record a JFR profile of both processes (lns.jfr, lac.jfr in {@code out})
 * @param setupTimeout     the LAC's l2tp.call-setup-timeout in seconds (a call slower than this is cleared)
 * @param maxInSetup       the LNS's l2tp.max-calls-in-setup (admission control)
 * @param inFlight         xl2tpd-compare: calls the L2TP-only load keeps unanswered at once
 * @param warmup           calls the emulator dials and hangs up first, unmeasured (0 = none: cold JVMs)
 * @param against          xl2tpd-compare: which LNS to load, {@code both} (xl2tpd, then ours), {@code vpdn} or
 *                         {@code xl2tpd}
 */
record ScenarioOptions(String scenario, int sessions, int tunnels, double rate, int holdSeconds, int pings,
                       int helloSeconds, int keepaliveSeconds, int window, String auth, String lnsHeap,
                       String lacHeap, Path out, boolean jfr, int setupTimeout, int maxInSetup, int inFlight,
                       int warmup, String against) {
    static final List<String> SCENARIOS = List.of("ramp", "setup-rate", "xl2tpd-compare", "storm", "radius");

    static final String USAGE = """
            usage: ./vpdn bench SCENARIO [--sessions N] [--tunnels T] [--rate R] [--hold SECONDS] [--pings N]
                                         [--hello SECONDS] [--keepalive SECONDS] [--window W] [--auth chap|pap|chap,pap]
                                         [--lns-heap 2g] [--lac-heap 6g] [--out DIR] [--jfr on]
                                         [--setup-timeout SECONDS] [--max-in-setup N] [--in-flight N]
                                         [--warmup N] [--against both|vpdn|xl2tpd]
              ramp        N sessions over T tunnels at R dials/s, all held H seconds with HELLO and LCP echo running
                          (defaults: 2000 sessions, 20 tunnels, 1000/s, hold 30 s, keepalive 10 s, hello 10 s)
              setup-rate  N sessions dialled as fast as the emulator can (rate 1000000/s), hold 5 s, no keepalive,
                          the LAC's call setup timeout 120 s: how fast the pair works off a queue of N calls
              xl2tpd-compare  L2TP only (SCCRQ..ICCN, no PPP): T tunnels then N calls, at most --in-flight (200)
                          unanswered, from an in-process L2TP-only LAC against xl2tpd as LNS, then against our LNS;
                          setups/s of both and their ratio (defaults: 2000 sessions, 10 tunnels); --against vpdn
                          or xl2tpd loads only that one
              radius      as ramp, but the LNS authenticates (and accounts) through a FreeRADIUS 3 it starts on
                          loopback with a users file of the N subscribers, instead of local users
              storm       N up through one LAC process, which is then killed (SIGKILL); a new LAC redials all N at
                          once: time until all are back, setups/s, the LNS clean afterwards (defaults: 10000
                          sessions, 50 tunnels, hello 5 s, no keepalive, the second LAC holds 60 s)
            --warmup N (ramp, setup-rate, radius) first dials N calls that hang up at IPCP, then measures: warmed JVMs.
            --jfr on records a JFR profile of both processes (DIR/lns.jfr, DIR/lac.jfr).
            Writes result.json and result.md (and the configs, logs, histograms) to DIR
            (default benchmarks/target/scenarios/SCENARIO-TIME).
            """;

    /** Whole seconds the emulator holds each call: H plus a pessimistic estimate of the ramp itself. */
    int emulatorHoldSeconds() {
        double pessimistic = Math.min(rate, 1000);
        return holdSeconds + (int) Math.ceil(sessions / pessimistic) + 15;
    }

    static ScenarioOptions parse(List<String> args) {
        if (args.isEmpty() || !SCENARIOS.contains(args.getFirst())) {
            throw new IllegalArgumentException("name a scenario: " + SCENARIOS);
        }
        String s = args.getFirst();
        boolean storm = s.equals("storm");
        boolean rate = s.equals("setup-rate") || storm;
        boolean compare = s.equals("xl2tpd-compare");
        int sessions = storm ? 10_000 : 2000;
        int tunnels = compare ? 10 : storm ? 50 : 20;
        double r = rate ? 1_000_000 : 1000;
        int hold = storm ? 60 : rate ? 5 : 30;
        int pings = rate ? 0 : 1;
        int hello = storm ? 5 : 10; // storm: the killed LAC's tunnels are found dead by HELLO
        int keepalive = rate || compare ? 0 : 10;
        int window = 64;
        String auth = "chap";
        String lnsHeap = "2g";
        String lacHeap = "6g";
        Path out = null;
        boolean jfr = false;
        int setupTimeout = rate ? 120 : 30; // setup-rate queues every dial at once: none should time out
        int maxInSetup = compare ? -1 : 1000; // compare: as many as the run (its calls never finish PPP)
        int inFlight = 200;
        String against = "both";
        int warmup = 0;
        for (int i = 1; i < args.size(); i++) {
            String k = args.get(i);
            if (i + 1 >= args.size()) throw new IllegalArgumentException(k + " needs a value");
            String v = args.get(++i);
            switch (k) {
                case "--sessions" -> sessions = positive(k, v);
                case "--tunnels" -> tunnels = positive(k, v);
                case "--rate" -> r = Double.parseDouble(v.replace("/s", ""));
                case "--hold" -> hold = nonNegative(k, v);
                case "--pings" -> pings = nonNegative(k, v);
                case "--hello" -> hello = positive(k, v);
                case "--keepalive" -> keepalive = nonNegative(k, v);
                case "--window" -> window = positive(k, v);
                case "--auth" -> auth = v;
                case "--lns-heap" -> lnsHeap = v;
                case "--lac-heap" -> lacHeap = v;
                case "--out" -> out = Path.of(v);
                case "--jfr" -> jfr = v.equals("on");
                case "--setup-timeout" -> setupTimeout = positive(k, v);
                case "--max-in-setup" -> maxInSetup = positive(k, v);
                case "--in-flight" -> inFlight = positive(k, v);
                case "--warmup" -> warmup = nonNegative(k, v);
                case "--against" -> against = oneOf(k, v, List.of("both", "vpdn", "xl2tpd"));
                default -> throw new IllegalArgumentException("unknown option " + k);
            }
        }
        if (tunnels > sessions) throw new IllegalArgumentException("--tunnels " + tunnels + " > --sessions " + sessions);
        if (out == null) {
            out = Path.of("benchmarks", "target", "scenarios",
                    s + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
        }
        if (maxInSetup < 0) maxInSetup = sessions;
        return new ScenarioOptions(s, sessions, tunnels, r, hold, pings, hello, keepalive, window, auth, lnsHeap, lacHeap, out, jfr, setupTimeout,
                maxInSetup, inFlight, warmup, against);
    }

    private static int positive(String k, String v) {
        int n = Integer.parseInt(v);
        if (n <= 0) throw new IllegalArgumentException(k + " must be positive, got " + v);
        return n;
    }

    private static String oneOf(String k, String v, List<String> allowed) {
        if (!allowed.contains(v)) throw new IllegalArgumentException(k + " must be one of " + allowed + ", got " + v);
        return v;
    }

    private static int nonNegative(String k, String v) {
        int n = Integer.parseInt(v);
        if (n < 0) throw new IllegalArgumentException(k + " must be 0 or more, got " + v);
        return n;
    }
}
