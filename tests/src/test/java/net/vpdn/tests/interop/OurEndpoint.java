package net.vpdn.tests.interop;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.EngineConfig;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.SessionListener;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.io.DataHandler;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.tunnel.AcceptDecision;

/**
 * Our L2TP engine on a loopback UDP port, recording what its owner is told, for tests against
 * real peers. Events cross from the event loop to the test thread through blocking queues.
 */
final class OurEndpoint implements AutoCloseable, TunnelListener, SessionListener, CallAcceptor {
    /** Something the engine reported, in the order it happened. */
    sealed interface Event {
        record TunnelUp(Tunnel tunnel) implements Event { }
        record TunnelDown(Tunnel tunnel, Avp.ResultCode cause, boolean byPeer) implements Event { }
        record IncomingCall(Session session, CallParams request) implements Event { }
        record SessionUp(Session session, CallParams connect) implements Event { }
        record SessionDown(Session session, Avp.ResultCode cause, boolean byPeer) implements Event { }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    final NettyL2tpEndpoint endpoint;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private OurEndpoint(int port, String hostName, String acceptHost, String secret) throws InterruptedException {
        TunnelSecret s = secret == null ? null : TunnelSecret.of(secret);
        endpoint = NettyL2tpEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                EngineConfig.defaults(hostName), RandomSource.secure(),
                new NettyL2tpEndpoint.Handlers(
                        acceptHost == null ? null : h -> h.equals(acceptHost) ? new AcceptDecision.Accept(s)
                                : new AcceptDecision.Reject(StopCcnResult.NOT_AUTHORIZED, "not configured: " + h),
                        this, this, DataHandler.DISCARD));
    }

    /** An LNS accepting tunnels from {@code lacHost} with {@code secret}, answering every call. */
    static OurEndpoint lns(int port, String lacHost, String secret) throws InterruptedException {
        return new OurEndpoint(port, "lns1", lacHost, secret);
    }

    /** A LAC: accepts no tunnels, places calls. */
    static OurEndpoint lac(int port) throws InterruptedException {
        return new OurEndpoint(port, "lac1", null, null);
    }

    /** The next event of {@code type}, skipping others; fails after the timeout. */
    <T extends Event> T await(Class<T> type) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try {
            while (true) {
                Event e = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (e == null) throw new AssertionError("no " + type.getSimpleName() + " within " + TIMEOUT);
                if (type.isInstance(e)) return type.cast(e);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ie);
        }
    }

    @Override public void tunnelUp(Tunnel t) { events.add(new Event.TunnelUp(t)); }
    @Override public void tunnelDown(Tunnel t, Avp.ResultCode c, boolean byPeer) { events.add(new Event.TunnelDown(t, c, byPeer)); }
    @Override public void sessionUp(Session s, CallParams p) { events.add(new Event.SessionUp(s, p)); }
    @Override public void sessionDown(Session s, Avp.ResultCode c, boolean byPeer) { events.add(new Event.SessionDown(s, c, byPeer)); }
    @Override public void incomingCall(Session s, CallParams request) {
        events.add(new Event.IncomingCall(s, request));
        s.setListener(this);
        s.answer();
    }

    @Override
    public void close() {
        endpoint.close(Duration.ofSeconds(3));
    }

}
