package net.vpdn.lns.process;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.vpdn.aaa.Accounting;
import net.vpdn.aaa.radius.DisconnectListener;
import net.vpdn.aaa.radius.RadiusObserver;
import net.vpdn.admin.AdminServer;
import net.vpdn.admin.AdminToken;
import net.vpdn.admin.ReloadReport;
import net.vpdn.config.AaaMethod;
import net.vpdn.config.ConfigDiff;
import net.vpdn.config.ReloadPlan;
import net.vpdn.config.Role;
import net.vpdn.config.VpdnConfig;
import net.vpdn.l2tp.LogText;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.metrics.AaaMetrics;
import net.vpdn.metrics.MetricNames;
import net.vpdn.metrics.VpdnMetrics;
import net.vpdn.lns.EndpointScheduler;
import net.vpdn.lns.LnsContext;
import net.vpdn.lns.PoolAddressAssigner;
import net.vpdn.lns.ip.IpForwarder;
import net.vpdn.lns.ip.PacketEgress;
import net.vpdn.lns.uplink.TunEgress;
import net.vpdn.ppp.PppRandom;
import net.vpdn.runtime.EngineSettings;
import net.vpdn.runtime.ProcessStart;
import net.vpdn.vtemplate.Ipv4Pool;
import net.vpdn.vtemplate.VirtualAccessCloner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LNS process: one L2TP endpoint on the configured address, the accept-dialin groups as its
 * tunnel and call policy, one {@link LnsContext} per group, pools, AAA and accounting. Startable
 * in-JVM ({@link #start}); {@link #close} is the clean shutdown (every session ended with
 * accounting Stop cause Admin-Reboot and a CDN, then StopCCN to every peer).
 */
public final class LnsProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("vpdn.lns");

    /** Loads the configuration for a reload; refuses with the problems, one per line. */
    @FunctionalInterface
    public interface ConfigSource {
        VpdnConfig load() throws ProcessStart.Refused;
    }

    /**
     * Leak counters: after every session is gone, all but the refusal counts are zero.
     *
     * @param tunnels tunnels in the engine
     * @param engineSessions L2TP sessions in the engine's tunnels
     * @param calls calls the process tracks
     * @param inSetup calls holding an admission slot
     * @param virtualAccess live Virtual-Access interfaces
     * @param poolInUse addresses leased from every pool
     * @param routes subscriber routes in the forwarder
     * @param admissionRefused ICRQs refused by admission control so far
     */
    public record Counters(int tunnels, int engineSessions, int calls, int inSetup, int virtualAccess, int poolInUse,
                           int routes, long admissionRefused) { }

    private final NettyL2tpEndpoint endpoint;
    private final CallRouter router;
    private final AtomicReference<Policy> policy;
    private final Shared shared;
    private final AaaServices aaa;
    private final LnsOptions options;
    private final Teardowns teardowns;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService reloads = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon()
            .name("vpdn-lns-reload").unstarted(r));
    private volatile AdminServer admin;
    private volatile VpdnMetrics metrics;
    private volatile InetSocketAddress disconnectAddress;

    private LnsProcess(NettyL2tpEndpoint endpoint, CallRouter router, AtomicReference<Policy> policy, Shared shared,
                       AaaServices aaa, LnsOptions options) {
        this.endpoint = endpoint;
        this.router = router;
        this.policy = policy;
        this.shared = shared;
        this.aaa = aaa;
        this.options = options;
        this.teardowns = new Teardowns(endpoint, router);
    }

    /** Loop-confined state every group's context shares. */
    private record Shared(VirtualAccessCloner cloner, IpForwarder forwarder, Map<String, Ipv4Pool> pools,
                          EndpointScheduler loop, AaaAuthorizer authorizer, PoolAddressAssigner addresses,
                          Optional<TunEgress> uplink) { }

    /** Starts with the default options. */
    public static LnsProcess start(VpdnConfig config) throws InterruptedException {
        return start(config, LnsOptions.DEFAULTS);
    }

    /** Binds the L2TP listener and starts serving {@code config} (an LNS configuration, already validated). */
    public static LnsProcess start(VpdnConfig config, LnsOptions options) throws InterruptedException {
        if (config.role() != Role.LNS) {
            throw new IllegalArgumentException("not an LNS configuration: " + config.role());
        }
        AaaServices aaa = AaaServices.open(config);
        AtomicReference<Policy> policy = new AtomicReference<>();
        List<Accounting> sinks = new ArrayList<>();
        aaa.accountingQueue().ifPresent(sinks::add);
        Optional.ofNullable(options.accountingTap()).ifPresent(sinks::add);
        InetSocketAddress bind = new InetSocketAddress(config.l2tp().listenAddress(), config.l2tp().listenPort());
        String acctPrefix = String.format("%08X", Instant.now().getEpochSecond());
        CallRouter router = new CallRouter(policy::get, options.maxSessionsInSetup(),
                new SessionAccounting(fanOut(sinks), bind.getAddress().getHostAddress()), acctPrefix);
        NettyL2tpEndpoint endpoint;
        Optional<TunEgress> uplink = Optional.empty();
        try {
            uplink = Uplinks.open(config);
            endpoint = NettyL2tpEndpoint.start(bind, EngineSettings.engine(config), RandomSource.secure(),
                    new NettyL2tpEndpoint.Handlers(router::decideTunnel, router, router, router));
        } catch (RuntimeException | InterruptedException e) {
            uplink.ifPresent(TunEgress::close);
            aaa.close();
            throw e;
        }
        Map<String, Ipv4Pool> pools = ConfigMapping.pools(config);
        AaaAuthorizer authorizer = new AaaAuthorizer(() -> policy.get().authenticator(), router::acctSessionId);
        PoolAddressAssigner addresses = new PoolAddressAssigner(pools,
                user -> Optional.ofNullable(policy.get().staticAddresses().get(user)));
        IpForwarder forwarder = new IpForwarder(1024, uplink.map(u -> (PacketEgress) u));
        Shared shared = new Shared(new VirtualAccessCloner(options.maxVirtualAccess(), PppRandom.secure()),
                forwarder, pools, new EndpointScheduler(endpoint), authorizer, addresses, uplink);
        LnsProcess process = new LnsProcess(endpoint, router, policy, shared, aaa, options);
        VpdnMetrics metrics = process.bindMetrics(config);
        metrics.bindL2tp(endpoint.engine());
        endpoint.call(() -> {
            policy.set(process.build(config));
            router.bind(endpoint);
            router.observe(metrics.bindCalls());
            return null;
        }).join();
        try {
            process.metrics = metrics;
            metrics.listen(config.metrics());
            process.startAdmin(config);
            Uplinks.start(config, shared.uplink(), endpoint, forwarder);
            process.disconnectAddress = aaa.listenForDisconnects(config.dynamicAuthorization(), process::disconnect)
                    .orElse(null);
        } catch (RuntimeException | InterruptedException e) {
            process.close();
            throw e;
        }
        metrics.ready(true);
        LOG.info("event=started hostname={} l2tp={} admin={} metrics={} dynamic-authorization={} groups={} pools={} accounting={}",
                config.hostname(), LogText.address(endpoint.localAddress()),
                process.adminAddress().map(LogText::address).orElse("off"),
                process.metricsAddress().map(LogText::address).orElse("off"),
                process.disconnectAddress().map(LogText::address).orElse("off"),
                config.acceptDialinGroups().size(), String.join(",", pools.keySet()), aaa.accountingQueue().isPresent() ? "radius" : "off");
        return process;
    }

    /** The registry over the engine, pools, AAA and this process's call state (loop state read on the loop). */
    private VpdnMetrics bindMetrics(VpdnConfig config) {
        VpdnMetrics m = VpdnMetrics.create(endpoint::execute);
        m.bindPools(() -> {
            Map<String, Ipv4Pool.Usage> usage = new java.util.LinkedHashMap<>();
            shared.pools().forEach((n, p) -> usage.put(n, p.usage()));
            return usage;
        });
        m.loopGauge(MetricNames.LNS_CALLS_IN_SETUP, "Calls between ICRQ and IPCP up", router::inSetup);
        m.loopGauge(MetricNames.LNS_VIRTUAL_ACCESS, "Live Virtual-Access interfaces", () -> shared.cloner().live());
        var types = java.util.EnumSet.noneOf(RadiusObserver.Type.class);
        if (config.aaa().authentication().uses(AaaMethod.RADIUS)) types.add(RadiusObserver.Type.ACCESS);
        if (aaa.accountingQueue().isPresent()) types.add(RadiusObserver.Type.ACCOUNTING);
        AaaMetrics.bindRadius(m.registry(), "client", aaa.clientStats(),
                config.radiusServers().stream().map(s -> s.name()).toList(), types);
        AaaMetrics.bindRadius(m.registry(), "disconnect", aaa.disconnectStats());
        aaa.accountingQueue().ifPresent(q -> AaaMetrics.bindAccounting(m.registry(), q));
        return m;
    }

    private static Accounting fanOut(List<Accounting> sinks) {
        List<Accounting> all = List.copyOf(sinks);
        return record -> all.forEach(a -> a.account(record));
    }

    /** Runs on the loop: the policy of {@code config} over the shared state. */
    private Policy build(VpdnConfig config) {
        ConfigMapping.reserveStatics(config, shared.pools());
        List<Policy.Group> groups = config.acceptDialinGroups().stream().map(g -> new Policy.Group(g,
                LnsContext.create(ConfigMapping.template(config, g), shared.cloner(), shared.loop(), shared.authorizer(),
                        shared.addresses(), shared.forwarder(), router, config.aaa().accountingInterimInterval())))
                .toList();
        return new Policy(config, groups, aaa.authenticator(config), ConfigMapping.staticAddresses(config));
    }

    private void startAdmin(VpdnConfig config) {
        if (!config.admin().enabled()) {
            return;
        }
        AdminServer.Builder b = AdminServer.builder(new LnsAdminModel(this, teardowns, reloads))
                .bind(new InetSocketAddress(config.admin().address(), config.admin().port()));
        config.admin().token().ifPresent(t -> b.token(AdminToken.of(t.reveal())));
        admin = b.start();
    }

    /** The bound admin API address, when it is enabled. */
    public Optional<InetSocketAddress> adminAddress() {
        return Optional.ofNullable(admin).map(AdminServer::localAddress);
    }

    /** The bound metrics listener ({@code /metrics}, {@code /health}, {@code /ready}), when it is enabled. */
    public Optional<InetSocketAddress> metricsAddress() {
        return Optional.ofNullable(metrics).flatMap(VpdnMetrics::address);
    }

    /** A fresh Prometheus text scrape of this process's metrics (the same text {@code GET /metrics} serves). */
    public String scrapeMetrics() {
        return metrics.scrape();
    }

    /** The bound RFC 5176 Disconnect listener address, when {@code dynamic-authorization} is enabled. */
    public Optional<InetSocketAddress> disconnectAddress() {
        return Optional.ofNullable(disconnectAddress);
    }

    /**
     * Reload from the configured source (SIGHUP, {@code POST /api/reload}): an invalid file changes
     * nothing and is reported as errors. Entries name keys only, never values.
     */
    public synchronized ReloadReport reloadFromSource() {
        VpdnConfig loaded;
        try {
            ConfigSource source = options.reloadSource() != null ? options.reloadSource()
                    : () -> ProcessStart.load(new ProcessStart.Arguments(config().source(), List.of(), List.of()),
                    System.getenv(), Role.LNS);
            loaded = source.load();
        } catch (ProcessStart.Refused r) {
            // the old configuration stays in force: a warning, not an error of the running process
            r.lines().forEach(l -> LOG.warn("event=reload-refused problem=\"{}\"", LogText.quoted(l)));
            return new ReloadReport(List.of(), List.of(), r.lines());
        }
        ReloadResult result = reload(loaded);
        result.needsRestart().forEach(c -> LOG.warn("event=reload-needs-restart key={}", c.key()));
        return new ReloadReport(result.applied().stream().map(ReloadPlan.Change::key).toList(),
                result.needsRestart().stream().map(ReloadPlan.Change::key).toList(), List.of());
    }

    /** The bound L2TP address (port 0 in the file picks a free one). */
    public InetSocketAddress l2tpAddress() {
        return endpoint.localAddress();
    }

    /** The configuration in force (after reloads, the effective one). */
    public VpdnConfig config() {
        return policy.get().config();
    }

    /** The endpoint, for views (run reads through {@link NettyL2tpEndpoint#call}). */
    NettyL2tpEndpoint endpoint() {
        return endpoint;
    }

    CallRouter router() {
        return router;
    }

    Policy policy() {
        return policy.get();
    }

    /** Every tunnel, by local id. */
    public List<LnsViews.TunnelView> tunnels() {
        return LnsViews.tunnels(this);
    }

    /** Every call the process answered, by tunnel and session id. */
    public List<LnsViews.SessionView> sessions() {
        return LnsViews.sessions(this);
    }

    /** The leak counters, read on the event loop. */
    public Counters counters() {
        return endpoint.call(() -> new Counters(endpoint.engine().tunnels().size(),
                endpoint.engine().tunnels().stream().mapToInt(t -> t.sessionCount()).sum(), router.calls().size(),
                router.inSetup(), shared.cloner().live(),
                shared.pools().values().stream().mapToInt(p -> p.usage().inUse()).sum(),
                shared.forwarder().routeCount(), router.admissionRefused())).join();
    }

    /** Pool usage by name, read on the event loop. */
    public Map<String, Ipv4Pool.Usage> poolUsage() {
        return endpoint.call(() -> {
            Map<String, Ipv4Pool.Usage> m = new java.util.LinkedHashMap<>();
            shared.pools().forEach((n, p) -> m.put(n, p.usage()));
            return Map.copyOf(m);
        }).join();
    }

    /** Admin clear of one session (Acct-Terminate-Cause Admin-Reset); whether it existed. */
    public boolean clearSession(int tunnelId, int sessionId) {
        return teardowns.clearSession(tunnelId, sessionId);
    }

    /** Admin clear of one tunnel: its sessions end with Admin-Reset, then StopCCN; whether it existed. */
    public boolean clearTunnel(int tunnelId) {
        return teardowns.clearTunnel(tunnelId);
    }

    /**
     * RFC 5176 Disconnect-Request: ends the sessions named by Acct-Session-Id or User-Name, each with
     * accounting Stop and a CDN. The cause is Admin-Reset (RFC 2866 §5.10: "administrator reset the
     * port or session"), which is what NASes commonly report for a RADIUS-initiated disconnect; RFC 5176
     * §3.6 also lets a request carry its own Acct-Terminate-Cause, which is not honoured here.
     * Usable as a {@link DisconnectListener.Handler}.
     */
    public java.util.concurrent.CompletionStage<Integer> disconnect(DisconnectListener.Target target) {
        return teardowns.disconnect(target);
    }

    /**
     * Reload: plans the change from the running configuration, applies what is live here and
     * returns the plan with what waits for a restart.
     */
    public ReloadResult reload(VpdnConfig loaded) {
        VpdnConfig running = policy.get().config();
        ReloadPlan plan = ConfigDiff.plan(running, loaded);
        ReloadResult result = ReloadResult.of(plan);
        VpdnConfig effective = ConfigDiff.effective(running, loaded);
        VpdnConfig kept = new VpdnConfig(effective.source(), effective.role(), effective.hostname(), running.l2tp(),
                effective.vpdnGroups(), effective.virtualTemplates(), running.ipPools(), effective.localUsers(),
                running.radiusServers(), effective.aaa(), effective.admin(), effective.metrics(),
                running.dynamicAuthorization());
        endpoint.call(() -> {
            policy.set(build(kept));
            return null;
        }).join();
        List<String> restart = result.needsRestart().stream().map(ReloadPlan.Change::key).toList();
        LOG.info("event=reload applied={} needs-restart={}", result.applied().size(),
                restart.isEmpty() ? "none" : String.join(",", restart));
        return result;
    }

    /** Clean shutdown; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (admin != null) {
            admin.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        reloads.shutdownNow();
        int ended = teardowns.endAll();
        LOG.info("event=shutdown sessions-ended={}", ended);
        endpoint.close(options.shutdownGrace());
        shared.uplink().ifPresent(TunEgress::close);
        aaa.drain(options.shutdownGrace());
        aaa.close();
        LOG.info("event=stopped");
    }
}
