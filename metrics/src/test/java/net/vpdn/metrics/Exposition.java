package net.vpdn.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads sample values out of Prometheus text (0.0.4), for assertions. */
final class Exposition {
    private final Map<String, Double> samples = new LinkedHashMap<>();
    private final Map<String, String> types = new LinkedHashMap<>();

    Exposition(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] p = line.split(" ");
                types.put(p[2], p[3]);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                int sp = line.lastIndexOf(' ');
                samples.put(line.substring(0, sp), Double.parseDouble(line.substring(sp + 1)));
            }
        }
    }

    /** The value of the sample written exactly as {@code series} (name and labels as rendered). */
    Optional<Double> value(String series) {
        return Optional.ofNullable(samples.get(series));
    }

    double valueOrZero(String series) {
        return samples.getOrDefault(series, 0.0);
    }

    Map<String, Double> samples() {
        return samples;
    }

    /** Metric family name to its declared type. */
    Map<String, String> types() {
        return types;
    }
}
