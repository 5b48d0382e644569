package net.vpdn.tests.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real Prometheus (Debian package {@code prometheus}) on 127.0.0.1 and a free port, with a generated
 * configuration that scrapes the given jobs every second and its own data directory under the test's
 * directory; {@link #close} stops it. Also runs {@code promtool check metrics}.
 */
public final class Prometheus implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration READY = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private Prometheus(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The scrape configuration of {@code jobs} (job name to its targets' {@code /metrics} listeners). */
    static String config(Map<String, List<InetSocketAddress>> jobs) {
        StringBuilder b = new StringBuilder("""
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                scrape_configs:
                """);
        jobs.forEach((job, targets) -> {
            b.append("  - job_name: ").append(job).append("\n    static_configs:\n      - targets: [");
            b.append(String.join(", ", targets.stream().map(t -> "'127.0.0.1:" + t.getPort() + "'").toList()));
            b.append("]\n");
        });
        return b.toString();
    }

    /** Starts Prometheus scraping {@code jobs}; returns once {@code /-/ready} answers 200. */
    public static Prometheus start(Path dir, Map<String, List<InetSocketAddress>> jobs) throws IOException, InterruptedException {
        Path config = Files.writeString(dir.resolve("prometheus.yml"), config(jobs));
        Path data = Files.createDirectories(dir.resolve("prometheus-data"));
        Path log = dir.resolve("prometheus.log");
        int port = FreePort.tcp();
        Process p = ChildProcesses.start(new ProcessBuilder(PeerTool.PROMETHEUS.require().toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=1h")
                .redirectErrorStream(true).redirectOutput(log.toFile()));
        Prometheus prom = new Prometheus(p, port, log);
        long deadline = System.nanoTime() + READY.toNanos();
        while (!prom.ready()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                prom.close();
                throw new IllegalStateException("prometheus did not become ready within " + READY + ":\n" + prom.logTail());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        return prom;
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** {@code GET /api/v1/targets}: the {@code data.activeTargets} array. */
    public JsonNode activeTargets() throws IOException, InterruptedException {
        return api("/api/v1/targets").path("data").path("activeTargets");
    }

    /** An instant query; the {@code data.result} array. */
    public JsonNode query(String promql) throws IOException, InterruptedException {
        return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("data").path("result");
    }

    private JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalStateException(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return body;
    }

    /** The last lines Prometheus logged, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The outcome of {@code promtool check metrics}: its exit status and everything it printed. */
    public record Check(int exitStatus, String output) { }

    /** Runs {@code promtool check metrics} on {@code exposition} (stdin). */
    public static Check checkMetrics(String exposition) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PeerTool.PROMTOOL.require().toString(), "check", "metrics")
                .redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("promtool check metrics did not finish within 30 s");
        }
        return new Check(p.exitValue(), out);
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(5));
    }
}
