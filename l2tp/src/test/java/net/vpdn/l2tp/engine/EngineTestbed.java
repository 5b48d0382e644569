package net.vpdn.l2tp.engine;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.testing.FakeLink;
import net.vpdn.l2tp.testing.LinkImpairment;
import net.vpdn.l2tp.testing.ManualScheduler;
import net.vpdn.l2tp.tunnel.AcceptDecision;
import net.vpdn.l2tp.tunnel.TunnelAcceptor;

/**
 * Two engines, a LAC (side A) and an LNS (side B), joined by a {@link FakeLink} under one virtual
 * clock. Addresses are labels only: nothing leaves the JVM.
 */
final class EngineTestbed {
    static final InetSocketAddress LAC_ADDR = addr("127.0.0.1", 1701);
    static final InetSocketAddress LNS_ADDR = addr("127.0.0.2", 1701);

    record Datagram(InetSocketAddress from, InetSocketAddress to, byte[] bytes) { }

    /** Everything the owner callbacks saw, in order. */
    static final class Recorder implements TunnelListener, SessionListener, CallAcceptor {
        final List<String> events = new ArrayList<>();
        final List<Session> up = new ArrayList<>();
        final List<Avp.ResultCode> tunnelDown = new ArrayList<>();
        final List<Avp.ResultCode> sessionDown = new ArrayList<>();
        final List<CallParams> connectParams = new ArrayList<>();
        boolean answer = true;

        @Override public void tunnelUp(Tunnel t) { events.add("tunnelUp"); }
        @Override public void tunnelDown(Tunnel t, Avp.ResultCode cause, boolean byPeer) {
            events.add("tunnelDown" + (byPeer ? "ByPeer" : ""));
            tunnelDown.add(cause);
        }
        @Override public void sessionUp(Session s, CallParams p) {
            events.add("sessionUp");
            up.add(s);
            connectParams.add(p);
        }
        @Override public void sessionDown(Session s, Avp.ResultCode cause, boolean byPeer) {
            events.add("sessionDown" + (byPeer ? "ByPeer" : ""));
            sessionDown.add(cause);
        }
        @Override public void incomingCall(Session s, CallParams request) {
            events.add("incomingCall");
            s.setListener(this);
            if (answer) s.answer();
        }
    }

    final ManualScheduler clock = new ManualScheduler();
    final FakeLink<Datagram> link;
    final L2tpEngine lac;
    final L2tpEngine lns;
    final Recorder lacEvents = new Recorder();
    final Recorder lnsEvents = new Recorder();
    /** Rewrites datagrams the LNS sends (e.g. to float its source port). */
    UnaryOperator<Datagram> lnsEgress = UnaryOperator.identity();

    EngineTestbed(LinkImpairment<Datagram> impairment, EngineConfig lacConfig, EngineConfig lnsConfig,
                  TunnelAcceptor acceptor) {
        this(impairment, lacConfig, lnsConfig, null, acceptor);
    }

    /** With {@code lacAcceptor} the "LAC" side accepts tunnels too (for simultaneous open). */
    EngineTestbed(LinkImpairment<Datagram> impairment, EngineConfig lacConfig, EngineConfig lnsConfig,
                  TunnelAcceptor lacAcceptor, TunnelAcceptor acceptor) {
        link = new FakeLink<>(clock, impairment);
        lac = new L2tpEngine(lacConfig, host(FakeLink.Side.A, LAC_ADDR, UnaryOperator.identity()),
                RandomSource.seeded(1), lacAcceptor, lacEvents, lacEvents);
        lns = new L2tpEngine(lnsConfig, host(FakeLink.Side.B, LNS_ADDR, d -> lnsEgress.apply(d)),
                RandomSource.seeded(2), acceptor, lnsEvents, lnsEvents);
        link.attach(FakeLink.Side.A, d -> lac.onControlDatagram(d.from(), d.bytes(), 0, d.bytes().length));
        link.attach(FakeLink.Side.B, d -> lns.onControlDatagram(d.from(), d.bytes(), 0, d.bytes().length));
    }

    /** A lossless link with 5 ms latency, default configs, the LNS accepting "lac1" with {@code secret}. */
    static EngineTestbed withSecret(TunnelSecret secret) {
        return new EngineTestbed(LinkImpairment.perfect(Duration.ofMillis(5)), EngineConfig.defaults("lac1"),
                EngineConfig.defaults("lns1"), acceptOnly("lac1", secret));
    }

    static TunnelAcceptor acceptOnly(String host, TunnelSecret secret) {
        return name -> name.equals(host) ? new AcceptDecision.Accept(secret)
                : new AcceptDecision.Reject(net.vpdn.l2tp.avp.StopCcnResult.NOT_AUTHORIZED, "unknown LAC " + name);
    }

    private EngineHost host(FakeLink.Side side, InetSocketAddress self, UnaryOperator<Datagram> egress) {
        return new EngineHost() {
            public long nanoTime() { return clock.nowNanos(); }
            public TimerHandle schedule(Duration delay, Runnable task) {
                Object key = clock.schedule(delay, task);
                return () -> clock.cancel(key);
            }
            public void sendControl(InetSocketAddress to, byte[] datagram) {
                link.send(side, egress.apply(new Datagram(self, to, datagram)));
            }
        };
    }

    /** Runs virtual time until {@code done} or the limit. */
    boolean runUntil(java.util.function.BooleanSupplier done, Duration limit) {
        return clock.runUntil(done, limit);
    }

    static InetSocketAddress addr(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
