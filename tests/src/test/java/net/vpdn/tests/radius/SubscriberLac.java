package net.vpdn.tests.radius;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
import net.vpdn.lns.ip.Ipv4Packets;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.ipcp.IpcpNegotiated;
import net.vpdn.ppp.ipcp.IpcpPolicy;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.session.PppSession;
import net.vpdn.ppp.session.PppSessionConfig;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * The LAC side: our L2TP engine on loopback and one subscriber's PPP client (CHAP) whose frames go
 * straight through the call. The client runs on a pump thread without timers (loopback loses
 * nothing). {@link #ping} sends an ICMP Echo Request over the session and completes on the reply.
 */
final class SubscriberLac implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    final NettyL2tpEndpoint endpoint;
    private final ExecutorService pump = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-subscriber"));
    private final Map<Integer, CompletableFuture<Void>> echoes = new ConcurrentHashMap<>();
    private PppSession client;
    private volatile Session call;
    final CompletableFuture<IpcpNegotiated> ipcp = new CompletableFuture<>();
    final CompletableFuture<Avp.ResultCode> callDown = new CompletableFuture<>();

    SubscriberLac() throws InterruptedException {
        endpoint = NettyL2tpEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                EngineConfig.defaults("lac1"), RandomSource.seeded(17),
                new NettyL2tpEndpoint.Handlers(null, CallAcceptor.REFUSE, TunnelListener.NONE, (s, f) -> {
                    byte[] bytes = ByteBufUtil.getBytes(f);
                    f.release();
                    pump.execute(() -> send(client.receive(bytes)));
                }));
    }

    /** Opens a tunnel as lac1 with {@code secret}; the tunnel once up. */
    Tunnel tunnel(InetSocketAddress lns, String secret) throws Exception {
        CompletableFuture<Tunnel> up = new CompletableFuture<>();
        TunnelParams params = TunnelParams.defaults("lac1")
                .withSecret(TunnelSecret.ofBytes(secret.getBytes(StandardCharsets.UTF_8)));
        endpoint.execute(() -> endpoint.engine().openTunnel(lns, params, new TunnelListener() {
            @Override
            public void tunnelUp(Tunnel t) {
                up.complete(t);
            }

            @Override
            public void tunnelDown(Tunnel t, Avp.ResultCode cause, boolean byPeer) {
                up.completeExceptionally(new IllegalStateException("tunnel down: " + cause));
            }
        }));
        return up.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Places a call, runs the client's PPP as {@code user} (CHAP) and waits for IPCP at the client. */
    IpcpNegotiated dialToIpcp(Tunnel tunnel, String user, String password) throws Exception {
        client = new PppSession(new PppSessionConfig(LcpPolicy.clientDefaults(), CpConfig.rfcDefaults(),
                Optional.of(IpcpPolicy.client()), false, Duration.ofSeconds(10), 3, AuthTiming.defaults(), "client",
                Optional.of(new PppSessionConfig.Credentials(user, Secret.of(password))), false), PppRandom.seeded(5));
        endpoint.execute(() -> tunnel.placeCall(CallParams.of(new Avp.CallingNumber("5551234"), new Avp.BearerType(true, false)),
                CallParams.of(new Avp.TxConnectSpeed(100_000_000), new Avp.FramingType(true, false)), new SessionListener() {
                    @Override
                    public void sessionUp(Session s, CallParams p) {
                        call = s;
                        pump.execute(() -> send(client.lowerUp()));
                    }

                    @Override
                    public void sessionDown(Session s, Avp.ResultCode cause, boolean byPeer) {
                        ipcp.completeExceptionally(new IllegalStateException("call down: " + cause));
                        callDown.complete(cause);
                    }
                }));
        return ipcp.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The subscriber hangs up: LCP Terminate-Request. */
    void hangUp() throws Exception {
        pump.submit(() -> send(client.close())).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Sends an Echo Request from {@code src} to {@code dst}; completes when its Echo Reply comes back. */
    CompletableFuture<Void> ping(Ipv4Address src, Ipv4Address dst, int id) {
        CompletableFuture<Void> reply = new CompletableFuture<>();
        echoes.put(id, reply);
        byte[] packet = echoRequest(src, dst, id);
        pump.execute(() -> send(client.sendData(PppProtocol.IPV4, Octets.of(packet))));
        return reply.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    Avp.ResultCode awaitCallDown() throws Exception {
        return callDown.get(WAIT.toSeconds(), TimeUnit.SECONDS);
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

    // An ICMP Echo Reply (type 0, RFC 792) whose identifier we sent completes that ping.
    private void delivered(byte[] ip) {
        int headerLength = (ip[0] & 0x0F) * 4;
        if (ip.length >= headerLength + 8 && ip[9] == 1 && ip[headerLength] == 0) {
            int id = ((ip[headerLength + 4] & 0xFF) << 8) | (ip[headerLength + 5] & 0xFF);
            Optional.ofNullable(echoes.remove(id)).ifPresent(f -> f.complete(null));
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
}
