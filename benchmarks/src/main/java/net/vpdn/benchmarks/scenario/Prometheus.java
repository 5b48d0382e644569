package net.vpdn.benchmarks.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One scrape of a process's {@code GET /metrics} (Prometheus text), summed by name and label. */
record Prometheus(String text) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Prometheus scrape(String baseUrl) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("GET " + baseUrl + "/metrics: HTTP " + r.statusCode());
        return new Prometheus(r.body());
    }

    /** The sum of every sample of {@code name} whose labels contain {@code labelFilter} (empty: all). */
    double sum(String name, String labelFilter) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) continue;
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            String bare = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            if (!bare.equals(name) || (!labelFilter.isEmpty() && !series.contains(labelFilter))) continue;
            try {
                total += Double.parseDouble(line.substring(space + 1));
            } catch (NumberFormatException e) {
                // NaN-like or malformed sample: not counted
            }
        }
        return total;
    }

    double sum(String name) {
        return sum(name, "");
    }
}
