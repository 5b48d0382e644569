package net.vpdn.tests.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** One {@code GET /metrics} of a process, read as series (name and labels as rendered) to values. */
record Scrape(String text, Map<String, Double> samples) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Scrapes {@code http://<at>/metrics} over HTTP, as Prometheus would. */
    static Scrape of(InetSocketAddress at) throws IOException, InterruptedException {
        return of("127.0.0.1", at.getPort());
    }

    /** Scrapes {@code http://host:port/metrics}. */
    static Scrape of(String host, int port) throws IOException, InterruptedException {
        HttpResponse<String> r = get(URI.create("http://" + host + ":" + port + "/metrics"));
        assertThat(r.statusCode()).as("GET /metrics of " + host + ":" + port).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).contains("text/plain; version=0.0.4; charset=utf-8");
        return parse(r.body());
    }

    /** {@link #of(String, int)} on 127.0.0.1 for use inside {@link #await} conditions (I/O errors unchecked). */
    static Scrape unchecked(int port) {
        try {
            return of("127.0.0.1", port);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Scrape parse(String text) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int sp = line.lastIndexOf(' ');
                m.put(line.substring(0, sp), Double.parseDouble(line.substring(sp + 1)));
            }
        }
        return new Scrape(text, m);
    }

    /** The value of one series; the test fails when the series is absent. */
    double get(String series) {
        assertThat(samples).as("series " + series).containsKey(series);
        return samples.get(series);
    }

    /** The sum of every series of family {@code name} whose labels contain all of {@code labels} (e.g. {@code layer="wire"}). */
    double sum(String name, String... labels) {
        double total = 0;
        for (Map.Entry<String, Double> e : samples.entrySet()) {
            String k = e.getKey();
            if (!(k.equals(name) || k.startsWith(name + "{"))) continue;
            boolean all = true;
            for (String l : labels) all &= k.contains(l);
            if (all) total += e.getValue();
        }
        return total;
    }

    /** Polls {@code condition} every 20 ms until it holds; the test fails after {@code limit}. */
    static void await(BooleanSupplier condition, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + limit + " for " + what).isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
