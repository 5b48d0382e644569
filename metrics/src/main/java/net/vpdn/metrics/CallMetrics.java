package net.vpdn.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session setup and teardown, fed by the process as calls happen (not per packet): setups by result,
 * teardowns by cause and the setup-time histogram. Result and cause values must come from closed
 * sets (enum names); {@link #label} lower-cases them.
 */
public final class CallMetrics {
    /** Histogram buckets of the setup time: a LAN setup is milliseconds, a RADIUS-bound one seconds. */
    static final Duration[] SETUP_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final Timer setupTime;
    private final Map<String, Counter> setups = new ConcurrentHashMap<>();
    private final Map<String, Counter> teardowns = new ConcurrentHashMap<>();
    private final Map<String, Counter> tunnelRefusals = new ConcurrentHashMap<>();

    private CallMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.setupTime = setupTimer(registry);
        setup("success");
    }

    /** Registers the setup meters (the success counter at zero). */
    public static CallMetrics bind(MeterRegistry registry) {
        return new CallMetrics(registry);
    }

    /** The setup-time histogram alone, for a process that counts setups from its own counters. */
    public static Timer setupTimer(MeterRegistry registry) {
        return Timer.builder(MetricNames.SESSION_SETUP_TIME)
                .description("Time from ICRQ to IPCP up (LNS) or from line up to IPCP up (LAC)")
                .serviceLevelObjectives(SETUP_BUCKETS).register(registry);
    }

    /** Meters that go nowhere, for callers without a metrics registry (tests, tools). */
    public static CallMetrics discarding() {
        return new CallMetrics(new SimpleMeterRegistry());
    }

    /** A session came up after {@code setupNanos}. */
    public void setupSucceeded(long setupNanos) {
        setup("success").increment();
        setupTime.record(Duration.ofNanos(Math.max(0, setupNanos)));
    }

    /** A session setup failed or was refused for {@code result} (a closed set, e.g. an enum). */
    public void setupFailed(Enum<?> result) {
        setup(label(result)).increment();
    }

    /** A tunnel was refused at SCCRQ for {@code result} (a closed set, e.g. {@link TunnelRefusal}). */
    public void tunnelRefused(Enum<?> result) {
        tunnelRefusals.computeIfAbsent(label(result), r -> Counter.builder(MetricNames.TUNNEL_SETUPS)
                .description("Tunnels established (SCCCN sent or received)").tag(MetricNames.RESULT, r)
                .register(registry)).increment();
    }

    /** A session that was up ended for {@code cause} (a closed set, e.g. an enum). */
    public void tornDown(Enum<?> cause) {
        teardowns.computeIfAbsent(label(cause), c -> Counter.builder(MetricNames.SESSION_TEARDOWNS)
                .description("Sessions that were up and ended, by cause").tag(MetricNames.CAUSE, c).register(registry))
                .increment();
    }

    private Counter setup(String result) {
        return setups.computeIfAbsent(result, r -> Counter.builder(MetricNames.SESSION_SETUPS)
                .description("Session setups, by result").tag(MetricNames.RESULT, r).register(registry));
    }

    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
