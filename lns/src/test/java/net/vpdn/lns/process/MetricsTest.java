package net.vpdn.lns.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.vpdn.aaa.acct.AccountingRecord;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.metrics.MetricsServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The LNS's /metrics listener tracks what happened")
class MetricsTest {
    private static final String[] METRICS_ON = {"metrics.enabled=true", "metrics.address=127.0.0.1", "metrics.port=0"};
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int N = 3;

    @TempDir
    Path dir;
    final ProcessFixture fixture = new ProcessFixture();

    @Test
    @DisplayName("after N sessions up: the sessions gauge is N, setups_total rose by N, the histogram counted N, the pool lends N")
    void sessionsUp() throws Exception {
        List<TestLac> lacs = new ArrayList<>();
        try (LnsProcess lns = fixture.start(dir, METRICS_ON)) {
            InetSocketAddress metrics = lns.metricsAddress().orElseThrow();
            Map<String, Double> before = scrape(metrics);
            for (int i = 0; i < N; i++) {
                TestLac lac = new TestLac();
                lacs.add(lac);
                lac.dialToIpcp(lac.tunnel(lns.l2tpAddress()), "alice@example.com", "alice-password");
            }
            awaitRecords(AccountingRecord.Status.START, N);
            Map<String, Double> after = scrape(metrics);
            assertThat(after.get("vpdn_l2tp_sessions{state=\"established\"}")).isEqualTo(N);
            assertThat(after.get("vpdn_l2tp_tunnels{state=\"established\"}")).isEqualTo(N);
            assertThat(after.get("vpdn_session_setups_total{result=\"success\"}")
                    - before.get("vpdn_session_setups_total{result=\"success\"}")).isEqualTo(N);
            assertThat(after.get("vpdn_session_setup_seconds_count")).isEqualTo(N);
            assertThat(after.get("vpdn_tunnel_setups_total{result=\"success\"}")).isEqualTo(N);
            assertThat(after.get("vpdn_l2tp_control_messages_received_total{type=\"icrq\"}")).isEqualTo(N);
            assertThat(after.get("vpdn_pool_addresses{pool=\"lns-pool\",state=\"in_use\"}")).isEqualTo(N);
            assertThat(after.get("vpdn_lns_calls_in_setup")).isZero();
            assertThat(after.get("vpdn_lns_virtual_access")).isEqualTo(N);
            assertThat(after.get("vpdn_l2tp_data_packets_total{direction=\"in\"}")).isPositive();
            assertThat(after.get("vpdn_l2tp_data_bytes_total{direction=\"in\"}")).isPositive();

            lacs.getFirst().hangUp();
            awaitRecords(AccountingRecord.Status.STOP, 1);
            Map<String, Double> down = awaitScrape(metrics, m -> m.get("vpdn_l2tp_sessions{state=\"established\"}") == N - 1);
            assertThat(down.get("vpdn_session_teardowns_total{cause=\"user_request\"}")).isEqualTo(1.0);
            assertThat(down.get("vpdn_pool_addresses{pool=\"lns-pool\",state=\"in_use\"}")).isEqualTo(N - 1);
            assertThat(down.get("vpdn_l2tp_data_bytes_total{direction=\"in\"}"))
                    .as("octets of an ended session stay counted").isGreaterThanOrEqualTo(after.get("vpdn_l2tp_data_bytes_total{direction=\"in\"}"));
        } finally {
            lacs.forEach(TestLac::close);
        }
    }

    @Test
    @DisplayName("a call refused at the session-limit counts as a setup with result session_limit, not success")
    void refusedSetupCounted() throws Exception {
        String[] sets = {METRICS_ON[0], METRICS_ON[1], METRICS_ON[2], "vpdn-groups.0.session-limit=1"};
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir, sets)) {
            Tunnel t = lac.tunnel(lns.l2tpAddress());
            lac.dialToIpcp(t, "alice@example.com", "alice-password");
            assertThat(lac.bareCall(t).get(10, TimeUnit.SECONDS).resultCode())
                    .isEqualTo(CdnResult.TEMPORARY_LACK_OF_RESOURCES.code());
            awaitRecords(AccountingRecord.Status.START, 1);
            Map<String, Double> m = scrape(lns.metricsAddress().orElseThrow());
            assertThat(m.get("vpdn_session_setups_total{result=\"session_limit\"}")).isEqualTo(1.0);
            assertThat(m.get("vpdn_session_setups_total{result=\"success\"}")).isEqualTo(1.0);
        }
    }

    @Test
    @DisplayName("the LAC vanishes: the unanswered HELLO is retransmitted, the count outlives the released tunnel, one HELLO timeout")
    void retransmissionsOutliveTheTunnel() throws Exception {
        String[] sets = {METRICS_ON[0], METRICS_ON[1], METRICS_ON[2], "l2tp.hello-interval=500ms",
            "l2tp.retransmit-initial=500ms", "l2tp.retransmit-retries=1"};
        try (TestLac lac = new TestLac(); LnsProcess lns = fixture.start(dir, sets);
             UdpCut relay = new UdpCut(lns.l2tpAddress())) {
            InetSocketAddress metrics = lns.metricsAddress().orElseThrow();
            lac.tunnel(relay.address());
            assertThat(scrape(metrics).get("vpdn_l2tp_control_retransmissions_total")).isZero();
            relay.cut();
            // no scrape until the tunnel is released: the count must come from the close itself
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lns.counters().tunnels() > 0) {
                assertThat(System.nanoTime()).as("the tunnel released within 10 s").isLessThan(deadline);
                Thread.onSpinWait();
            }
            Map<String, Double> gone = scrape(metrics);
            assertThat(gone.get("vpdn_l2tp_tunnels{state=\"established\"}")).isZero();
            assertThat(gone.get("vpdn_l2tp_control_retransmissions_total")).isGreaterThanOrEqualTo(1.0);
            assertThat(gone.get("vpdn_l2tp_hello_timeouts_total")).isEqualTo(1.0);
            assertThat(gone.get("vpdn_tunnel_teardowns_total{cause=\"hello_timeout\"}")).isEqualTo(1.0);
        }
    }

    @Test
    @DisplayName("garbage sent to the L2TP port raises the malformed drops with the reason truncated_header")
    void garbageCounted() throws Exception {
        try (LnsProcess lns = fixture.start(dir, METRICS_ON)) {
            String series = "vpdn_l2tp_packets_dropped_total{layer=\"wire\",reason=\"truncated_header\"}";
            InetSocketAddress metrics = lns.metricsAddress().orElseThrow();
            assertThat(scrape(metrics).get(series)).isZero();
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                s.send(new DatagramPacket(new byte[] {(byte) 0xc8, 0x02, 0x00}, 3, lns.l2tpAddress()));
            }
            assertThat(awaitScrape(metrics, m -> m.get(series) > 0).get(series)).isEqualTo(1.0);
        }
    }

    @Test
    @DisplayName("/health and /ready answer 200 on a started LNS; /metrics is the text format 0.0.4")
    void healthAndReady() throws Exception {
        try (LnsProcess lns = fixture.start(dir, METRICS_ON)) {
            InetSocketAddress a = lns.metricsAddress().orElseThrow();
            assertThat(get(a, "/health").statusCode()).isEqualTo(200);
            assertThat(get(a, "/ready").statusCode()).isEqualTo(200);
            assertThat(get(a, "/metrics").headers().firstValue("content-type")).contains(MetricsServer.TEXT_004);
        }
    }

    @Test
    @DisplayName("metrics disabled in the file: no listener")
    void disabled() throws Exception {
        try (LnsProcess lns = fixture.start(dir)) {
            assertThat(lns.metricsAddress()).isEmpty();
            assertThat(lns.scrapeMetrics()).contains("vpdn_l2tp_sessions");
        }
    }

    private void awaitRecords(AccountingRecord.Status status, int n) throws InterruptedException {
        int seen = 0;
        while (seen < n) {
            if (fixture.next().status() == status) {
                seen++;
            }
        }
    }

    private static HttpResponse<String> get(InetSocketAddress a, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.getPort() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every sample of a scrape, by its series as rendered. */
    static Map<String, Double> scrape(InetSocketAddress a) throws Exception {
        HttpResponse<String> r = get(a, "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Double> m = new HashMap<>();
        for (String line : r.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int sp = line.lastIndexOf(' ');
                m.put(line.substring(0, sp), Double.parseDouble(line.substring(sp + 1)));
            }
        }
        return m;
    }

    private static Map<String, Double> awaitScrape(InetSocketAddress a, Predicate<Map<String, Double>> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Map<String, Double> m = scrape(a);
            if (done.test(m)) {
                return m;
            }
            assertThat(System.nanoTime()).as("scrape condition within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
