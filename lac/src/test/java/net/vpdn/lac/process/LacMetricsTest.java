package net.vpdn.lac.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.lac.testing.LnsDouble;
import net.vpdn.lac.access.emulator.SubscriberReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The LAC's /metrics listener tracks the calls it placed")
class LacMetricsTest {
    private static final int N = 3;

    @TempDir
    Path dir;
    LnsDouble lns;

    @BeforeEach
    void startLns() throws Exception {
        Map<String, Secret> users = new HashMap<>();
        for (int i = 1; i <= N; i++) users.put("user" + i + "@example.com", Secret.of("pw"));
        lns = new LnsDouble("lns1", TunnelSecret.of(TestConfigs.SECRET), users);
    }

    @AfterEach
    void stopLns() {
        lns.close();
    }

    private LacProcess start(String... options) throws Exception {
        var access = (AccessOptions.Parsed.Ok) AccessOptions.parse(List.of(options));
        return LacProcess.start(TestConfigs.toLns(dir, lns.address().getPort()), access.options());
    }

    @Test
    @DisplayName("with N calls up: the sessions gauge and the calls gauge are N, setups_total is N, one tunnel; /health and /ready answer")
    void callsUp() throws Exception {
        try (LacProcess lac = start("--subscribers", String.valueOf(N), "--password", "pw", "--rate", "100", "--pings", "0",
                "--hold", "1h")) {
            LacProcessTest.await(() -> lac.counters().callsConnected() == N && lns.sessions() == N, "N calls up");
            InetSocketAddress at = lac.metricsAddress().orElseThrow();
            Map<String, Double> m = scrape(at);
            assertThat(m.get("vpdn_l2tp_sessions{state=\"established\"}")).isEqualTo(N);
            assertThat(m.get("vpdn_lac_calls")).isEqualTo(N);
            assertThat(m.get("vpdn_session_setups_total{result=\"success\"}")).isEqualTo(N);
            assertThat(m.get("vpdn_l2tp_tunnels{state=\"established\"}")).isEqualTo(1.0);
            assertThat(m.get("vpdn_tunnel_setups_total{result=\"success\"}")).isEqualTo(1.0);
            assertThat(m.get("vpdn_l2tp_control_messages_sent_total{type=\"icrq\"}")).isEqualTo(N);
            assertThat(status(at, "/health")).isEqualTo(200);
            assertThat(status(at, "/ready")).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("finished subscribers feed the setup-time histogram, one observation each; teardowns by subscriber are N")
    void setupHistogram() throws Exception {
        try (LacProcess lac = start("--subscribers", String.valueOf(N), "--password", "pw", "--rate", "100", "--pings", "0")) {
            List<SubscriberReport> reports = lac.finished().get(20, TimeUnit.SECONDS);
            long timed = reports.stream().filter(r -> r.setupTime().isPresent()).count();
            assertThat(timed).isEqualTo(N);
            LacProcessTest.await(() -> lac.counters().callsClearedBySubscriber() == N, "N calls cleared");
            Map<String, Double> m = scrape(lac.metricsAddress().orElseThrow());
            assertThat(m.get("vpdn_session_setup_seconds_count")).isEqualTo(N);
            assertThat(m.get("vpdn_session_teardowns_total{cause=\"subscriber\"}")).isEqualTo(N);
        }
    }

    @Test
    @DisplayName("tunnel authorization through a RADIUS server that never answers: one access timeout for that server, "
            + "its accept series at zero from the start")
    void radiusTimeoutByServer() throws Exception {
        try (java.net.DatagramSocket silent = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            java.nio.file.Path file = dir.resolve("lac.yaml");
            TestConfigs.toLns(dir, lns.address().getPort());
            java.nio.file.Files.writeString(file, """
                    radius-servers:
                      - {name: Silent-1, address: 127.0.0.1, auth-port: %d, acct-port: %d, secret: s, timeout: 200ms, retries: 0}
                    aaa: {tunnel-authorization: [radius, local]}
                    """.formatted(silent.getLocalPort(), silent.getLocalPort()), java.nio.file.StandardOpenOption.APPEND);
            var access = (AccessOptions.Parsed.Ok) AccessOptions.parse(List.of("--subscribers", "1", "--password", "pw",
                    "--pings", "0", "--hold", "1h"));
            try (LacProcess lac = LacProcess.start(TestConfigs.load(file), access.options())) {
                InetSocketAddress at = lac.metricsAddress().orElseThrow();
                String accept = "vpdn_radius_server_requests_total{outcome=\"accept\",server=\"silent-1\",type=\"access\"}";
                String timeout = "vpdn_radius_server_requests_total{outcome=\"timeout\",server=\"silent-1\",type=\"access\"}";
                assertThat(scrape(at).get(accept)).isZero();
                LacProcessTest.await(() -> {
                    try {
                        return scrape(at).getOrDefault(timeout, 0.0) == 1.0;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "one RADIUS timeout");
                Map<String, Double> m = scrape(at);
                assertThat(m.get(accept)).isZero();
                assertThat(m.get("vpdn_radius_requests_total{component=\"client\",outcome=\"no_answer\"}")).isEqualTo(1.0);
            }
        }
    }

    private static int status(InetSocketAddress at, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at.getPort() + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, Double> scrape(InetSocketAddress at) throws Exception {
        Map<String, Double> m = new HashMap<>();
        for (String line : LacProcessTest.get(at, "/metrics").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int sp = line.lastIndexOf(' ');
                m.put(line.substring(0, sp), Double.parseDouble(line.substring(sp + 1)));
            }
        }
        return m;
    }
}
