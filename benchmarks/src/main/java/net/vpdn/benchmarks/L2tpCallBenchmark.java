package net.vpdn.benchmarks;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.EngineConfig;
import net.vpdn.l2tp.engine.EngineHost;
import net.vpdn.l2tp.engine.L2tpEngine;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.SessionListener;
import net.vpdn.l2tp.engine.TimerWheel;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.transport.TransportConfig;
import net.vpdn.l2tp.tunnel.AcceptDecision;
import net.vpdn.l2tp.tunnel.TunnelParams;
import net.vpdn.l2tp.tunnel.TunnelState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU and allocation of one L2TP call's whole life on an established tunnel, between two real
 * {@link L2tpEngine}s (a LAC and an LNS) joined in memory: ICRQ, ICRP, ICCN (both ends report the
 * session up), then the LAC's CDN, then the delayed ZLB acknowledgements, until both tunnels hold
 * no session and have nothing unacknowledged. Every datagram goes through the real encoder,
 * decoder, AVP codec, reliable transport and tunnel and session state machines; only the socket is
 * missing. Time is virtual: one host (both engines) reads a field as its clock and keeps its timers
 * on the production {@link TimerWheel}; each operation advances the clock past the 100 ms ack delay
 * so the ZLBs go out, as they would on a quiet tunnel (every 60 s of virtual time a HELLO and its
 * ZLB ride along). The tunnel, with its secret and challenge, is opened once in {@link #setup}.
 *
 * <p>Why it matters at carrier scale: the goal is 5,000 L2TP session setups per second on two cores
 * and a storm of 10,000 calls clearing and redialling at once; the ns per call here, both ends
 * together, is the engine's share of that budget, and B/op the garbage each call leaves. Run with
 * {@code ./vpdn bench L2tpCallBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class L2tpCallBenchmark {
    private static final TunnelSecret SECRET = TunnelSecret.of("benchmark-secret");
    /** Past the ack delay, so each operation ends with both transports idle. */
    private static final long QUIET_NANOS = TransportConfig.DEFAULT_ACK_DELAY.toNanos() + Duration.ofMillis(20).toNanos();
    private static final int MAX_DATAGRAMS = 1_000;

    private final CallParams icrq = CallParams.of(new Avp.CallingNumber("0311112222"), new Avp.CalledNumber("100"),
            new Avp.BearerType(true, false));
    private final CallParams iccn = CallParams.of(new Avp.TxConnectSpeed(10_000_000), new Avp.FramingType(true, false),
            new Avp.ProxyAuthenType(2), new Avp.ProxyAuthenName("alice@example.com"));
    private final Counts lacEvents = new Counts();
    private final Counts lnsEvents = new Counts();
    private VirtualHost host;
    private L2tpEngine lac;
    private L2tpEngine lns;
    private Tunnel tunnel;

    @Setup
    public void setup() throws Exception {
        InetSocketAddress lacAddr = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 1701);
        InetSocketAddress lnsAddr = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 2}), 1701);
        host = new VirtualHost();
        lac = new L2tpEngine(EngineConfig.defaults("lac1"), host.endpoint(lacAddr), RandomSource.seeded(1),
                null, CallAcceptor.REFUSE, lacEvents);
        lns = new L2tpEngine(EngineConfig.defaults("lns1"), host.endpoint(lnsAddr), RandomSource.seeded(2),
                peer -> new AcceptDecision.Accept(SECRET), lnsEvents, lnsEvents);
        host.attach(lacAddr, lac);
        host.attach(lnsAddr, lns);
        lac.run(() -> tunnel = lac.openTunnel(lnsAddr, TunnelParams.defaults("lac1").withSecret(SECRET), lacEvents));
        host.pump();
        host.advance(QUIET_NANOS);
        if (tunnel.state() != TunnelState.ESTABLISHED || lns.tunnel(tunnel.peerId()) == null) {
            throw new IllegalStateException("tunnel did not come up: " + tunnel.state());
        }
        call(); // fails fast when a call does not go through
    }

    /** ICRQ to established on both ends, then CDN and the acknowledgements; returns the datagrams exchanged. */
    @Benchmark
    public int call() {
        int before = host.delivered;
        int lnsUp = lnsEvents.up;
        int lnsDown = lnsEvents.down;
        Session[] placed = new Session[1];
        lac.run(() -> placed[0] = tunnel.placeCall(icrq, iccn, lacEvents));
        host.pump();
        if (lnsEvents.up != lnsUp + 1 || !placed[0].isEstablished()) {
            throw new IllegalStateException("call not established: " + placed[0].state());
        }
        placed[0].close(CdnResult.ADMINISTRATIVE, ErrorCode.NO_GENERAL_ERROR, "hang up");
        host.pump();
        host.advance(QUIET_NANOS);
        Tunnel far = lns.tunnel(tunnel.peerId());
        if (lnsEvents.down != lnsDown + 1 || tunnel.sessionCount() != 0 || far.sessionCount() != 0
                || !tunnel.transport().isIdle() || !far.transport().isIdle()
                || tunnel.transport().isAckPending() || far.transport().isAckPending()) {
            throw new IllegalStateException("call not cleared: " + tunnel.sessionCount() + "/" + far.sessionCount());
        }
        return host.delivered - before;
    }

    /** Counts the owner callbacks and answers every incoming call. */
    private static final class Counts implements TunnelListener, SessionListener, CallAcceptor {
        int up;
        int down;

        @Override
        public void incomingCall(Session session, CallParams request) {
            session.setListener(this);
            session.answer();
        }

        @Override
        public void sessionUp(Session session, CallParams connectParams) {
            up++;
        }

        @Override
        public void sessionDown(Session session, Avp.ResultCode cause, boolean byPeer) {
            down++;
        }
    }

    /**
     * One thread hosting both engines: a settable clock, the production timer wheel on it, and a FIFO
     * of datagrams in flight that {@link #pump} hands to the addressed engine. Nothing leaves the JVM.
     */
    private static final class VirtualHost {
        private record Datagram(InetSocketAddress from, InetSocketAddress to, byte[] bytes) { }

        private long now = 1_000_000_000L;
        private final TimerWheel wheel = new TimerWheel(() -> now, Duration.ofMillis(10), 512);
        private final ArrayDeque<Datagram> inFlight = new ArrayDeque<>();
        private InetSocketAddress addrA;
        private L2tpEngine engineA;
        private L2tpEngine engineB;
        int delivered;

        void attach(InetSocketAddress address, L2tpEngine engine) {
            if (engineA == null) {
                addrA = address;
                engineA = engine;
            } else {
                engineB = engine;
            }
        }

        EngineHost endpoint(InetSocketAddress self) {
            return new EngineHost() {
                @Override
                public long nanoTime() {
                    return now;
                }

                @Override
                public TimerHandle schedule(Duration delay, Runnable task) {
                    return wheel.arm(delay, task);
                }

                @Override
                public void sendControl(InetSocketAddress to, byte[] datagram) {
                    inFlight.add(new Datagram(self, to, datagram));
                }
            };
        }

        /** Delivers datagrams until none is in flight (replies join the end of the queue). */
        void pump() {
            for (int n = 0; !inFlight.isEmpty(); n++) {
                if (n > MAX_DATAGRAMS) {
                    throw new IllegalStateException("more than " + MAX_DATAGRAMS + " datagrams without a pause");
                }
                Datagram d = inFlight.poll();
                L2tpEngine to = d.to().equals(addrA) ? engineA : engineB;
                to.onControlDatagram(d.from(), d.bytes(), 0, d.bytes().length);
                delivered++;
            }
        }

        /** Moves the clock forward, firing due timers tick by tick with the datagrams they cause delivered. */
        void advance(long nanos) {
            long end = now + nanos;
            while (true) {
                long next = wheel.nextWakeNanos();
                if (next > end) {
                    break;
                }
                now = Math.max(now, next);
                wheel.advanceTo(now);
                pump();
            }
            now = end;
            wheel.advanceTo(now);
            pump();
        }
    }
}
