package net.vpdn.benchmarks.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The configuration files and emulator arguments of a scenario: one LNS that accepts any LAC, and one LAC
 * with {@code tunnels} vpdn-groups (domain {@code bK.bench}, local name {@code bench-lacK}), so N
 * subscribers spread over exactly that many tunnels (the pool keys tunnels by LNS and local name).
 * Subscriber {@code i} (0-based) is {@code u(i+1)@b(i mod T).bench}, as the emulator's cycled
 * {@code --user-format} entries name it; the LNS knows each one as a local user.
 */
final class BenchConfigs {
    static final String PASSWORD = "bench-user-password";
    static final String TUNNEL_SECRET = "bench-tunnel-secret";

    private BenchConfigs() {
    }

    static String user(int i, int tunnels) {
        return "u" + (i + 1) + "@b" + (i % tunnels) + ".bench";
    }

    /** The LNS: one group for every LAC, local AAA with every subscriber, a pool as large as the run. */
    static String lns(ScenarioOptions o) {
        return lns(o, "aaa: {authentication: [local], accounting: []}\n", true);
    }

    /** The LNS authenticating and accounting through the RADIUS server on these loopback ports; no local users. */
    static String lnsWithRadius(ScenarioOptions o, int authPort, int acctPort) {
        return lns(o, """
                radius-servers:
                  - {name: bench-radius, address: 127.0.0.1, auth-port: %d, acct-port: %d, secret: "%s", timeout: 3s, retries: 2}
                aaa: {authentication: [radius], accounting: [radius]}
                """.formatted(authPort, acctPort, BenchRadius.SECRET), false);
    }

    private static String lns(ScenarioOptions o, String aaa, boolean localUsers) {
        StringBuilder y = new StringBuilder(64 * o.sessions() + 1024);
        y.append("""
                role: lns
                hostname: bench-lns
                l2tp: {listen-address: 127.0.0.1, listen-port: 0, hello-interval: %s, receive-window: %d, max-calls-in-setup: %d}
                vpdn-groups:
                  - name: bench
                    accept-dialin: {virtual-template: "1"}
                    tunnel-secret: "%s"
                    lcp-renegotiation: on-mismatch
                virtual-templates:
                  - {name: "1", local-address: 10.63.255.254, peer-pool: bench, auth-protocols: [chap, pap], keepalive-interval: %s, keepalive-retries: 5}
                ip-pools:
                  - {name: bench, first: 10.64.0.1, last: %s}
                admin: {address: 127.0.0.1, port: 0}
                metrics: {address: 127.0.0.1, port: 0}
                """.formatted(seconds(o.helloSeconds()), o.window(), o.maxInSetup(), TUNNEL_SECRET, seconds(o.keepaliveSeconds()),
                poolLast(o.scenario().equals("storm") ? 2 * o.sessions() : o.sessions())));
        y.append(aaa);
        if (!localUsers) return y.toString();
        y.append("local-users:\n");
        for (int i = 0; i < o.sessions(); i++) {
            y.append("  - {name: \"").append(user(i, o.tunnels())).append("\", password: ").append(PASSWORD).append("}\n");
        }
        return y.toString();
    }

    /** The LAC: one request-dialin group per tunnel, all to the one LNS. */
    static String lac(ScenarioOptions o, int lnsPort) {
        StringBuilder y = new StringBuilder(256 * o.tunnels() + 512);
        y.append("""
                role: lac
                hostname: bench-lac
                l2tp: {listen-address: 127.0.0.1, listen-port: 0, hello-interval: %s, receive-window: %d, call-setup-timeout: %s}
                admin: {address: 127.0.0.1, port: 0}
                metrics: {address: 127.0.0.1, port: 0}
                vpdn-groups:
                """.formatted(seconds(o.helloSeconds()), o.window(), seconds(o.setupTimeout())));
        for (int t = 0; t < o.tunnels(); t++) {
            y.append("  - name: b").append(t).append('\n')
                    .append("    request-dialin: {domains: [b").append(t).append(".bench]}\n")
                    .append("    initiate-to: [{address: 127.0.0.1, port: ").append(lnsPort).append("}]\n")
                    .append("    tunnel-secret: \"").append(TUNNEL_SECRET).append("\"\n")
                    .append("    local-name: bench-lac").append(t).append('\n');
        }
        return y.toString();
    }

    /** The emulator: every subscriber once, at the rate, held, with the given pings; a report file; the warm-up. */
    static List<String> emulator(ScenarioOptions o, String reportFile) {
        List<String> a = new ArrayList<>(emulator(o, reportFile, o.emulatorHoldSeconds()));
        if (o.warmup() > 0) a.addAll(List.of("--warmup", Integer.toString(o.warmup())));
        return a;
    }

    /** The emulator, every call held {@code holdSeconds}. */
    static List<String> emulator(ScenarioOptions o, String reportFile, int holdSeconds) {
        List<String> a = new ArrayList<>();
        for (int t = 0; t < o.tunnels(); t++) a.addAll(List.of("--user-format", "u%d@b" + t + ".bench"));
        a.addAll(List.of("--subscribers", Integer.toString(o.sessions()), "--password", PASSWORD, "--auth", o.auth(),
                "--rate", Double.toString(o.rate()), "--hold", holdSeconds + "s",
                "--pings", Integer.toString(o.pings()), "--ping-timeout", "30s", "--once", "--report", reportFile));
        return a;
    }

    /** The last address of a pool of at least {@code n} addresses starting at 10.64.0.1 (some spare). */
    static String poolLast(int n) {
        long last = (10L << 24 | 64L << 16) + n + 16 + n / 64;
        return (last >>> 24) + "." + ((last >>> 16) & 255) + "." + ((last >>> 8) & 255) + "." + (last & 255);
    }

    private static String seconds(int s) {
        return s + "s";
    }
}
