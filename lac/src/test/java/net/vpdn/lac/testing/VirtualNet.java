package net.vpdn.lac.testing;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.EngineConfig;
import net.vpdn.l2tp.engine.EngineHost;
import net.vpdn.l2tp.engine.L2tpEngine;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.tunnel.TunnelAcceptor;

/**
 * L2TP engines at labelled addresses joined by an in-memory network with 1 ms latency, under one
 * virtual clock. A datagram to an address with no engine is lost (a dead LNS).
 */
public final class VirtualNet {
    private record Task(long due, long order, Runnable run) { }

    private final PriorityQueue<Task> queue = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private final Map<InetSocketAddress, L2tpEngine> engines = new HashMap<>();
    private long now = 1_000_000_000L;
    private long order;

    public long nowNanos() { return now; }

    /** An engine at {@code address}. */
    public L2tpEngine engine(InetSocketAddress address, String hostName, TunnelAcceptor acceptor, long seed) {
        return engine(address, hostName, acceptor, (s, p) -> s.answer(), seed);
    }

    /** An engine at {@code address} whose incoming calls go to {@code calls} (answer, reject or leave them). */
    public L2tpEngine engine(InetSocketAddress address, String hostName, TunnelAcceptor acceptor, CallAcceptor calls,
                             long seed) {
        L2tpEngine e = new L2tpEngine(EngineConfig.defaults(hostName), host(address), RandomSource.seeded(seed),
                acceptor, calls, TunnelListener.NONE);
        engines.put(address, e);
        return e;
    }

    /** Takes the engine at {@code address} off the network. */
    public void remove(InetSocketAddress address) {
        engines.remove(address);
    }

    private EngineHost host(InetSocketAddress self) {
        return new EngineHost() {
            public long nanoTime() { return now; }
            public TimerHandle schedule(Duration delay, Runnable task) {
                Task t = at(delay, task);
                return () -> queue.remove(t);
            }
            public void sendControl(InetSocketAddress to, byte[] datagram) {
                at(Duration.ofMillis(1), () -> {
                    L2tpEngine peer = engines.get(to);
                    if (peer != null) peer.onControlDatagram(self, datagram, 0, datagram.length);
                });
            }
        };
    }

    private Task at(Duration delay, Runnable run) {
        Task t = new Task(now + delay.toNanos(), order++, run);
        queue.add(t);
        return t;
    }

    /** Runs tasks until {@code done} holds or {@code limit} of virtual time passes; returns {@code done}. */
    public boolean runUntil(BooleanSupplier done, Duration limit) {
        long until = now + limit.toNanos();
        while (!done.getAsBoolean()) {
            Task t = queue.peek();
            if (t == null || t.due > until) {
                now = Math.max(now, until);
                return done.getAsBoolean();
            }
            queue.poll();
            now = Math.max(now, t.due);
            t.run.run();
        }
        return true;
    }

    /** Advances virtual time by {@code d}, running everything due. */
    public void advance(Duration d) {
        runUntil(() -> false, d);
    }

    public static InetSocketAddress addr(String ip) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), 1701);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
