package net.vpdn.lns.process;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.vpdn.aaa.Authenticator;
import net.vpdn.aaa.MethodList;
import net.vpdn.aaa.acct.AccountingQueue;
import net.vpdn.aaa.radius.DisconnectListener;
import net.vpdn.aaa.radius.RadiusBackend;
import net.vpdn.aaa.radius.RadiusClient;
import net.vpdn.aaa.radius.RadiusSettings;
import net.vpdn.aaa.radius.RadiusStats;
import net.vpdn.config.AaaMethod;
import net.vpdn.config.DynamicAuthorization;
import net.vpdn.config.VpdnConfig;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.Secret;

/**
 * The AAA side of the process: the RADIUS client and backend (when servers are configured, on
 * their own event loop), the accounting queue (when {@code aaa.accounting} names radius) and the
 * RFC 5176 Disconnect listener (when {@code dynamic-authorization} is enabled; same loop).
 * RADIUS servers are fixed at start; method lists and local users follow reloads.
 */
final class AaaServices implements AutoCloseable {
    private static final int ACCOUNTING_CAPACITY = 100_000;
    private static final int ACCOUNTING_WINDOW = 64;
    private static final Duration ACCOUNTING_RETRY = Duration.ofSeconds(5);

    private final EventLoopGroup group;
    private final RadiusClient client;
    private final RadiusBackend radius;
    private final AccountingQueue accounting;
    private final RadiusStats disconnectStats = new RadiusStats();
    /** The RADIUS client's counters; zeros when no client runs. */
    private RadiusStats clientStats = new RadiusStats();
    private DisconnectListener disconnect;

    private AaaServices(EventLoopGroup group, RadiusClient client, RadiusBackend radius, AccountingQueue accounting) {
        this.group = group;
        this.client = client;
        this.radius = radius;
        this.accounting = accounting;
    }

    static AaaServices open(VpdnConfig config) throws InterruptedException {
        Optional<RadiusSettings> settings = ConfigMapping.radius(config);
        boolean das = config.dynamicAuthorization().enabled();
        if (settings.isEmpty() && !das) {
            return new AaaServices(null, null, null, null);
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        if (settings.isEmpty()) {
            return new AaaServices(group, null, null, null);
        }
        try {
            var loop = group.next();
            RadiusStats clientStats = new RadiusStats();
            RadiusClient client = RadiusClient.open(settings.get(), loop, PppRandom.secure(), System::nanoTime,
                    clientStats);
            // The LNS does no tunnel lookups; the backend still wants a password for them.
            RadiusBackend radius = new RadiusBackend(client, settings.get(), Secret.of("unused"), System::nanoTime);
            AccountingQueue accounting = config.aaa().accounting().uses(AaaMethod.RADIUS)
                    ? new AccountingQueue(ACCOUNTING_CAPACITY, ACCOUNTING_WINDOW, ACCOUNTING_RETRY, radius, loop,
                    (delay, task) -> loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS))
                    : null;
            AaaServices services = new AaaServices(group, client, radius, accounting);
            services.clientStats = clientStats;
            return services;
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** The PPP authentication method list of {@code config} (local users from it, RADIUS as started). */
    Authenticator authenticator(VpdnConfig config) {
        List<Authenticator> methods = new ArrayList<>();
        for (AaaMethod m : config.aaa().authentication().methods()) {
            switch (m) {
                case LOCAL -> methods.add(ConfigMapping.localBackend(config));
                case RADIUS -> {
                    if (radius != null) {
                        methods.add(radius);
                    }
                }
            }
        }
        return new MethodList(methods, List.of());
    }

    /**
     * Opens the RFC 5176 Disconnect listener of {@code config} (when enabled) on the AAA loop, each
     * request going to {@code handler}; the bound address, or empty when disabled.
     */
    Optional<InetSocketAddress> listenForDisconnects(DynamicAuthorization das, DisconnectListener.Handler handler)
            throws InterruptedException {
        if (!das.enabled()) {
            return Optional.empty();
        }
        Map<InetAddress, Secret> clients = new HashMap<>();
        das.clients().forEach(c -> clients.put(c.address(), Secret.ofBytes(c.secret().bytes())));
        disconnect = DisconnectListener.open(new InetSocketAddress(das.address(), das.port()), group.next(), clients,
                handler, disconnectStats);
        return Optional.of(disconnect.localAddress());
    }

    /** Disconnect-Requests dropped so far, by reason (unknown client, bad authenticator, ...). */
    RadiusStats disconnectStats() {
        return disconnectStats;
    }

    /** The RADIUS client's counters, for metrics. */
    RadiusStats clientStats() {
        return clientStats;
    }

    Optional<AccountingQueue> accountingQueue() {
        return Optional.ofNullable(accounting);
    }

    /** Waits up to {@code grace} for queued accounting to be sent (shutdown path, off every event loop). */
    void drain(Duration grace) {
        if (accounting == null) {
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (accounting.backlog() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        if (disconnect != null) {
            disconnect.close();
        }
        if (client != null) {
            client.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
