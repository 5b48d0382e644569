package net.vpdn.lns;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.ProxyAuthType;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.EngineConfig;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.SessionListener;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.tunnel.TunnelAcceptor;
import net.vpdn.l2tp.tunnel.TunnelParams;
import net.vpdn.l2tp.wire.Bytes;
import net.vpdn.lns.ip.IpForwarder;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.LocalVerifier;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.ipcp.IpcpNegotiated;
import net.vpdn.ppp.ipcp.IpcpPolicy;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.proxy.ProxyAuth;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.session.PppSession;
import net.vpdn.ppp.session.PppSessionConfig;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppProtocol;
import net.vpdn.vtemplate.Ipv4Pool;
import net.vpdn.vtemplate.VirtualAccessCloner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Our LAC engine places a call with proxy LCP and CHAP AVPs over loopback UDP to an LNS endpoint
 * driven by {@link LnsCallHandler}; a client PPP session on the LAC side relays frames. The client
 * and the LAC's PPP run on the test thread without timers (loopback does not lose datagrams);
 * waits are bounded blocking polls, never sleeps.
 */
@DisplayName("LNS over loopback UDP with our LAC engine")
class LoopbackUdpTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final LinkedBlockingQueue<byte[]> toClient = new LinkedBlockingQueue<>();
    private final PppSession client = new PppSession(new PppSessionConfig(LcpPolicy.clientDefaults(), CpConfig.rfcDefaults(),
            Optional.of(IpcpPolicy.client()), false, Duration.ofSeconds(10), 3, AuthTiming.defaults(), "client",
            Optional.of(new PppSessionConfig.Credentials("alice", Secret.of("wonderland"))), false), PppRandom.seeded(3));
    private IpcpNegotiated clientIpv4;
    private Octets delivered;

    @Test
    @DisplayName("a proxied call reaches IPCP Opened at the LNS and the client pings the LNS")
    void proxiedCallPings() throws Exception {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        LnsCallHandler handler = new LnsCallHandler();
        NettyL2tpEndpoint lns = NettyL2tpEndpoint.start(loopback, EngineConfig.defaults("lns1"), RandomSource.seeded(1),
                new NettyL2tpEndpoint.Handlers(TunnelAcceptor.acceptAll(), handler, TunnelListener.NONE, handler));
        NettyL2tpEndpoint lac = NettyL2tpEndpoint.start(loopback, EngineConfig.defaults("lac1"), RandomSource.seeded(2),
                new NettyL2tpEndpoint.Handlers(null, CallAcceptor.REFUSE, TunnelListener.NONE, (s, f) -> {
                    toClient.add(ByteBufUtil.getBytes(f));
                    f.release();
                }));
        try {
            Ipv4Pool pool = Ipv4Pool.cidr("subscribers", "10.20.0.0/24");
            CompletableFuture<LnsSessionInfo> started = new CompletableFuture<>();
            handler.bind(lns, LnsContext.create(Fixture.template(), new VirtualAccessCloner(1000, PppRandom.seeded(4)),
                    new EndpointScheduler(lns), SubscriberAuthorizer.of(new LocalVerifier(Map.of("alice", Secret.of("wonderland")))),
                    new PoolAddressAssigner(Map.of("subscribers", pool), u -> Optional.empty()),
                    new IpForwarder(1000, Optional.empty()), new StartOnly(started)));

            lnsTarget = lns.localAddress();
            PppOutput.HandOff handOff = negotiateWithLac();
            Session call = placeCall(lac, handOff);
            relayUntil(lac, call, o -> clientIpv4 != null);

            assertThat(clientIpv4.localAddress().toString()).startsWith("10.20.0.");
            assertThat(started.get(WAIT.toSeconds(), TimeUnit.SECONDS).user()).isEqualTo("alice");
            send(lac, call, client.sendData(PppProtocol.IPV4,
                    Octets.of(Packets.echoRequest(clientIpv4.localAddress(), Fixture.GATEWAY, 9, 56))));
            relayUntil(lac, call, o -> delivered != null);
            assertThat(delivered.u8(20)).isZero(); // Echo Reply
            assertThat((int) delivered.u32(12)).isEqualTo(Fixture.GATEWAY.bits());
            assertThat(lns.call(() -> pool.usage().inUse()).get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            lac.close(Duration.ofSeconds(2));
            lns.close(Duration.ofSeconds(2));
        }
    }

    /** The client and the LAC's PPP in lac mode, in memory, until the LAC hands off. */
    private PppOutput.HandOff negotiateWithLac() {
        PppSession lacPpp = new PppSession(new PppSessionConfig(LcpPolicy.lnsDefaults(List.of(AuthMethod.CHAP_MD5)),
                CpConfig.rfcDefaults(), Optional.empty(), false, Duration.ofSeconds(10), 3, AuthTiming.defaults(),
                "lac", Optional.empty(), true), PppRandom.seeded(5));
        Deque<Runnable> events = new ArrayDeque<>();
        PppOutput.HandOff[] handOff = new PppOutput.HandOff[1];
        record Pipe(PppSession from, PppSession to) { }
        java.util.function.BiConsumer<Pipe, List<PppOutput>>[] apply = new java.util.function.BiConsumer[1];
        apply[0] = (pipe, outputs) -> {
            for (PppOutput o : outputs) {
                if (o instanceof PppOutput.SendFrame f) {
                    byte[] bytes = f.frame().toArray();
                    events.add(() -> apply[0].accept(new Pipe(pipe.to(), pipe.from()), pipe.to().receive(bytes)));
                } else if (o instanceof PppOutput.HandOff h) {
                    handOff[0] = h;
                }
            }
        };
        apply[0].accept(new Pipe(client, lacPpp), client.lowerUp());
        apply[0].accept(new Pipe(lacPpp, client), lacPpp.lowerUp());
        while (!events.isEmpty() && handOff[0] == null) {
            events.poll().run();
        }
        assertThat(handOff[0]).as("LAC handed off").isNotNull();
        return handOff[0];
    }

    private Session placeCall(NettyL2tpEndpoint lac, PppOutput.HandOff h) throws Exception {
        CompletableFuture<Tunnel> up = new CompletableFuture<>();
        lac.execute(() -> lac.engine().openTunnel(lnsTarget, TunnelParams.defaults("lac1"),
                new TunnelListener() {
                    @Override public void tunnelUp(Tunnel t) { up.complete(t); }
                }));
        Tunnel tunnel = up.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        ProxyAuth auth = h.auth().orElseThrow();
        CallParams iccn = CallParams.of(new Avp.TxConnectSpeed(100_000_000), new Avp.FramingType(true, false),
                new Avp.InitialReceivedLcpConfReq(bytes(h.lcp().initialReceived())),
                new Avp.LastSentLcpConfReq(bytes(h.lcp().lastSent())),
                new Avp.LastReceivedLcpConfReq(bytes(h.lcp().lastReceived())),
                new Avp.ProxyAuthenType(ProxyAuthType.PPP_CHAP.code()), new Avp.ProxyAuthenName(auth.name()),
                new Avp.ProxyAuthenChallenge(bytes(auth.challenge())), new Avp.ProxyAuthenId(auth.identifier()),
                new Avp.ProxyAuthenResponse(bytes(auth.response())));
        CompletableFuture<Session> connected = new CompletableFuture<>();
        lac.execute(() -> tunnel.placeCall(CallParams.of(new Avp.CallingNumber("5551234"), new Avp.BearerType(true, false)),
                iccn, new SessionListener() {
                    @Override public void sessionUp(Session s, CallParams p) { connected.complete(s); }
                }));
        return connected.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private InetSocketAddress lnsTarget;

    private void relayUntil(NettyL2tpEndpoint lac, Session call, Predicate<Void> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.test(null)) {
            byte[] frame = toClient.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(frame).as("a frame from the LNS before the deadline").isNotNull();
            send(lac, call, client.receive(frame));
        }
    }

    private void send(NettyL2tpEndpoint lac, Session call, List<PppOutput> outputs) {
        for (PppOutput o : outputs) {
            switch (o) {
                case PppOutput.SendFrame f -> {
                    byte[] bytes = f.frame().toArray();
                    lac.execute(() -> {
                        lac.sendData(call, Unpooled.wrappedBuffer(bytes));
                        lac.flush();
                    });
                }
                case PppOutput.Ipv4Up ipv4 -> clientIpv4 = ipv4.addresses();
                case PppOutput.Deliver d -> delivered = d.packet();
                default -> { }
            }
        }
    }

    private static Bytes bytes(Octets o) {
        return Bytes.of(o.toArray());
    }

    /** Records the accounting start. */
    private record StartOnly(CompletableFuture<LnsSessionInfo> started) implements LnsSessionEvents {
        @Override
        public void started(LnsSessionInfo session) {
            started.complete(session);
        }

        @Override
        public void stopped(LnsSessionInfo session, net.vpdn.vtemplate.TerminateCause cause,
                            net.vpdn.vtemplate.VirtualAccess.Counters counters) {
        }
    }
}
