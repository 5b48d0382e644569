package net.vpdn.tests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import net.vpdn.aaa.radius.FreeRadiusServer;
import net.vpdn.lac.process.LacProcess;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LAC and LNS processes on loopback, each serving {@code /metrics}, scraped over HTTP and checked
 * against what the test made happen: sessions dialled, control datagrams lost, garbage sent.
 */
@DisplayName("End to end: the LAC's and the LNS's /metrics agree with what happened")
class MetricsEndToEndTest {
    static final Duration UP = Duration.ofSeconds(30);
    static final String ESTABLISHED = "vpdn_l2tp_sessions{state=\"established\"}";
    static final String SETUPS_OK = "vpdn_session_setups_total{result=\"success\"}";
    static final String RETRANSMISSIONS = "vpdn_l2tp_control_retransmissions_total";
    static final String DROPS = "vpdn_l2tp_packets_dropped_total";

    @TempDir
    Path dir;

    static void awaitUp(Topology t, LacProcess lac, int lacCalls, int lnsSessions) {
        // up = past IPCP at the LNS: the call has left admission (in setup) and is still there
        Scrape.await(() -> lac.counters().callsConnected() == lacCalls && t.lns.sessions().size() == lnsSessions
                        && t.lns.counters().inSetup() == 0, UP,
                lacCalls + " calls connected at the LAC and " + lnsSessions + " sessions up at the LNS");
    }

    @Test
    @DisplayName("with a real FreeRADIUS: the sessions gauges equal the sessions up, setups_total rises by the number "
            + "dialled, and RADIUS accepts are counted and timed per server")
    void sessionsSetupsAndRadius() throws Exception {
        FreeRadiusServer.assumeInstalled();
        try (FreeRadiusServer radius = FreeRadiusServer.start(Topology.RADIUS_SECRET, Topology.radiusUsers());
             Topology t = Topology.start(dir, radius)) {
            Scrape lns0 = Scrape.of(t.lnsMetrics());
            assertThat(lns0.get(ESTABLISHED)).isZero();

            LacProcess lac1 = t.lac("lac1", t.lns.l2tpAddress(), 1, 3);
            awaitUp(t, lac1, 3, 3);
            Scrape lns1 = Scrape.of(t.lnsMetrics());
            Scrape lac1s = Scrape.of(lac1.metricsAddress().orElseThrow());
            assertThat(lns1.get(ESTABLISHED)).isEqualTo(t.lns.sessions().size()).isEqualTo(3);
            assertThat(lns1.get(SETUPS_OK) - lns0.get(SETUPS_OK)).isEqualTo(3);
            assertThat(lac1s.get(ESTABLISHED)).isEqualTo(3);
            assertThat(lac1s.get(SETUPS_OK)).isEqualTo(3);
            assertThat(lac1s.get("vpdn_lac_calls")).isEqualTo(3);

            LacProcess lac2 = t.lac("lac2", t.lns.l2tpAddress(), 4, 2);
            awaitUp(t, lac2, 2, 5);
            Scrape lns2 = Scrape.of(t.lnsMetrics());
            assertThat(lns2.get(ESTABLISHED)).isEqualTo(t.lns.sessions().size()).isEqualTo(5);
            assertThat(lns2.get(SETUPS_OK) - lns1.get(SETUPS_OK)).as("rose by the 2 that lac2 dialled").isEqualTo(2);
            assertThat(lns2.get("vpdn_l2tp_tunnels{state=\"established\"}")).isEqualTo(2);
            assertThat(lns2.get("vpdn_tunnel_setups_total{result=\"success\"}")).isEqualTo(2);
            assertThat(lns2.get("vpdn_lns_virtual_access")).isEqualTo(5);
            assertThat(lns2.get("vpdn_pool_addresses{pool=\"lns-pool\",state=\"in_use\"}")).isEqualTo(5);
            assertThat(lns2.get("vpdn_session_setup_seconds_count")).isEqualTo(5);

            String access = "{outcome=\"accept\",server=\"" + Topology.RADIUS_NAME + "\",type=\"access\"}";
            assertThat(lns2.get("vpdn_radius_server_requests_total" + access)).isEqualTo(5);
            assertThat(lns2.get("vpdn_radius_server_requests_total"
                    + "{outcome=\"reject\",server=\"radius1\",type=\"access\"}")).isZero();
            assertThat(lns2.get("vpdn_radius_server_response_seconds_count{server=\"radius1\",type=\"access\"}")).isEqualTo(5);
            String acct = "vpdn_radius_server_requests_total{outcome=\"accept\",server=\"radius1\",type=\"accounting\"}";
            Scrape.await(() -> scrape(t.lnsMetrics()).get(acct) == 5, UP, "5 accounting Starts acknowledged");

            // pings went both ways through both processes
            for (Scrape s : new Scrape[] {lns2, Scrape.of(lac2.metricsAddress().orElseThrow())}) {
                assertThat(s.get("vpdn_l2tp_data_packets_total{direction=\"in\"}")).isPositive();
                assertThat(s.get("vpdn_l2tp_data_bytes_total{direction=\"out\"}")).isPositive();
            }
        }
    }

    @Test
    @DisplayName("every 3rd control datagram lost between LAC and LNS: retransmissions > 0, and every call still comes up once")
    void retransmissionsUnderLoss() throws Exception {
        try (Topology t = Topology.start(dir, null);
             LossyRelay relay = new LossyRelay(t.lns.l2tpAddress(), 3, 6)) {
            LacProcess lac = t.lac("lac1", relay.address(), 1, 4);
            awaitUp(t, lac, 4, 4);
            assertThat(relay.dropped()).isPositive();
            Scrape lacS = Scrape.of(lac.metricsAddress().orElseThrow());
            Scrape lnsS = Scrape.of(t.lnsMetrics());
            assertThat(lacS.get(RETRANSMISSIONS) + lnsS.get(RETRANSMISSIONS)).as("retransmissions, LAC + LNS").isPositive();
            assertThat(lacS.get(ESTABLISHED)).isEqualTo(4);
            assertThat(lnsS.get(ESTABLISHED)).isEqualTo(4);
            assertThat(lnsS.get(SETUPS_OK)).as("a retransmitted ICRQ is not a second setup").isEqualTo(4);
        }
    }

    @Test
    @DisplayName("garbage datagrams to either L2TP port raise that process's malformed drops by exactly what was sent, by reason")
    void malformedDrops() throws Exception {
        try (Topology t = Topology.start(dir, null)) {
            LacProcess lac = t.lac("lac1", t.lns.l2tpAddress(), 1, 1);
            awaitUp(t, lac, 1, 1);
            InetSocketAddress lacMetrics = lac.metricsAddress().orElseThrow();
            String truncated = "reason=\"truncated_header\"";
            String l2f = "reason=\"l2f_version\"";
            Scrape lns0 = Scrape.of(t.lnsMetrics());
            Scrape lac0 = Scrape.of(lacMetrics);
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                for (int i = 0; i < 5; i++) send(s, t.lns.l2tpAddress(), new byte[] {(byte) 0xc8});
                for (int i = 0; i < 2; i++) send(s, t.lns.l2tpAddress(), new byte[] {0x00, 0x01, 0, 0, 0, 0, 0, 0});
                for (int i = 0; i < 4; i++) send(s, lac.l2tpAddress(), new byte[] {0x02});
            }
            Scrape.await(() -> scrape(t.lnsMetrics()).sum(DROPS, "layer=\"wire\"") - lns0.sum(DROPS, "layer=\"wire\"") == 7
                    && scrape(lacMetrics).sum(DROPS, "layer=\"wire\"") - lac0.sum(DROPS, "layer=\"wire\"") == 4, UP,
                    "7 wire drops at the LNS and 4 at the LAC");
            Scrape lns1 = Scrape.of(t.lnsMetrics());
            Scrape lac1 = Scrape.of(lacMetrics);
            assertThat(lns1.sum(DROPS, truncated) - lns0.sum(DROPS, truncated)).isEqualTo(5);
            assertThat(lns1.sum(DROPS, l2f) - lns0.sum(DROPS, l2f)).isEqualTo(2);
            assertThat(lac1.sum(DROPS, truncated) - lac0.sum(DROPS, truncated)).isEqualTo(4);
            assertThat(lns1.get(ESTABLISHED)).as("the session survived the garbage").isEqualTo(1);
        }
    }

    private static void send(DatagramSocket s, InetSocketAddress to, byte[] b) throws java.io.IOException {
        s.send(new DatagramPacket(b, b.length, to));
    }

    private static Scrape scrape(InetSocketAddress at) {
        try {
            return Scrape.of(at);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
