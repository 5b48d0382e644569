package net.vpdn.lns.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.EngineConfig;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.SessionListener;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.io.NettyL2tpEndpoint;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.tunnel.TunnelParams;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.lns.ip.Ipv4Packets;
import net.vpdn.ppp.ipcp.IpcpNegotiated;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppProtocol;
import net.vpdn.ppp.ipcp.IpcpPolicy;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.session.PppSession;
import net.vpdn.ppp.session.PppSessionConfig;

/**
 * The LAC side of process tests (here and, through this module's test-jar, in {@code tests/}): our
 * L2TP engine on loopback, and one subscriber's PPP client whose frames go straight through the call
 * (no proxy LCP); {@link #ping} sends ICMP Echo Requests over the session. The client runs on its own pump
 * thread without timers (loopback loses nothing); {@link #deaf} makes it ignore the LNS, as a
 * dead subscriber would. Waits are bounded future gets, never sleeps.
 */
public final class TestLac implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    final NettyL2tpEndpoint endpoint;
    private final ExecutorService pump = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-subscriber"));
    private PppSession client;
    private volatile Session call;
    volatile boolean deaf;
    final CompletableFuture<IpcpNegotiated> ipcp = new CompletableFuture<>();
    final CompletableFuture<Avp.ResultCode> callDown = new CompletableFuture<>();
    final CompletableFuture<Avp.ResultCode> tunnelDown = new CompletableFuture<>();
    private final java.util.Map<Integer, CompletableFuture<Void>> echoes = new java.util.concurrent.ConcurrentHashMap<>();

    public TestLac() throws InterruptedException {
        endpoint = NettyL2tpEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                EngineConfig.defaults("lac1"), RandomSource.seeded(11),
                new NettyL2tpEndpoint.Handlers(null, CallAcceptor.REFUSE, TunnelListener.NONE, (s, f) -> {
                    byte[] bytes = ByteBufUtil.getBytes(f);
                    f.release();
                    pump.execute(() -> {
                        if (!deaf) {
                            send(client.receive(bytes));
                        }
                    });
                }));
    }

    /** Opens a tunnel as {@code host} with {@code secret} (null: no tunnel authentication); completes up or down. */
    CompletableFuture<Tunnel> openTunnel(InetSocketAddress lns, String host, String secret) {
        CompletableFuture<Tunnel> up = new CompletableFuture<>();
        TunnelParams params = TunnelParams.defaults(host)
                .withSecret(secret == null ? null : TunnelSecret.ofBytes(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        endpoint.execute(() -> endpoint.engine().openTunnel(lns, params, new TunnelListener() {
            @Override
            public void tunnelUp(Tunnel t) {
                up.complete(t);
            }

            @Override
            public void tunnelDown(Tunnel t, Avp.ResultCode cause, boolean byPeer) {
                // up first: a test woken by tunnelDown may look at up at once
                up.completeExceptionally(new IllegalStateException("tunnel down: " + cause));
                tunnelDown.complete(cause);
            }
        }));
        return up;
    }

    Tunnel tunnel(InetSocketAddress lns) throws Exception {
        return tunnel(lns, ProcessFixture.SECRET);
    }

    /** Opens a tunnel as lac1 with {@code secret}; the tunnel once up. */
    public Tunnel tunnel(InetSocketAddress lns, String secret) throws Exception {
        return openTunnel(lns, "lac1", secret).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Places a call on {@code tunnel} and starts the client's PPP as {@code user}; completes when connected. */
    public Session dial(Tunnel tunnel, String user, String password) throws Exception {
        client = new PppSession(new PppSessionConfig(LcpPolicy.clientDefaults(), CpConfig.rfcDefaults(),
                Optional.of(IpcpPolicy.client()), false, Duration.ofSeconds(10), 3, AuthTiming.defaults(), "client",
                Optional.of(new PppSessionConfig.Credentials(user, Secret.of(password))), false), PppRandom.seeded(5));
        CompletableFuture<Session> connected = new CompletableFuture<>();
        endpoint.execute(() -> tunnel.placeCall(CallParams.of(new Avp.CallingNumber("5551234"), new Avp.BearerType(true, false)),
                CallParams.of(new Avp.TxConnectSpeed(100_000_000), new Avp.FramingType(true, false)), new SessionListener() {
                    @Override
                    public void sessionUp(Session s, CallParams p) {
                        call = s;
                        pump.execute(() -> send(client.lowerUp())); // before any frame of the LNS
                        connected.complete(s);
                    }

                    @Override
                    public void sessionDown(Session s, Avp.ResultCode cause, boolean byPeer) {
                        connected.completeExceptionally(new IllegalStateException("call refused: " + cause));
                        callDown.complete(cause);
                    }
                }));
        return connected.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Places a call with no subscriber behind it; completes with the CDN's result when refused. */
    CompletableFuture<Avp.ResultCode> bareCall(Tunnel tunnel) {
        CompletableFuture<Avp.ResultCode> down = new CompletableFuture<>();
        endpoint.execute(() -> tunnel.placeCall(CallParams.of(new Avp.BearerType(true, false)),
                CallParams.of(new Avp.TxConnectSpeed(1_000_000), new Avp.FramingType(true, false)), new SessionListener() {
                    @Override
                    public void sessionDown(Session s, Avp.ResultCode cause, boolean byPeer) {
                        down.complete(cause);
                    }
                }));
        return down;
    }

    /** The subscriber hangs up: LCP Terminate-Request. */
    public void hangUp() throws Exception {
        pump.submit(() -> send(client.close())).get();
    }

    /** Dials and waits for IPCP at the client. */
    public IpcpNegotiated dialToIpcp(Tunnel tunnel, String user, String password) throws Exception {
        dial(tunnel, user, password);
        return ipcp.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private void send(List<PppOutput> outputs) {
        for (PppOutput o : outputs) {
            switch (o) {
                case PppOutput.SendFrame f -> {
                    byte[] bytes = f.frame().toArray();
                    Session c = call;
                    endpoint.execute(() -> {
                        endpoint.sendData(c, Unpooled.wrappedBuffer(bytes));
                        endpoint.flush();
                    });
                }
                case PppOutput.Ipv4Up up -> ipcp.complete(up.addresses());
                case PppOutput.Deliver d -> delivered(d.packet().toArray());
                default -> { }
            }
        }
    }

    public Avp.ResultCode awaitCallDown() throws Exception {
        return callDown.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    Avp.ResultCode awaitTunnelDown() throws Exception {
        return tunnelDown.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends an ICMP Echo Request from {@code src} to {@code dst}; completes when its Echo Reply comes back. */
    public CompletableFuture<Void> ping(Ipv4Address src, Ipv4Address dst, int id) {
        CompletableFuture<Void> reply = new CompletableFuture<>();
        echoes.put(id, reply);
        byte[] packet = echoRequest(src, dst, id);
        pump.execute(() -> send(client.sendData(PppProtocol.IPV4, Octets.of(packet))));
        return reply.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    // An ICMP Echo Reply (type 0, RFC 792) whose identifier we sent completes that ping.
    private void delivered(byte[] ip) {
        int headerLength = (ip[0] & 0x0F) * 4;
        if (ip.length >= headerLength + 8 && ip[9] == 1 && ip[headerLength] == 0) {
            int id = ((ip[headerLength + 4] & 0xFF) << 8) | (ip[headerLength + 5] & 0xFF);
            java.util.Optional.ofNullable(echoes.remove(id)).ifPresent(f -> f.complete(null));
        }
    }

    /** An ICMP Echo Request (RFC 792) with valid IPv4 and ICMP checksums (RFC 791). */
    static byte[] echoRequest(Ipv4Address src, Ipv4Address dst, int id) {
        int total = 20 + 8 + 32;
        byte[] p = new byte[total];
        p[0] = 0x45;
        p[3] = (byte) total;
        p[8] = 64;
        p[9] = 1;
        putInt(p, 12, src.bits());
        putInt(p, 16, dst.bits());
        p[20] = 8;
        p[24] = (byte) (id >>> 8);
        p[25] = (byte) id;
        int icmpSum = Ipv4Packets.checksum(Unpooled.wrappedBuffer(p), 20, total - 20);
        p[22] = (byte) (icmpSum >>> 8);
        p[23] = (byte) icmpSum;
        int ipSum = Ipv4Packets.checksum(Unpooled.wrappedBuffer(p), 0, 20);
        p[10] = (byte) (ipSum >>> 8);
        p[11] = (byte) ipSum;
        return p;
    }

    private static void putInt(byte[] p, int at, int v) {
        for (int i = 0; i < 4; i++) {
            p[at + i] = (byte) (v >>> (24 - 8 * i));
        }
    }

    @Override
    public void close() {
        pump.shutdownNow();
        endpoint.close(Duration.ofMillis(500));
    }

    static void assertUp(IpcpNegotiated ipcp, String prefix) {
        assertThat(ipcp.localAddress().toString()).startsWith(prefix);
    }
}
