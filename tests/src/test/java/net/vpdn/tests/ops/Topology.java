package net.vpdn.tests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.vpdn.aaa.radius.FreeRadiusServer;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import net.vpdn.config.VpdnConfig;
import net.vpdn.lac.process.AccessOptions;
import net.vpdn.lac.process.LacProcess;
import net.vpdn.lns.process.LnsProcess;

/**
 * The operations topology on loopback: one LNS and the LACs tunnelling to it, each process with its
 * metrics listener on 127.0.0.1 and a free port, as the compose file runs them. Subscribers are the
 * LAC's emulated ones, {@code user<i>@example.com} with password {@link #PASSWORD}; the LNS checks
 * them locally, or against a real FreeRADIUS when one is given. Control retransmissions start at
 * 250 ms so injected loss costs little time.
 */
final class Topology implements AutoCloseable {
    static final String TUNNEL_SECRET = "ops-tunnel-secret";
    static final String RADIUS_SECRET = "ops-radius-secret";
    static final String PASSWORD = "ops-pw";
    /** The LNS's RADIUS server name: the {@code server} label of the RADIUS metrics. */
    static final String RADIUS_NAME = "radius1";
    static final int MAX_USERS = 40;

    private final Path dir;
    final LnsProcess lns;
    private final List<LacProcess> lacs = new ArrayList<>();

    private Topology(Path dir, LnsProcess lns) {
        this.dir = dir;
        this.lns = lns;
    }

    /** Starts the LNS; with {@code radius} it authenticates and accounts there, else with local users. */
    static Topology start(Path dir, FreeRadiusServer radius) throws Exception {
        return new Topology(dir, LnsProcess.start(load(dir.resolve("lns.yaml"), lnsYaml(radius))));
    }

    /** The FreeRADIUS users file entries of every subscriber the LACs may dial. */
    static String radiusUsers() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= MAX_USERS; i++) {
            b.append("user").append(i).append("@example.com\tCleartext-Password := \"").append(PASSWORD).append("\"\n")
                    .append("\tService-Type = Framed-User,\n\tFramed-Protocol = PPP\n");
        }
        return b.toString();
    }

    static String lnsYaml(FreeRadiusServer radius) {
        StringBuilder users = new StringBuilder();
        for (int i = 1; i <= MAX_USERS; i++) {
            users.append("  - {name: user").append(i).append("@example.com, password: \"").append(PASSWORD).append("\"}\n");
        }
        String aaa = radius == null ? "local-users:\n" + users + "aaa: {authentication: [local], accounting: []}\n" : """
                radius-servers:
                  - {name: %s, address: 127.0.0.1, auth-port: %d, acct-port: %d, secret: "%s", timeout: 2s, retries: 1}
                aaa: {authentication: [radius], accounting: [radius]}
                """.formatted(RADIUS_NAME, radius.authPort, radius.acctPort, RADIUS_SECRET);
        return """
                role: lns
                hostname: lns1
                l2tp: {listen-address: 127.0.0.1, listen-port: 0, hello-interval: 60s, retransmit-initial: 250ms}
                vpdn-groups:
                  - name: from-lacs
                    accept-dialin: {virtual-template: "1"}
                    terminate-from: [lac1, lac2]
                    tunnel-secret: "%s"
                virtual-templates:
                  - {name: "1", local-address: 10.99.0.1, peer-pool: lns-pool, auth-protocols: [chap]}
                ip-pools:
                  - {name: lns-pool, first: 10.99.0.10, last: 10.99.0.250}
                %sadmin: {enabled: false}
                metrics: {address: 127.0.0.1, port: 0}
                """.formatted(TUNNEL_SECRET, aaa);
    }

    /**
     * Starts a LAC named {@code hostname} that tunnels to {@code lnsAt} (the LNS, or a relay in front
     * of it) and dials subscribers {@code first}..{@code first + n - 1}, holding each call up.
     */
    LacProcess lac(String hostname, InetSocketAddress lnsAt, int first, int n) throws Exception {
        VpdnConfig config = load(dir.resolve(hostname + ".yaml"), lacYaml(hostname, lnsAt.getPort()));
        AccessOptions.Parsed access = AccessOptions.parse(emulator(first, n));
        assertThat(access).as(access.toString()).isInstanceOf(AccessOptions.Parsed.Ok.class);
        LacProcess lac = LacProcess.start(config, ((AccessOptions.Parsed.Ok) access).options());
        lacs.add(lac);
        return lac;
    }

    /** The LAC named {@code hostname}, tunnelling to 127.0.0.1:{@code lnsPort}. */
    static String lacYaml(String hostname, int lnsPort) {
        return """
                role: lac
                hostname: %s
                l2tp: {listen-address: 127.0.0.1, listen-port: 0, hello-interval: 60s, retransmit-initial: 250ms}
                vpdn-groups:
                  - name: example-com
                    request-dialin: {domains: [example.com]}
                    initiate-to:
                      - {address: 127.0.0.1, port: %d}
                    tunnel-secret: "%s"
                admin: {enabled: false}
                metrics: {address: 127.0.0.1, port: 0}
                """.formatted(hostname, lnsPort, TUNNEL_SECRET);
    }

    /** The emulator options that dial subscribers {@code first}..{@code first + n - 1} and hold their calls. */
    static List<String> emulator(int first, int n) {
        assertThat(first + n - 1).isLessThanOrEqualTo(MAX_USERS);
        List<String> users = new ArrayList<>(List.of("--subscribers", String.valueOf(n), "--rate", "50/s",
                "--pings", "2", "--hold", "1h"));
        for (int i = first; i < first + n; i++) users.addAll(List.of("--user", "user" + i + "@example.com:" + PASSWORD));
        return users;
    }

    private static VpdnConfig load(Path file, String yaml) throws Exception {
        Files.writeString(file, yaml);
        ConfigResult r = ConfigLoader.load(file, Map.of(), List.of());
        assertThat(r).as(r.toString()).isInstanceOf(ConfigResult.Loaded.class);
        return ((ConfigResult.Loaded) r).config();
    }

    InetSocketAddress lnsMetrics() {
        return lns.metricsAddress().orElseThrow();
    }

    @Override
    public void close() {
        lacs.forEach(LacProcess::close);
        lns.close();
    }
}
