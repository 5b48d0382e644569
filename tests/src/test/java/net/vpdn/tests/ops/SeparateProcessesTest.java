package net.vpdn.tests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.vpdn.aaa.radius.FreeRadiusServer;
import net.vpdn.tests.peers.FreePort;
import net.vpdn.tests.peers.JavaProcess;
import net.vpdn.tests.peers.PeerTool;
import net.vpdn.tests.peers.Prometheus;
import net.vpdn.tests.peers.RealPeers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end run as an operator deploys it: the LNS ({@code LnsMain}) and the LAC ({@code LacMain})
 * as separate OS processes on loopback, a real FreeRADIUS behind the LNS and a real Prometheus scraping
 * both. The metrics are checked against what was dialled and, after the LAC is stopped with SIGTERM,
 * against what it cleared.
 */
@RealPeers(value = PeerTool.PROMETHEUS, root = false)
@DisplayName("Separate LAC and LNS processes with FreeRADIUS and Prometheus: the metrics follow the calls")
class SeparateProcessesTest {
    static final int N = 4;
    static final Duration START = Duration.ofSeconds(60);
    static final String ESTABLISHED = "vpdn_l2tp_sessions{state=\"established\"}";

    @TempDir
    Path dir;

    @Test
    @DisplayName("N dialled: both sessions gauges and setups are N, RADIUS accepted N, Prometheus stores N per job; "
            + "SIGTERM to the LAC: the LNS counts N session teardowns and one tunnel cleared by the peer")
    void dialScrapeAndClear() throws Exception {
        FreeRadiusServer.assumeInstalled();
        try (FreeRadiusServer radius = FreeRadiusServer.start(Topology.RADIUS_SECRET, Topology.radiusUsers())) {
            Path lnsYaml = Files.writeString(dir.resolve("lns.yaml"), Topology.lnsYaml(radius));
            int lnsMetrics = FreePort.tcp();
            try (JavaProcess lns = JavaProcess.start("net.vpdn.lns.LnsMain",
                    List.of("--config", lnsYaml.toString(), "--set", "metrics.port=" + lnsMetrics), dir.resolve("lns.log"))) {
                int l2tp = Integer.parseInt(lns.awaitLine("vpdn lns ready: l2tp 127\\.0\\.0\\.1:(\\d+)", START).group(1));
                assertThat(Scrape.unchecked(lnsMetrics).get(ESTABLISHED)).isZero();
                Path lacYaml = Files.writeString(dir.resolve("lac.yaml"), Topology.lacYaml("lac1", l2tp));
                int lacMetrics = FreePort.tcp();
                List<String> args = new ArrayList<>(List.of("--config", lacYaml.toString(), "--set", "metrics.port=" + lacMetrics));
                args.addAll(Topology.emulator(1, N));
                JavaProcess lac = JavaProcess.start("net.vpdn.lac.LacMain", args, dir.resolve("lac.log"));
                try {
                    lac.awaitLine("vpdn lac ready: ", START);
                    Scrape.await(() -> Scrape.unchecked(lnsMetrics).get(ESTABLISHED) == N
                                    && Scrape.unchecked(lnsMetrics).get("vpdn_lns_calls_in_setup") == 0
                                    && Scrape.unchecked(lacMetrics).get("vpdn_lac_calls") == N, START,
                            N + " sessions up at the LNS, none in setup, " + N + " calls at the LAC");
                    Scrape lnsS = Scrape.unchecked(lnsMetrics);
                    Scrape lacS = Scrape.unchecked(lacMetrics);
                    assertThat(lnsS.get("vpdn_session_setups_total{result=\"success\"}")).isEqualTo(N);
                    assertThat(lacS.get("vpdn_session_setups_total{result=\"success\"}")).isEqualTo(N);
                    assertThat(lacS.get(ESTABLISHED)).isEqualTo(N);
                    assertThat(lnsS.get("vpdn_l2tp_tunnels{state=\"established\"}")).isEqualTo(1);
                    assertThat(lnsS.get("vpdn_radius_server_requests_total{outcome=\"accept\",server=\"radius1\",type=\"access\"}"))
                            .isEqualTo(N);
                    prometheusAgrees(lnsMetrics, lacMetrics);
                } finally {
                    // 143 = 128 + SIGTERM, the JVM's status after its shutdown hooks ran; -1 would mean it had to be killed
                    assertThat(lac.stop()).as("the LAC ends by itself on SIGTERM:\n" + lac.tail()).isIn(0, 143);
                }
                Scrape.await(() -> Scrape.unchecked(lnsMetrics).get(ESTABLISHED) == 0
                        && Scrape.unchecked(lnsMetrics).sum("vpdn_session_teardowns_total") == N, START,
                        "the LNS saw the LAC's " + N + " calls end");
                Scrape after = Scrape.unchecked(lnsMetrics);
                assertThat(after.get("vpdn_tunnel_teardowns_total{cause=\"peer\"}")).as("the LAC's StopCCN").isEqualTo(1);
                assertThat(after.get("vpdn_l2tp_control_messages_received_total{type=\"stopccn\"}")).isEqualTo(1);
            }
        }
    }

    private void prometheusAgrees(int lnsMetrics, int lacMetrics) throws Exception {
        try (Prometheus prom = Prometheus.start(dir, Map.of(
                "vpdn-lns", List.of(new InetSocketAddress("127.0.0.1", lnsMetrics)),
                "vpdn-lac", List.of(new InetSocketAddress("127.0.0.1", lacMetrics))))) {
            Scrape.await(() -> {
                Map<String, Double> byJob = new TreeMap<>();
                try {
                    prom.query("sum by (job) (vpdn_l2tp_sessions{state=\"established\"})").forEach(r -> byJob.put(
                            r.path("metric").path("job").asText(), Double.parseDouble(r.path("value").get(1).asText())));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return byJob.equals(Map.of("vpdn-lac", (double) N, "vpdn-lns", (double) N));
            }, START, "Prometheus storing " + N + " established sessions for each job (log: " + prom.logTail() + ")");
        }
    }
}
