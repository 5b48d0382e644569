package net.vpdn.lac.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.engine.EngineConfig;
import net.vpdn.l2tp.engine.EngineHost;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.SessionListener;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.tunnel.AcceptDecision;
import net.vpdn.lac.access.emulator.Icmp;
import net.vpdn.lac.call.ProxyAvps;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.LocalVerifier;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.ipcp.IpcpPolicy;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.proxy.ProxyAuth;
import net.vpdn.ppp.proxy.ProxyLcp;
import net.vpdn.ppp.proxy.ProxyLcpAdoption;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.session.PppSession;
import net.vpdn.ppp.session.PppSessionConfig;
import net.vpdn.ppp.session.PppTimer;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * A small LNS on a loopback Netty endpoint: accepts tunnels from any host with one secret, answers
 * every call, runs an LNS-mode {@link PppSession} that adopts the proxied LCP and verifies the
 * proxied CHAP/PAP against a user table, assigns 10.0.x.y, and answers pings (or, when told, clears
 * the call with CDN instead). Counters are readable from the test thread.
 */
public final class LnsDouble implements AutoCloseable {
    public static final Ipv4Address GATEWAY = Ipv4Address.of("10.0.0.1");

    public final AtomicInteger adopted = new AtomicInteger();
    public final AtomicInteger renegotiated = new AtomicInteger();
    public final AtomicInteger challengesSent = new AtomicInteger();
    public final AtomicInteger authenticated = new AtomicInteger();
    public final AtomicInteger echoesAnswered = new AtomicInteger();
    public final ConcurrentLinkedQueue<Avp.ResultCode> sessionsDown = new ConcurrentLinkedQueue<>();
    public final ConcurrentLinkedQueue<CallParams> icrqs = new ConcurrentLinkedQueue<>();
    public volatile boolean clearOnPing;

    private final NettyL2tpEndpoint endpoint;
    private final LocalVerifier verifier;
    private final AtomicInteger nextHost = new AtomicInteger(2);

    public LnsDouble(String hostName, TunnelSecret secret, Map<String, Secret> users) throws InterruptedException {
        this.verifier = new LocalVerifier(users);
        NettyL2tpEndpoint[] ref = new NettyL2tpEndpoint[1];
        this.endpoint = NettyL2tpEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                EngineConfig.defaults(hostName), RandomSource.seeded(99),
                new NettyL2tpEndpoint.Handlers(host -> new AcceptDecision.Accept(secret), this::incomingCall,
                        TunnelListener.NONE, this::onFrame));
        ref[0] = endpoint;
    }

    public InetSocketAddress address() { return endpoint.localAddress(); }
    public NettyL2tpEndpoint endpoint() { return endpoint; }

    /** Established sessions, read on the loop. */
    public int sessions() { return endpoint.call(() -> endpoint.engine().establishedSessions()).join(); }

    private void incomingCall(Session s, CallParams request) {
        icrqs.add(request);
        s.setListener(new SessionListener() {
            @Override public void sessionUp(Session session, CallParams iccn) { new Call(session, iccn).start(); }
            @Override public void sessionDown(Session session, Avp.ResultCode cause, boolean byPeer) {
                sessionsDown.add(cause);
                if (session.attachment() instanceof Call c) c.stop();
            }
        });
        s.answer();
    }

    private void onFrame(Session s, ByteBuf frame) {
        byte[] bytes = ByteBufUtil.getBytes(frame);
        frame.release();
        if (s.attachment() instanceof Call c) c.receive(bytes);
    }

    static PppSessionConfig lnsConfig(Ipv4Address peer) {
        LcpPolicy lcp = LcpPolicy.lnsDefaults(List.of(AuthMethod.CHAP_MD5, AuthMethod.PAP));
        return new PppSessionConfig(lcp, CpConfig.rfcDefaults(),
                Optional.of(IpcpPolicy.server(GATEWAY, r -> Optional.of(peer), Optional.empty(), Optional.empty())),
                false, java.time.Duration.ofSeconds(30), 3, AuthTiming.defaults(), "lns", Optional.empty(), false);
    }

    /** One call's LNS-side PPP. */
    private final class Call {
        private final Session session;
        private final CallParams iccn;
        private final PppSession ppp;
        private final EngineHost.TimerHandle[] timers = new EngineHost.TimerHandle[PppTimer.values().length];
        private boolean stopped;

        Call(Session session, CallParams iccn) {
            this.session = session;
            this.iccn = iccn;
            int host = nextHost.getAndIncrement();
            this.ppp = new PppSession(lnsConfig(new Ipv4Address(GATEWAY.bits() - 1 + host)), PppRandom.seeded(host));
        }

        void start() {
            session.attach(this);
            ProxyLcp lcp = ProxyAvps.proxyLcp(iccn).orElseThrow();
            Optional<ProxyAuth> auth = ProxyAvps.proxyAuth(iccn);
            if (ProxyLcpAdoption.decide(lcp, lnsConfig(GATEWAY).lcp(), false) instanceof ProxyLcpAdoption.Adopt) {
                adopted.incrementAndGet();
            } else {
                renegotiated.incrementAndGet();
            }
            apply(ppp.lowerUpFromProxy(lcp, auth, false));
        }

        void receive(byte[] frame) {
            if (!stopped) apply(ppp.receive(frame));
        }

        void stop() {
            stopped = true;
            for (EngineHost.TimerHandle h : timers) if (h != null) h.cancel();
        }

        private void apply(List<PppOutput> outputs) {
            for (PppOutput o : outputs) {
                switch (o) {
                    case PppOutput.SendFrame s -> send(s);
                    case PppOutput.ArmTimer t -> arm(t);
                    case PppOutput.CancelTimer c -> cancel(c.timer());
                    case PppOutput.Verify v -> verifier.verify(v.request()).thenAccept(verdict -> apply(ppp.verdict(v.attempt(), verdict)));
                    case PppOutput.Authenticated a -> authenticated.incrementAndGet();
                    case PppOutput.Deliver d -> deliver(d);
                    case PppOutput.LinkDown d -> session.close(CdnResult.GENERAL_ERROR, ErrorCode.NO_GENERAL_ERROR, "PPP down");
                    default -> { }
                }
            }
        }

        private void send(PppOutput.SendFrame s) {
            byte[] f = s.frame().toArray();
            if (s.protocol() == PppProtocol.CHAP.number() && codeOf(f) == 1) challengesSent.incrementAndGet();
            endpoint.sendData(session, Unpooled.wrappedBuffer(f));
            endpoint.flush();
        }

        private int codeOf(byte[] f) {
            int off = (f[0] & 0xFF) == 0xFF ? 4 : 2;
            return f.length > off ? f[off] & 0xFF : -1;
        }

        private void deliver(PppOutput.Deliver d) {
            if (clearOnPing) {
                session.close(CdnResult.ADMINISTRATIVE, ErrorCode.NO_GENERAL_ERROR, "cleared by test");
                return;
            }
            Icmp.reply(d.packet().toArray()).ifPresent(r -> {
                echoesAnswered.incrementAndGet();
                apply(ppp.sendData(PppProtocol.IPV4, Octets.of(r)));
            });
        }

        private void arm(PppOutput.ArmTimer t) {
            cancel(t.timer());
            timers[t.timer().ordinal()] = endpoint.engine().host().schedule(t.after(), () -> endpoint.engine().run(() -> {
                timers[t.timer().ordinal()] = null;
                if (!stopped) apply(ppp.timer(t.timer(), t.token()));
            }));
        }

        private void cancel(PppTimer t) {
            EngineHost.TimerHandle h = timers[t.ordinal()];
            if (h != null) {
                h.cancel();
                timers[t.ordinal()] = null;
            }
        }
    }

    @Override
    public void close() {
        endpoint.close(java.time.Duration.ofSeconds(2));
    }
}
