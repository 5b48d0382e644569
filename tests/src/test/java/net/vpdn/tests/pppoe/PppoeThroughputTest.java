package net.vpdn.tests.pppoe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import net.vpdn.config.VpdnConfig;
import net.vpdn.lac.access.emulator.Icmp;
import net.vpdn.lac.access.pppoe.io.PppoeAccessServer;
import net.vpdn.lac.process.AccessOptions;
import net.vpdn.lac.process.LacProcess;
import net.vpdn.lns.process.LnsOptions;
import net.vpdn.lns.process.LnsProcess;
import net.vpdn.ppp.ipcp.IpcpNegotiated;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.tests.peers.FreePort;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole PPPoE path on one machine: a test PPPoE subscriber ({@link PppoeTestClient}) on one end of
 * a veth pair in a namespace the test creates, our LAC's raw sockets on the other end, L2TP over
 * loopback to our LNS, whose in-process IP plane answers the subscriber's echo requests, or whose TUN
 * uplink (in a third namespace, which routes) carries them to a host in a fourth. Checks the call end
 * to end and prints the echo throughput (1428-octet IPv4 packets, a window of 32 in flight).
 */
@DisplayName("PPPoE subscriber -> our LAC -> L2TP -> our LNS on a veth pair: call, echo throughput, hang-up")
class PppoeThroughputTest {
    static final String USER = "alice@example.com";
    static final String PASSWORD = "alice-veth-password";
    static final int PACKETS = 20_000;
    static final int WINDOW = 32;
    static final int PAYLOAD = 1400;

    @TempDir
    Path tmp;

    @Test
    @DisplayName("IPCP up through the tunnel, 20,000 echoes answered by the LNS, then a bare PADT clears the call on both sides (CDN)")
    void echoThroughput() throws Exception {
        assumeRoot();
        String ns = "vpdn-pppoe-bw-" + ProcessHandle.current().pid();
        try {
            access(ns);
            run(ns, lnsYaml(FreePort.udp(), ""), "10.99.0.1", false);
        } finally {
            sh("ip", "netns", "del", ns);
        }
    }

    @Test
    @DisplayName("through the LNS's TUN uplink: echoes answered by a host in another namespace behind it")
    void throughTunUplink() throws Exception {
        assumeRoot();
        long pid = ProcessHandle.current().pid();
        String ns = "vpdn-pppoe-bw-" + pid;
        String up = "vpdn-up-" + pid;
        String host = "vpdn-host-" + pid;
        try {
            access(ns);
            for (String n : List.of(up, host)) {
                sh("ip", "netns", "del", n);
                must("ip", "netns", "add", n);
            }
            must("ip", "-n", up, "link", "add", "vup0", "type", "veth", "peer", "name", "vup1", "netns", host);
            must("ip", "-n", up, "addr", "add", "10.200.0.1/24", "dev", "vup0");
            must("ip", "-n", up, "link", "set", "vup0", "up");
            must("ip", "-n", host, "addr", "add", "10.200.0.2/24", "dev", "vup1");
            must("ip", "-n", host, "link", "set", "vup1", "up");
            must("ip", "-n", host, "route", "add", "10.99.0.0/24", "via", "10.200.0.1");
            must("ip", "netns", "exec", up, "sysctl", "-qw", "net.ipv4.ip_forward=1");
            String tun = """
                    tun-uplink: {enabled: true, name: vpdn0, netns: %s, apply-routes: true}
                    """.formatted(up);
            run(ns, lnsYaml(FreePort.udp(), tun), "10.200.0.2", true);
        } finally {
            for (String n : List.of(ns, up, host)) sh("ip", "netns", "del", n);
        }
    }

    private static void access(String ns) throws Exception {
        sh("ip", "netns", "del", ns);
        must("ip", "netns", "add", ns);
        must("ip", "-n", ns, "link", "add", "vbw0", "type", "veth", "peer", "name", "vbw1");
        must("ip", "-n", ns, "link", "set", "vbw0", "up");
        must("ip", "-n", ns, "link", "set", "vbw1", "up");
    }

    /**
     * LNS and LAC up, the subscriber dials, echoes {@code target}, hangs up (LCP Terminate then PADT, or a bare
     * PADT, the carrier loss of a CPE); both sides clear.
     */
    private void run(String ns, String lnsYaml, String target, boolean lcpFirst) throws Exception {
        int port = Integer.parseInt(lnsYaml.lines().filter(l -> l.contains("listen-port")).findFirst().orElseThrow()
                .replaceAll(".*listen-port: (\\d+).*", "$1"));
        try (LnsProcess lns = LnsProcess.start(load(lnsYaml, "lns.yaml"), LnsOptions.DEFAULTS);
             LacProcess lac = LacProcess.start(load(lacYaml(port, ns), "lac.yaml"), AccessOptions.none());
             PppoeTestClient client = new PppoeTestClient(ns, "vbw1", USER, PASSWORD)) {
            client.dial("", Duration.ofSeconds(5));
            assertThat(client.runUntil(() -> client.ipv4().isPresent(), Duration.ofSeconds(20))).as("IPCP up").isTrue();
            IpcpNegotiated a = client.ipv4().orElseThrow();
            assertThat(a.peerAddress().toString()).isEqualTo("10.99.0.1");
            measure(client, a, Ipv4Address.of(target));
            if (lcpFirst) {
                client.hangUp();
                assertThat(client.runUntil(client::linkDown, Duration.ofSeconds(10))).as("LCP terminated").isTrue();
            }
            client.padt();
            PppoeAccessServer server = lac.pppoeServers().getFirst();
            org.awaitility.Awaitility.await("calls cleared").atMost(Duration.ofSeconds(10)).until(() ->
                    lac.calls().isEmpty() && lac.onLoop(server::sessions) == 0 && lns.counters().calls() == 0
                            && lns.counters().poolInUse() == 0);
            assertThat(lac.counters().callsConnected()).isEqualTo(1);
            if (!lcpFirst) {
                assertThat(lac.counters().callsClearedBySubscriber()).as("the PADT cleared the call, with CDN to the LNS").isEqualTo(1);
            }
            String scrape = lac.scrapeMetrics();
            assertThat(scrape).containsPattern("vpdn_lac_pppoe_frames_total\\{direction=\"in\",interface=\"vbw0\"\\} [1-9]")
                    .contains("vpdn_lac_pppoe_frames_dropped_total{interface=\"vbw0\",reason=\"wrong_cookie\"} 0.0");
        }
    }

    private static void measure(PppoeTestClient client, IpcpNegotiated a, Ipv4Address target) {
        int[] answered = {0};
        client.onIpv4(p -> Icmp.parse(p).filter(e -> e.type() == Icmp.ECHO_REPLY && e.identifier() == 77)
                .ifPresent(e -> answered[0]++));
        int sent = 0;
        long t0 = System.nanoTime();
        while (answered[0] < PACKETS) {
            while (sent < PACKETS && sent - answered[0] < WINDOW) {
                client.sendIpv4(Icmp.echoRequest(a.localAddress(), target, 77, sent & 0xFFFF, PAYLOAD));
                sent++;
            }
            int before = answered[0];
            boolean moved = client.runUntil(() -> answered[0] > before, Duration.ofSeconds(5));
            if (!moved) break;
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        int bytes = 20 + 8 + PAYLOAD;
        System.out.printf("[pppoe-throughput] to %s: %d/%d echoes of %d octets in %.2f s: %.0f packets/s each way, %.1f Mbit/s each way%n",
                target, answered[0], PACKETS, bytes, secs, answered[0] / secs, answered[0] * bytes * 8 / secs / 1e6);
        assertThat(answered[0]).as("echo replies (a lost one stalls the window for 5 s)").isEqualTo(PACKETS);
    }

    static String lnsYaml(int port, String extra) {
        return """
                role: lns
                hostname: lns1
                l2tp: {listen-address: 127.0.0.1, listen-port: %d}
                vpdn-groups:
                  - name: from-lac1
                    accept-dialin: {virtual-template: "1"}
                    terminate-from: [lac1]
                    tunnel-secret: "veth-tunnel-secret"
                virtual-templates:
                  - {name: "1", local-address: 10.99.0.1, peer-pool: lns-pool, auth-protocols: [chap, pap]}
                ip-pools:
                  - {name: lns-pool, first: 10.99.0.10, last: 10.99.0.20}
                local-users:
                  - {name: "%s", password: "%s"}
                aaa: {authentication: [local], accounting: []}
                admin: {enabled: false}
                metrics: {enabled: false}
                """.formatted(port, USER, PASSWORD) + extra;
    }

    static String lacYaml(int lnsPort, String ns) {
        return """
                role: lac
                hostname: lac1
                l2tp: {listen-address: 127.0.0.1, listen-port: 0}
                vpdn-groups:
                  - name: example-com
                    request-dialin: {domains: [example.com]}
                    initiate-to:
                      - {address: 127.0.0.1, port: %d}
                    tunnel-secret: "veth-tunnel-secret"
                pppoe-interfaces:
                  - {name: vbw0, netns: %s, cookie-secret: "veth-cookie-secret-0123456789"}
                admin: {enabled: false}
                metrics: {enabled: false}
                """.formatted(lnsPort, ns);
    }

    private VpdnConfig load(String yaml, String name) throws IOException {
        ConfigResult r = ConfigLoader.load(Files.writeString(tmp.resolve(name), yaml), Map.of(), List.of());
        assertThat(r).as(r.toString()).isInstanceOf(ConfigResult.Loaded.class);
        return ((ConfigResult.Loaded) r).config();
    }

    static void assumeRoot() {
        Assumptions.assumeTrue(ProcessHandle.current().info().user().map("root"::equals).orElse(false),
                "needs root for a network namespace and raw sockets");
    }

    static void must(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + ": " + out);
    }

    static void sh(String... cmd) throws IOException, InterruptedException {
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor(30, TimeUnit.SECONDS);
    }
}
