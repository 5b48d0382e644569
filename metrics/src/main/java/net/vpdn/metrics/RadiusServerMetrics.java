package net.vpdn.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.vpdn.aaa.radius.RadiusObserver;

/**
 * RADIUS exchanges by server, type and outcome ({@code vpdn_radius_server_requests_total}), and the
 * response time of the answered ones by server and type ({@code vpdn_radius_server_response_seconds}; a
 * timeout's duration is the configured retry budget, so it would only blur the histogram). Meters are made
 * on first use or at zero by {@link #preRegister}; server names are configured ones, so labels stay bounded.
 */
public final class RadiusServerMetrics implements RadiusObserver {
    /** RADIUS answers in milliseconds on a LAN, seconds from a loaded or distant server. */
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};
    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9_.:\\-]");

    private record Key(String server, Type type, Outcome outcome) { }

    private record TimeKey(String server, Type type) { }

    private final MeterRegistry registry;
    private final Map<Key, Counter> requests = new ConcurrentHashMap<>();
    private final Map<TimeKey, Timer> times = new ConcurrentHashMap<>();

    /** Meters in {@code registry}. */
    public RadiusServerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers {@code server}'s meters of {@code type} at zero, so dashboards see the series before traffic. */
    public void preRegister(String server, Type type) {
        String label = serverLabel(server);
        for (Outcome o : Outcome.values()) {
            if (o != Outcome.CHALLENGE || type == Type.ACCESS) counter(new Key(label, type, o));
        }
        timer(new TimeKey(label, type));
    }

    @Override
    public void completed(String server, Type type, Outcome outcome, long nanos) {
        String label = serverLabel(server);
        counter(new Key(label, type, outcome)).increment();
        if (outcome == Outcome.ACCEPT || outcome == Outcome.REJECT || outcome == Outcome.CHALLENGE) {
            timer(new TimeKey(label, type)).record(Duration.ofNanos(nanos));
        }
    }

    private Counter counter(Key k) {
        return requests.computeIfAbsent(k, key -> Counter.builder(MetricNames.RADIUS_SERVER_REQUESTS)
                .description("RADIUS requests, by server, type and outcome")
                .tags(MetricNames.SERVER, key.server(), MetricNames.TYPE, L2tpMetrics.label(key.type()),
                        MetricNames.OUTCOME, L2tpMetrics.label(key.outcome()))
                .register(registry));
    }

    private Timer timer(TimeKey k) {
        return times.computeIfAbsent(k, key -> Timer.builder(MetricNames.RADIUS_SERVER_RESPONSE_TIME)
                .description("Time from the first transmission to a server to its answer")
                .tags(MetricNames.SERVER, key.server(), MetricNames.TYPE, L2tpMetrics.label(key.type()))
                .serviceLevelObjectives(BUCKETS).register(registry));
    }

    /** A configured server name as a label value: lower case, anything outside {@code [a-z0-9_.:-]} as {@code _}. */
    static String serverLabel(String server) {
        return UNSAFE.matcher(server.toLowerCase(Locale.ROOT)).replaceAll("_");
    }
}
