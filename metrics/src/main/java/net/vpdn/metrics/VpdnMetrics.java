package net.vpdn.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import net.vpdn.config.MetricsListener;
import net.vpdn.l2tp.engine.L2tpEngine;
import net.vpdn.vtemplate.Ipv4Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process's metrics: one {@link PrometheusMeterRegistry}, the binders of each area, and the
 * {@link MetricsServer} on the configured listener.
 *
 * <p>Threading decision: state owned by the engine's event loop (tunnels, sessions, pools) is read
 * <em>on that loop</em>, once per scrape: {@link #scrape()} first runs every registered refresher as
 * one task on {@code loop} and waits at most {@link #REFRESH_TIMEOUT}; if the loop does not answer in
 * time the scrape serves the previous snapshot and {@code vpdn_metrics_snapshot_failures_total} rises.
 * Nothing runs per packet: counters the engine writes single-threaded are read as plain longs.
 */
public final class VpdnMetrics implements AutoCloseable {
    /** How long a scrape waits for the event loop to refresh the loop-owned gauges. */
    public static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger("vpdn.metrics");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Executor loop;
    private final List<Runnable> refreshers = new CopyOnWriteArrayList<>();
    private final Counter snapshotFailures;
    private volatile boolean ready;
    private volatile MetricsServer server;

    private VpdnMetrics(Executor loop) {
        this.loop = loop;
        this.snapshotFailures = Counter.builder(MetricNames.SNAPSHOT_FAILURES)
                .description("Scrapes served from a stale snapshot because the event loop did not answer in time")
                .register(registry);
    }

    /** Metrics whose loop-owned state is read on {@code loop} (the L2TP endpoint's event loop). */
    public static VpdnMetrics create(Executor loop) {
        return new VpdnMetrics(loop);
    }

    /** The registry, for binders of other modules (names from {@link MetricNames} only). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Adds {@code task} to what runs on the loop before each scrape. */
    public void onLoopRefresh(Runnable task) {
        refreshers.add(task);
    }

    /** Binds the L2TP endpoint of {@code engine}, refreshed on the loop. */
    public L2tpMetrics bindL2tp(L2tpEngine engine) {
        L2tpMetrics m = L2tpMetrics.bind(registry, engine);
        onLoopRefresh(m::refreshOnLoop);
        return m;
    }

    /** Binds the address pools read by {@code onLoop}, refreshed on the loop. */
    public PoolMetrics bindPools(Supplier<java.util.Map<String, Ipv4Pool.Usage>> onLoop) {
        PoolMetrics m = PoolMetrics.bind(registry, onLoop);
        onLoopRefresh(m::refreshOnLoop);
        return m;
    }

    /**
     * A gauge of loop-owned state: {@code onLoop} is evaluated on the loop before each scrape and the
     * gauge serves the value it returned.
     */
    public void loopGauge(String name, String help, IntSupplier onLoop) {
        AtomicInteger value = new AtomicInteger();
        Gauge.builder(name, value, AtomicInteger::get).description(help).register(registry);
        onLoopRefresh(() -> value.set(onLoop.getAsInt()));
    }

    /** Binds the session setup and teardown meters. */
    public CallMetrics bindCalls() {
        return CallMetrics.bind(registry);
    }

    /** Runs the refreshers on the loop, waiting at most {@link #REFRESH_TIMEOUT}; whether they ran. */
    public boolean refresh() {
        try {
            CompletableFuture.runAsync(() -> refreshers.forEach(Runnable::run), loop)
                    .get(REFRESH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("event=metrics-snapshot-failed error=\"{}\"", e.toString());
        }
        snapshotFailures.increment();
        return false;
    }

    /** A fresh scrape in the Prometheus text format 0.0.4. */
    public String scrape() {
        refresh();
        return registry.scrape();
    }

    /** Sets what {@code GET /ready} answers. */
    public void ready(boolean ready) {
        this.ready = ready;
    }

    /** Starts the listener of {@code config} when it is enabled; the bound address, if any. */
    public Optional<InetSocketAddress> listen(MetricsListener config) throws InterruptedException {
        if (config.enabled()) {
            server = MetricsServer.start(new InetSocketAddress(config.address(), config.port()), this::scrape,
                    () -> ready);
        }
        return address();
    }

    /** The bound metrics listener address, when it runs. */
    public Optional<InetSocketAddress> address() {
        return Optional.ofNullable(server).map(MetricsServer::localAddress);
    }

    /** Stops the listener and the registry; idempotent. */
    @Override
    public void close() {
        ready = false;
        MetricsServer s = server;
        server = null;
        if (s != null) s.close();
        registry.close();
    }
}
