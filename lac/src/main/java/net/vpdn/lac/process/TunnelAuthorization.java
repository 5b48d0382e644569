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
    private final ReloadableSelector selector;
    private final EventLoopGroup group;
    private final RadiusClient client;
    private final RadiusSettings settings;
    private final RadiusStats stats;
    private TunnelAuthorizer radius;
    private net.vpdn.config.Secret lookupPassword;

    private TunnelAuthorization(VpdnConfig config, EventLoopGroup group, RadiusClient client, RadiusSettings settings,
                                RadiusStats stats) {
        this.group = group;
        this.client = client;
        this.settings = settings;
        this.stats = stats;
        this.lookupPassword = config.aaa().tunnelAuthorizationPassword();
        this.radius = client == null ? null : backend(client, settings, lookupPassword);
        this.selector = new ReloadableSelector(selector(config, radius));
    }

    /**
     * Domain and DNIS lookups ask with {@code aaa.tunnel-authorization-password} as User-Password (IOS's
     * {@code cisco} unless configured); the value is only ever handed to the RADIUS encoder.
     */
    private static TunnelAuthorizer backend(RadiusClient client, RadiusSettings settings, net.vpdn.config.Secret password) {
        return new RadiusBackend(client, settings, Secret.ofBytes(password.bytes()), System::nanoTime);
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
            return new TunnelAuthorization(config, group, client, settings, stats);
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

    /** The configured servers, each with its own timeout, retries and dead time (the first's are the client's). */
    static RadiusSettings radiusSettings(VpdnConfig config) {
        List<RadiusServer> servers = new ArrayList<>();
        for (net.vpdn.config.RadiusServer s : config.radiusServers()) {
            servers.add(new RadiusServer(s.name(), new InetSocketAddress(s.address(), s.authPort()),
                    new InetSocketAddress(s.address(), s.acctPort()), Secret.ofBytes(s.secret().bytes()),
                    Optional.of(new RadiusServer.Timing(s.timeout(), s.retries() + 1, s.deadTime()))));
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
    public synchronized void reload(VpdnConfig config) {
        net.vpdn.config.Secret password = config.aaa().tunnelAuthorizationPassword();
        if (client != null && !password.equals(lookupPassword)) {
            lookupPassword = password;
            radius = backend(client, settings, password);
        }
        selector.swap(selector(config, radius));
    }

    @Override
    public void close() {
        if (client != null) client.close();
        if (group != null) group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
