package net.vpdn.lac.process;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.vpdn.aaa.TunnelAuthorizer;
import net.vpdn.aaa.radius.RadiusBackend;
import net.vpdn.aaa.radius.RadiusClient;
import net.vpdn.aaa.radius.RadiusServer;
import net.vpdn.aaa.radius.RadiusSettings;
import net.vpdn.aaa.radius.RadiusStats;
import net.vpdn.config.AaaMethod;
import net.vpdn.config.VpdnConfig;
import net.vpdn.lac.select.TunnelSelector;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.Secret;

/**
 * Where the LAC's calls find their tunnels: the {@code aaa.tunnel-authorization} method list over the
 * local vpdn-groups and, when it names {@code radius}, a RADIUS client (on its own event loop) asking
 * for RFC 2868 tunnel attributes by domain or DNIS.
 */
public final class TunnelAuthorization implements AutoCloseable {
    /**
     * The User-Password of a domain lookup. RADIUS servers set up for Cisco LACs expect {@code cisco}
     * (IOS sends it unless told otherwise), so we do the same.
     */
    public static final String DOMAIN_LOOKUP_PASSWORD = "cisco";

    private final ReloadableSelector selector;
    private final EventLoopGroup group;
    private final RadiusClient client;
    private final TunnelAuthorizer radius;
    private final RadiusStats stats;

    private TunnelAuthorization(VpdnConfig config, EventLoopGroup group, RadiusClient client, TunnelAuthorizer radius,
                                RadiusStats stats) {
        this.selector = new ReloadableSelector(selector(config, radius));
        this.group = group;
        this.client = client;
        this.radius = radius;
        this.stats = stats;
    }

    /** Starts RADIUS when the method list names it. */
    public static TunnelAuthorization open(VpdnConfig config) throws InterruptedException {
        if (!config.aaa().tunnelAuthorization().uses(AaaMethod.RADIUS) || config.radiusServers().isEmpty()) {
            return new TunnelAuthorization(config, null, null, null, new RadiusStats());
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            RadiusSettings settings = radiusSettings(config);
            RadiusStats stats = new RadiusStats();
            RadiusClient client = RadiusClient.open(settings, group.next(), PppRandom.secure(), System::nanoTime, stats);
            RadiusBackend radius = new RadiusBackend(client, settings, Secret.of(DOMAIN_LOOKUP_PASSWORD), System::nanoTime);
            return new TunnelAuthorization(config, group, client, radius, stats);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * The selector for {@code config}: the local groups alone when the list is {@code [local]} (or
     * empty), else the method list in its order with {@code radius} as the RADIUS method.
     */
    public static TunnelSelector selector(VpdnConfig config, TunnelAuthorizer radius) {
        var local = GroupMapping.localSelector(config);
        List<AaaMethod> methods = config.aaa().tunnelAuthorization().methods();
        if (radius == null || !methods.contains(AaaMethod.RADIUS)) return local;
        List<MethodListSelector.Method> list = new ArrayList<>();
        for (AaaMethod m : methods) {
            list.add(switch (m) {
                case LOCAL -> MethodListSelector.local(local);
                case RADIUS -> MethodListSelector.radius(radius, config.hostname());
            });
        }
        return new MethodListSelector(list);
    }

    /** The configured servers; timeout, retries and dead time of the first apply to all (one client). */
    static RadiusSettings radiusSettings(VpdnConfig config) {
        List<RadiusServer> servers = new ArrayList<>();
        for (net.vpdn.config.RadiusServer s : config.radiusServers()) {
            servers.add(new RadiusServer(s.name(), new InetSocketAddress(s.address(), s.authPort()),
                    new InetSocketAddress(s.address(), s.acctPort()), Secret.ofBytes(s.secret().bytes())));
        }
        net.vpdn.config.RadiusServer first = config.radiusServers().getFirst();
        RadiusSettings d = RadiusSettings.defaults(servers, config.hostname());
        return new RadiusSettings(servers, first.timeout(), first.retries() + 1, first.deadTime(), d.sourceSockets(),
                d.maxWaiting(), Optional.of(config.hostname()), false);
    }

    /** The RADIUS client's counters, for metrics (zeros when RADIUS is not used). */
    public RadiusStats radiusStats() {
        return stats;
    }

    /** Whether tunnel lookups go to RADIUS. */
    public boolean usesRadius() {
        return client != null;
    }

    public TunnelSelector selector() {
        return selector;
    }

    /**
     * Applies a reloaded configuration's groups and method list to calls placed from now on; calls
     * in progress keep the answer they had. The RADIUS client stays as started (its servers are a
     * restart item).
     */
    public void reload(VpdnConfig config) {
        selector.swap(selector(config, radius));
    }

    @Override
    public void close() {
        if (client != null) client.close();
        if (group != null) group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
