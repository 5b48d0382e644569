package net.vpdn.lac.process;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import net.vpdn.admin.AdminServer;
import net.vpdn.admin.AdminToken;
import net.vpdn.admin.ReloadReport;
import net.vpdn.config.ConfigDiff;
import net.vpdn.config.ConfigError;
import net.vpdn.config.ConfigResult;
import net.vpdn.config.ReloadPlan;
import net.vpdn.config.Role;
import net.vpdn.config.VpdnConfig;
import net.vpdn.l2tp.LogText;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.config.PppoeInterface;
import net.vpdn.lac.access.emulator.SubscriberEmulator;
import net.vpdn.lac.access.pppoe.io.PppoeAccessServer;
import net.vpdn.lac.access.emulator.SubscriberReport;
import net.vpdn.lac.call.CallView;
import net.vpdn.lac.call.DataPath;
import net.vpdn.lac.call.LacCounters;
import net.vpdn.lac.call.LacService;
import net.vpdn.lac.loop.CallLoop;
import net.vpdn.lac.select.TunnelSelector;
import net.vpdn.lac.tunnel.TunnelPool;
import net.vpdn.aaa.radius.RadiusObserver;
import net.vpdn.metrics.AaaMetrics;
import net.vpdn.metrics.MetricNames;
import net.vpdn.metrics.VpdnMetrics;
import net.vpdn.ppp.PppRandom;
import net.vpdn.runtime.EngineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running LAC: the L2TP endpoint on the configured address, the tunnel selection of
 * {@link TunnelAuthorization}, the tunnel pool with the configured timers, the call service, the
 * built-in subscriber emulator as access medium (when asked for), and the metrics listener.
 * {@link #close()} clears every call with CDN and every tunnel with StopCCN before it stops.
 */
public final class LacProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("vpdn.lac");
    /** How long shutdown waits for the LNSs to acknowledge our StopCCNs. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    private volatile VpdnConfig config;
    private final Supplier<ConfigResult> reloadSource;
    private final AccessOptions access;
    private final NettyL2tpEndpoint endpoint;
    private final LacService service;
    private final TunnelAuthorization authorization;
    private final ConcurrentLinkedQueue<SubscriberReport> reports = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger reportedCount = new java.util.concurrent.atomic.AtomicInteger();
    private final CompletableFuture<List<SubscriberReport>> finished = new CompletableFuture<>();
    private final CompletableFuture<String> warmedUp = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private SubscriberEmulator emulator;
    private final List<PppoeAccessServer> pppoe = new ArrayList<>();
    private VpdnMetrics metrics;
    private LacMetrics callMetrics;
    private LacAdminModel adminModel;
    private AdminServer admin;

    private LacProcess(VpdnConfig config, AccessOptions access, NettyL2tpEndpoint endpoint, LacService service,
                       TunnelAuthorization authorization, Supplier<ConfigResult> reloadSource) {
        this.config = config;
        this.reloadSource = reloadSource;
        this.access = access;
        this.endpoint = endpoint;
        this.service = service;
        this.authorization = authorization;
    }

    /** Starts the LAC of {@code config} with {@code access} as its access side. */
    public static LacProcess start(VpdnConfig config, AccessOptions access) throws InterruptedException {
        return start(config, access, null);
    }

    /**
     * As {@link #start(VpdnConfig, AccessOptions)}; {@code reloadSource} re-reads the configuration (the
     * file with the original overrides) for SIGHUP and the admin API's reload, or is null.
     */
    public static LacProcess start(VpdnConfig config, AccessOptions access, Supplier<ConfigResult> reloadSource)
            throws InterruptedException {
        TunnelAuthorization authorization = TunnelAuthorization.open(config);
        try {
            return start(config, access, authorization, reloadSource);
        } catch (InterruptedException | RuntimeException e) {
            authorization.close();
            throw e;
        }
    }

    private static LacProcess start(VpdnConfig config, AccessOptions access, TunnelAuthorization authorization,
                                    Supplier<ConfigResult> reloadSource) throws InterruptedException {
        LacService[] ref = new LacService[1];
        InetSocketAddress bind = new InetSocketAddress(config.l2tp().listenAddress(), config.l2tp().listenPort());
        NettyL2tpEndpoint endpoint = NettyL2tpEndpoint.start(bind, EngineSettings.engine(config), RandomSource.secure(),
                new NettyL2tpEndpoint.Handlers(null, CallAcceptor.REFUSE, TunnelListener.NONE,
                        (s, f) -> ref[0].dataHandler().onFrame(s, f)));
        CallLoop loop = CallLoop.of(endpoint);
        TunnelSelector selector = authorization.selector();
        TunnelPool pool = new TunnelPool(endpoint.engine(), loop, RandomSource.secure(), GroupMapping.poolConfig(config));
        LacService service = new LacService(GroupMapping.callConfig(config), selector, pool, loop, DataPath.of(endpoint),
                PppRandom.secure(), new LacCounters());
        ref[0] = service;
        LacProcess process = new LacProcess(config, access, endpoint, service, authorization, reloadSource);
        try {
            process.startMetrics();
            process.startAdmin();
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        try {
            process.startPppoe(loop);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        process.startAccess(loop);
        process.metrics.ready(true);
        LOG.info("event=started hostname={} l2tp={} groups={} tunnel-authorization={} subscribers={} pppoe-interfaces={}",
                config.hostname(), LogText.address(endpoint.localAddress()), config.requestDialinGroups().size(),
                config.aaa().tunnelAuthorization().methods().stream().map(net.vpdn.config.AaaMethod::configName)
                        .collect(java.util.stream.Collectors.joining(",")),
                access.subscribers().size(),
                config.pppoeInterfaces().isEmpty() ? "none"
                        : config.pppoeInterfaces().stream().map(PppoeInterface::name).collect(java.util.stream.Collectors.joining(",")));
        return process;
    }

    /** The registry over the engine and the call service (loop state read on the loop), and its listener. */
    private void startMetrics() {
        metrics = VpdnMetrics.create(endpoint::execute);
        metrics.bindL2tp(endpoint.engine());
        metrics.loopGauge(MetricNames.LAC_CALLS, "Calls in progress", service::activeCalls);
        callMetrics = LacMetrics.bind(metrics.registry(), service.counters());
        AaaMetrics.bindRadius(metrics.registry(), "client", authorization.radiusStats(),
                authorization.usesRadius() ? config.radiusServers().stream().map(s -> s.name()).toList() : List.of(),
                java.util.Set.of(RadiusObserver.Type.ACCESS));
        try {
            metrics.listen(config.metrics());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the metrics listener", e);
        }
    }

    private void startAdmin() {
        adminModel = new LacAdminModel(endpoint, service, this::reloadFromSource);
        if (!config.admin().enabled()) return;
        AdminServer.Builder b = AdminServer.builder(adminModel)
                .bind(new InetSocketAddress(config.admin().address(), config.admin().port()));
        config.admin().token().ifPresent(t -> b.token(AdminToken.of(t.reveal())));
        admin = b.start();
        adminModel.ready(true);
    }

    private void startAccess(CallLoop loop) {
        if (access.subscribers().isEmpty()) return;
        int expected = access.subscribers().size();
        emulator = new SubscriberEmulator(loop, access.subscribers(), access.rate(), PppRandom.secure(), r -> {
            reports.add(r);
            int reported = reportedCount.incrementAndGet(); // ConcurrentLinkedQueue.size() walks the queue
            r.setupTime().ifPresent(callMetrics::setupTook);
            LOG.info("event=subscriber-done user={} ipcp={} address={} pings={}/{} dropped-by={}", LogText.value(r.user()), r.ipcpUp(),
                    r.address().map(Object::toString).orElse("-"), r.pingsAnswered(), r.pingsSent(),
                    r.droppedBy().map(Enum::name).orElse("-"));
            if (reported == expected) {
                List<SubscriberReport> all = List.copyOf(reports);
                // the file is written off the loop; finished completes once it is in place
                Thread.ofVirtual().name("vpdn-lac-report").start(() -> {
                    writeReport();
                    finished.complete(all);
                });
            }
        });
        endpoint.execute(() -> Warmup.thenStart(loop, access, emulator, service, warmedUp));
    }

    /** {@code --report FILE}: every subscriber's line, written to a temporary file and moved into place whole. */
    private void writeReport() {
        access.report().ifPresent(file -> {
            try {
                java.nio.file.Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                java.nio.file.Files.write(tmp, summary().reportFile());
                java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.io.IOException e) {
                LOG.warn("event=report-not-written file={} reason=\"{}\"", LogText.value(file.toString()), LogText.quoted(e.toString()));
            }
        });
    }

    /** One PPPoE access server per configured interface, started on the loop; a socket that cannot open stops the start. */
    private void startPppoe(CallLoop loop) {
        List<PppoeInterface> ifs = config.pppoeInterfaces();
        for (int i = 0; i < ifs.size(); i++) {
            PppoeInterface p = ifs.get(i);
            try {
                PppoeAccessServer server = PppoeAccessServer.open(loop, PppoeSettings.of(p));
                pppoe.add(server);
                LacMetrics.bindPppoe(metrics.registry(), p.name() + p.vlan().stream().mapToObj(v -> "." + v).findFirst().orElse(""),
                        server);
                endpoint.execute(() -> server.start(service));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(config.source() + ": pppoe-interfaces." + i + ".name: " + p.name()
                        + p.netns().map(n -> " in netns " + n).orElse("") + ": " + e.getMessage(), e);
            }
        }
    }

    /** The PPPoE access servers, one per configured interface. */
    public List<PppoeAccessServer> pppoeServers() {
        return List.copyOf(pppoe);
    }

    public InetSocketAddress l2tpAddress() {
        return endpoint.localAddress();
    }

    /** The admin API's address, when it is enabled. */
    public Optional<InetSocketAddress> adminAddress() {
        return Optional.ofNullable(admin).map(AdminServer::localAddress);
    }

    /** The metrics listener's address ({@code /metrics}, {@code /health}, {@code /ready}), when it is enabled. */
    public Optional<InetSocketAddress> metricsAddress() {
        return Optional.ofNullable(metrics).flatMap(VpdnMetrics::address);
    }

    /** A fresh Prometheus text scrape of this process's metrics (what {@code GET /metrics} serves). */
    public String scrapeMetrics() {
        return metrics.scrape();
    }

    public AccessOptions access() {
        return access;
    }

    /**
     * Applies a reloaded configuration. Live: the request-dialin groups and the tunnel-authorization
     * method list (the next call is selected by them; calls up stay as they are). Everything else is
     * reported as needing a restart: the engine, the RADIUS client, the listeners and identity are
     * fixed at start.
     */
    public synchronized ReloadReport reload(VpdnConfig loaded) {
        if (loaded.role() != Role.LAC) {
            return new ReloadReport(List.of(), List.of(), List.of(loaded.source() + ": role: not a lac configuration"));
        }
        List<String> applied = new ArrayList<>();
        List<String> restart = new ArrayList<>();
        for (ReloadPlan.Change c : ConfigDiff.plan(config, loaded).changes()) {
            boolean live = c.effect() != ReloadPlan.Effect.RESTART
                    && (c.key().startsWith("vpdn-groups") || c.key().startsWith("aaa.tunnel-authorization"));
            (live ? applied : restart).add(c.key());
        }
        VpdnConfig effective = ConfigDiff.effective(config, loaded);
        authorization.reload(effective);
        config = effective;
        LOG.info("event=reload applied={} needs-restart={}", applied.size(), restart.isEmpty() ? "none" : String.join(",", restart));
        return new ReloadReport(applied, restart, List.of());
    }

    /** Re-reads the configuration and applies it; an invalid file changes nothing and says why. */
    public ReloadReport reloadFromSource() {
        if (reloadSource == null) {
            return new ReloadReport(List.of(), List.of(), List.of("started without a configuration file to reload"));
        }
        return switch (reloadSource.get()) {
            case ConfigResult.Invalid inv -> {
                LOG.warn("event=reload-refused errors={}", inv.errors().size());
                yield new ReloadReport(List.of(), List.of(), inv.errors().stream().map(ConfigError::toString).toList());
            }
            case ConfigResult.Loaded l -> reload(l.config());
        };
    }

    /** Where calls are selected now (after any reload). */
    TunnelSelector selector() {
        return authorization.selector();
    }

    public VpdnConfig config() {
        return config;
    }

    public LacCounters counters() {
        return service.counters();
    }

    /** {@code --warmup}: completes with the line to print once every warm-up call has hung up (never without). */
    public CompletableFuture<String> warmedUp() {
        return warmedUp;
    }

    /** Completes when every emulated subscriber has reported (never, without an emulator). */
    public CompletableFuture<List<SubscriberReport>> finished() {
        return finished;
    }

    /** The emulated subscribers' outcome so far. */
    public EmulatorSummary summary() {
        return new EmulatorSummary(access.subscribers().size(), new ArrayList<>(reports), service.counters().refusals());
    }

    /** The calls in progress. */
    public List<CallView> calls() {
        return onLoop(service::calls);
    }

    /** The tunnels of the endpoint, as the engine holds them. */
    public List<TunnelView> tunnels() {
        return onLoop(() -> endpoint.engine().tunnels().stream().map(TunnelView::of).toList());
    }

    /** Runs {@code task} on the LAC's loop and waits for its result. */
    public <T> T onLoop(Supplier<T> task) {
        return endpoint.call(task).join();
    }

    /** Clears every call with CDN and every tunnel with StopCCN, waits for the acknowledgements, stops. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        if (adminModel != null) adminModel.ready(false);
        if (metrics != null) metrics.ready(false);
        LOG.info("event=stopping calls={} tunnels={}", service.activeCalls(), service.pool().tunnelCount());
        try {
            endpoint.call(() -> {
                if (emulator != null) emulator.close();
                service.clearAll("LAC shutting down");
                return null;
            }).join();
        } finally {
            pppoe.forEach(PppoeAccessServer::close);
            endpoint.close(SHUTDOWN_GRACE);
            authorization.close();
            if (metrics != null) metrics.close();
            if (admin != null) admin.close();
            finished.complete(List.copyOf(reports));
        }
        LOG.info("event=stopped offered={} connected={} refused={}", service.counters().callsOffered(),
                service.counters().callsConnected(), refusalCounts(service.counters().refusals()));
    }

    /** The refusals by reason for a log value: {@code none}, or {@code NO_DOMAIN:2,SESSION_LIMIT:1} (no spaces). */
    static String refusalCounts(java.util.Map<net.vpdn.lac.select.RefusalReason, Long> refusals) {
        String s = refusals.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().name() + ":" + e.getValue()).collect(java.util.stream.Collectors.joining(","));
        return s.isEmpty() ? "none" : s;
    }

    /**
     * One tunnel as the admin API shows it.
     *
     * @param localId   our tunnel id
     * @param peerId    the LNS's tunnel id
     * @param peer      the LNS's address
     * @param peerName  the LNS's host name
     * @param state     the control connection's state
     * @param sessions  sessions in the tunnel
     * @param uptime    time since the tunnel was established
     */
    public record TunnelView(int localId, int peerId, InetSocketAddress peer, String peerName, String state, int sessions,
                             Duration uptime) {
        static TunnelView of(Tunnel t) {
            return new TunnelView(t.localId(), t.peerId(), t.peer(), t.peerHostName() == null ? "" : t.peerHostName(),
                    t.state().name(), t.sessionCount(), Duration.ofNanos(t.uptimeNanos()));
        }
    }
}
