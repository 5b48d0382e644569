package net.vpdn.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.vpdn.config.MetricsListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The metrics listener on a loopback free port")
class MetricsServerTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Fixture fixture;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws InterruptedException {
        fixture = new Fixture();
        address = fixture.metrics.listen(new MetricsListener(true, InetAddress.getLoopbackAddress(), 0)).orElseThrow();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private HttpResponse<String> request(String method, String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("a port in use is refused with the address and the problem, not Netty's system-call text")
    void portInUse() {
        assertThatThrownBy(() -> MetricsServer.start(address, () -> "", () -> true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot listen for metrics on 127.0.0.1:" + address.getPort() + ": Address already in use");
    }

    @Nested
    @DisplayName("endpoints")
    class Endpoints {
        @Test
        @DisplayName("GET /metrics answers the text format 0.0.4 with the registry's families")
        void metrics() throws Exception {
            HttpResponse<String> r = request("GET", "/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).contains(MetricsServer.TEXT_004);
            assertThat(r.body()).contains("# TYPE vpdn_l2tp_tunnels gauge")
                    .contains("vpdn_l2tp_tunnels{state=\"established\"} 0.0");
        }

        @Test
        @DisplayName("GET /health answers 200 while the process runs")
        void health() throws Exception {
            assertThat(request("GET", "/health").statusCode()).isEqualTo(200);
        }

        @Test
        @DisplayName("GET /ready answers 503 until the process says ready, then 200, and 503 again when it stops being")
        void ready() throws Exception {
            assertThat(request("GET", "/ready").statusCode()).isEqualTo(503);
            fixture.metrics.ready(true);
            assertThat(request("GET", "/ready").statusCode()).isEqualTo(200);
            fixture.metrics.ready(false);
            assertThat(request("GET", "/ready").statusCode()).isEqualTo(503);
        }

        @Test
        @DisplayName("other paths are 404 and other methods 405")
        void others() throws Exception {
            assertThat(request("GET", "/api/sessions").statusCode()).isEqualTo(404);
            assertThat(request("POST", "/metrics").statusCode()).isEqualTo(405);
        }

        @Test
        @DisplayName("a disabled listener does not bind")
        void disabled() throws Exception {
            try (Fixture other = new Fixture()) {
                assertThat(other.metrics.listen(new MetricsListener(false, InetAddress.getLoopbackAddress(), 0))).isEmpty();
            }
        }
    }

    @Nested
    @DisplayName("values")
    class Values {
        @Test
        @DisplayName("garbage datagrams to the L2TP port raise the drop counter with their reason, and only that one")
        void garbageCounted() throws Exception {
            String truncated = "vpdn_l2tp_packets_dropped_total{layer=\"wire\",reason=\"truncated_header\"}";
            String l2f = "vpdn_l2tp_packets_dropped_total{layer=\"wire\",reason=\"l2f_version\"}";
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                InetSocketAddress to = fixture.endpoint.localAddress();
                s.send(new DatagramPacket(new byte[] {(byte) 0xc8}, 1, to));
                for (int i = 0; i < 2; i++) {
                    s.send(new DatagramPacket(new byte[] {0x00, 0x01, 0x00, 0x00, 0x00, 0x00}, 6, to));
                }
            }
            Exposition e = awaitScrape(x -> x.valueOrZero(truncated) >= 1 && x.valueOrZero(l2f) >= 2);
            assertThat(e.value(truncated)).contains(1.0);
            assertThat(e.value(l2f)).contains(2.0);
            double all = e.samples().entrySet().stream().filter(x -> x.getKey().startsWith("vpdn_l2tp_packets_dropped_total"))
                    .mapToDouble(java.util.Map.Entry::getValue).sum();
            assertThat(all).isEqualTo(3.0);
        }

        @Test
        @DisplayName("a loop that does not answer in time: the scrape still answers, and the failure is counted")
        void blockedLoop() throws Exception {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            fixture.endpoint.execute(() -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                assertThat(fixture.metrics.refresh()).isFalse();
            } finally {
                release.countDown();
            }
            Exposition e = new Exposition(request("GET", "/metrics").body());
            assertThat(e.value("vpdn_metrics_snapshot_failures_total")).contains(1.0);
        }
    }

    private Exposition awaitScrape(java.util.function.Predicate<Exposition> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            Exposition e = new Exposition(request("GET", "/metrics").body());
            if (done.test(e)) {
                return e;
            }
            assertThat(System.nanoTime()).as("scrape condition within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
