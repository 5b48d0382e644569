package net.vpdn.tests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.vpdn.lac.process.LacProcess;
import net.vpdn.tests.peers.PeerTool;
import net.vpdn.tests.peers.Prometheus;
import net.vpdn.tests.peers.RealPeers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our metrics as their real consumer reads them: a Prometheus (Debian package) started on loopback
 * scrapes the LAC and the LNS, and {@code promtool check metrics} lints both expositions. Skipped when
 * Prometheus is not installed, failed then under {@code VPDN_REQUIRE_REAL_PEERS=1}.
 */
@RealPeers(value = {PeerTool.PROMETHEUS, PeerTool.PROMTOOL}, root = false)
@DisplayName("A real Prometheus scrapes the LAC and the LNS")
class PrometheusScrapeTest {
    static final Duration LIMIT = Duration.ofSeconds(30);
    static final int N = 2;

    @TempDir
    Path dir;

    @Test
    @DisplayName("both targets report health \"up\" in /api/v1/targets, and Prometheus stores the sessions each process reports")
    void bothTargetsUp() throws Exception {
        try (Topology t = Topology.start(dir, null)) {
            LacProcess lac = t.lac("lac1", t.lns.l2tpAddress(), 1, N);
            MetricsEndToEndTest.awaitUp(t, lac, N, N);
            InetSocketAddress lacAt = lac.metricsAddress().orElseThrow();
            try (Prometheus prom = Prometheus.start(dir, Map.of("vpdn-lns", List.of(t.lnsMetrics()),
                    "vpdn-lac", List.of(lacAt)))) {
                Scrape.await(() -> health(prom).equals(Map.of("vpdn-lac", "up", "vpdn-lns", "up")), LIMIT,
                        "both targets up (log: " + prom.logTail() + ")");
                JsonNode targets = prom.activeTargets();
                assertThat(targets).hasSize(2).allSatisfy(tg -> {
                    assertThat(tg.path("lastError").asText()).isEmpty();
                    assertThat(tg.path("scrapeUrl").asText()).startsWith("http://127.0.0.1:").endsWith("/metrics");
                });
                Scrape.await(() -> sessionsByJob(prom).equals(Map.of("vpdn-lac", (double) N, "vpdn-lns", (double) N)),
                        LIMIT, N + " established sessions stored for each job");
            }
        }
    }

    @Test
    @DisplayName("promtool check metrics passes on the LAC's and the LNS's /metrics, with sessions up and histograms filled")
    void promtoolPasses() throws Exception {
        try (Topology t = Topology.start(dir, null)) {
            LacProcess lac = t.lac("lac1", t.lns.l2tpAddress(), 1, N);
            MetricsEndToEndTest.awaitUp(t, lac, N, N);
            for (InetSocketAddress at : List.of(t.lnsMetrics(), lac.metricsAddress().orElseThrow())) {
                String text = Scrape.of(at).text();
                assertThat(text).contains("vpdn_session_setup_seconds_bucket");
                Prometheus.Check check = Prometheus.checkMetrics(text);
                assertThat(check.exitStatus()).as("promtool on " + at + ":\n" + check.output()).isZero();
                assertThat(check.output()).as("promtool's findings on " + at).isBlank();
            }
        }
    }

    /** Job to the health of its (one) target. */
    private static Map<String, String> health(Prometheus prom) {
        Map<String, String> m = new TreeMap<>();
        for (JsonNode tg : call(prom::activeTargets)) {
            m.put(tg.path("labels").path("job").asText(), tg.path("health").asText());
        }
        return m;
    }

    /** Job to {@code sum(vpdn_l2tp_sessions{state="established"})} as Prometheus stored it. */
    private static Map<String, Double> sessionsByJob(Prometheus prom) {
        Map<String, Double> m = new TreeMap<>();
        List<JsonNode> rows = new ArrayList<>();
        call(() -> prom.query("sum by (job) (vpdn_l2tp_sessions{state=\"established\"})")).forEach(rows::add);
        for (JsonNode r : rows) {
            m.put(r.path("metric").path("job").asText(), Double.parseDouble(r.path("value").get(1).asText()));
        }
        return m;
    }

    private interface Call<T> {
        T get() throws IOException, InterruptedException;
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
