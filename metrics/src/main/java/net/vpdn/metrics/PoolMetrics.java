package net.vpdn.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import net.vpdn.vtemplate.Ipv4Pool;

/**
 * Address pool usage per configured pool. {@link Ipv4Pool} is loop-confined, so {@link #refreshOnLoop()}
 * copies every pool's {@link Ipv4Pool.Usage} on the loop; meters of a pool are registered the first time
 * it is seen (pool names come from the configuration, a bounded set).
 */
public final class PoolMetrics {
    private final MeterRegistry registry;
    private final Supplier<Map<String, Ipv4Pool.Usage>> onLoop;
    private final Map<String, Ipv4Pool.Usage> latest = new ConcurrentHashMap<>();
    private final Set<String> bound = ConcurrentHashMap.newKeySet();

    private PoolMetrics(MeterRegistry registry, Supplier<Map<String, Ipv4Pool.Usage>> onLoop) {
        this.registry = registry;
        this.onLoop = onLoop;
    }

    /** {@code onLoop} reads the usage of every pool; it is only called from {@link #refreshOnLoop()}. */
    public static PoolMetrics bind(MeterRegistry registry, Supplier<Map<String, Ipv4Pool.Usage>> onLoop) {
        return new PoolMetrics(registry, onLoop);
    }

    /** Copies the pools' usage; call only on the loop that owns the pools. */
    public void refreshOnLoop() {
        onLoop.get().forEach((name, usage) -> {
            latest.put(name, usage);
            if (bound.add(name)) register(name);
        });
    }

    private void register(String pool) {
        gauge(pool, "in_use", Ipv4Pool.Usage::inUse);
        gauge(pool, "reserved", Ipv4Pool.Usage::reserved);
        gauge(pool, "free", u -> u.size() - u.reserved() - u.inUse());
        FunctionCounter.builder(MetricNames.POOL_EXHAUSTIONS, this, m -> m.latest.get(pool).exhaustions())
                .description("Allocations refused because the pool was exhausted").tag(MetricNames.POOL, pool)
                .register(registry);
    }

    private void gauge(String pool, String state, ToDoubleFunction<Ipv4Pool.Usage> f) {
        Gauge.builder(MetricNames.POOL_ADDRESSES, this, m -> f.applyAsDouble(m.latest.get(pool)))
                .description("Addresses of a pool, by state").tags(MetricNames.POOL, pool, MetricNames.STATE, state)
                .register(registry);
    }
}
