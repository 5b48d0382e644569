package net.vpdn.tests.lablac;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.vpdn.config.ConfigLoader;
import net.vpdn.config.ConfigResult;
import net.vpdn.config.VpdnConfig;
import net.vpdn.lac.access.emulator.SubscriberReport;
import net.vpdn.lac.process.AccessOptions;
import net.vpdn.lac.process.GroupMapping;
import net.vpdn.lac.process.LacProcess;
import net.vpdn.lns.process.LnsProcess;
import net.vpdn.tests.peers.FreePort;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LNS failover of the LAC process: the group's first LNS (priority 1) is a black hole that never
 * answers, the second (priority 2) our LNS process. Calls must reach the second within the pool's
 * connect timeout (from the configured retransmission timers) plus a margin, and the dead LNS must
 * then be held down: a later call goes straight to the live one without a new SCCRQ to the dead.
 */
@DisplayName("LAC failover from a dead LNS to the next by priority")
class LacFailoverTest {
    static final String SECRET = "failover-secret";
    static final Duration MARGIN = Duration.ofSeconds(2);

    @TempDir
    Path tmp;

    @Test
    @DisplayName("the first call reaches IPCP through LNS 2 within connect-timeout + margin; the second skips the held-down LNS 1")
    void failsOverAndHoldsDown() throws Exception {
        try (BlackHole dead = new BlackHole(); LnsProcess live = LnsProcess.start(lnsConfig())) {
            VpdnConfig config = load("lac.yaml", lacYaml(dead.port(), live.l2tpAddress().getPort()));
            Duration connectTimeout = GroupMapping.poolConfig(config).connectTimeout();
            assertThat(connectTimeout).as("connect timeout from retransmit-initial 200ms x3").isEqualTo(Duration.ofMillis(1400));
            // The second subscriber dials 4 s after the first: after the failover, within the 60 s hold-down.
            AccessOptions access = access("--user", "alice@example.com:alicepass", "--user", "bob@example.com:bobpass",
                    "--rate", "0.25", "--pings", "2");
            List<SubscriberReport> reports;
            try (LacProcess lac = LacProcess.start(config, access)) {
                reports = lac.finished().get(30, TimeUnit.SECONDS);
                List<LacProcess.TunnelView> tunnels = lac.tunnels();
                System.out.println("tunnels: " + tunnels);
                assertThat(tunnels).as("one tunnel to the live LNS, shared by both calls")
                        .filteredOn(t -> t.peer().getPort() == live.l2tpAddress().getPort())
                        .singleElement().satisfies(t -> assertThat(t.peerName()).isEqualTo("lns2"));
                assertThat(tunnels).as("the dead LNS's tunnel, if still there, is only closing")
                        .filteredOn(t -> t.peer().getPort() == dead.port())
                        .allSatisfy(t -> assertThat(t.state()).isNotEqualTo("ESTABLISHED"));
                assertThat(lac.counters().callsConnected()).isEqualTo(2);
            }
            assertThat(reports).allSatisfy(r -> assertThat(r.succeeded()).as(r.toString()).isTrue());
            Duration first = setup(reports, "alice@example.com");
            Duration second = setup(reports, "bob@example.com");
            System.out.printf("failover: connect timeout %s, first call %s, second call %s, dead LNS got %d datagrams%n",
                    connectTimeout, first, second, dead.received());
            assertThat(first).as("first call waited for the dead LNS, then moved on")
                    .isGreaterThanOrEqualTo(connectTimeout).isLessThanOrEqualTo(connectTimeout.plus(MARGIN));
            assertThat(second).as("second call went straight to the live LNS").isLessThan(connectTimeout);
            assertThat(dead.distinctSccrqs()).as("SCCRQs (distinct, so one tunnel and its retransmissions)").isEqualTo(1);
        }
    }

    private static Duration setup(List<SubscriberReport> reports, String user) {
        return reports.stream().filter(r -> r.user().equals(user)).findFirst().orElseThrow().setupTime().orElseThrow();
    }

    private String lacYaml(int deadPort, int livePort) {
        return """
                role: lac
                hostname: lac1
                l2tp: {listen-address: 127.0.0.1, listen-port: 0, retransmit-initial: 200ms, retransmit-cap: 8s}
                vpdn-groups:
                  - name: example-com
                    request-dialin: {domains: [example.com]}
                    initiate-to:
                      - {address: 127.0.0.1, port: %d, priority: 1}
                      - {address: 127.0.0.1, port: %d, priority: 2}
                    tunnel-secret: "%s"
                admin: {enabled: false}
                metrics: {enabled: false}
                """.formatted(deadPort, livePort, SECRET);
    }

    private VpdnConfig lnsConfig() throws Exception {
        return load("lns.yaml", """
                role: lns
                hostname: lns2
                l2tp: {listen-address: 127.0.0.1, listen-port: %d}
                vpdn-groups:
                  - name: from-lac1
                    accept-dialin: {virtual-template: "1"}
                    terminate-from: [lac1]
                    tunnel-secret: "%s"
                virtual-templates:
                  - {name: "1", local-address: 10.99.0.1, peer-pool: p}
                ip-pools:
                  - {name: p, first: 10.99.0.10, last: 10.99.0.250}
                local-users:
                  - {name: alice@example.com, password: alicepass}
                  - {name: bob@example.com, password: bobpass}
                admin: {enabled: false}
                metrics: {enabled: false}
                """.formatted(FreePort.udp(), SECRET));
    }

    private VpdnConfig load(String name, String yaml) throws Exception {
        Path file = Files.writeString(tmp.resolve(name), yaml);
        ConfigResult r = ConfigLoader.load(file, Map.of(), List.of());
        assertThat(r).as(r.toString()).isInstanceOf(ConfigResult.Loaded.class);
        return ((ConfigResult.Loaded) r).config();
    }

    private static AccessOptions access(String... options) {
        AccessOptions.Parsed p = AccessOptions.parse(List.of(options));
        assertThat(p).as(p.toString()).isInstanceOf(AccessOptions.Parsed.Ok.class);
        return ((AccessOptions.Parsed.Ok) p).options();
    }

    /** A UDP port that takes everything and answers nothing: an LNS that is down without ICMP errors. */
    static final class BlackHole implements AutoCloseable {
        private final DatagramSocket socket;
        private final AtomicInteger received = new AtomicInteger();
        private final Set<String> sccrqs = ConcurrentHashMap.newKeySet();

        BlackHole() throws SocketException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread t = new Thread(this::drain, "black-hole-" + socket.getLocalPort());
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int received() {
            return received.get();
        }

        int distinctSccrqs() {
            return sccrqs.size();
        }

        private void drain() {
            byte[] buf = new byte[2048];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            while (!socket.isClosed()) {
                try {
                    socket.receive(p);
                } catch (java.io.IOException e) {
                    return;
                }
                received.incrementAndGet();
                byte[] d = Arrays.copyOf(p.getData(), p.getLength());
                if (isSccrq(d)) sccrqs.add(HexFormat.of().formatHex(d));
            }
        }

        /** Control message (T, L, S set: 12-octet header) whose first AVP is Message Type 1 (RFC 2661 4.4.1, 3.1). */
        private static boolean isSccrq(byte[] d) {
            return d.length >= 20 && (d[0] & 0xC8) == 0xC8 && d[16] == 0 && d[17] == 0 && d[18] == 0 && d[19] == 1;
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
