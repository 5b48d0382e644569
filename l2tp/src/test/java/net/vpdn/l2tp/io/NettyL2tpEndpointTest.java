package net.vpdn.l2tp.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.engine.CallAcceptor;
import net.vpdn.l2tp.engine.EngineConfig;
import net.vpdn.l2tp.engine.EngineDrop;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.l2tp.engine.SessionListener;
import net.vpdn.l2tp.engine.Tunnel;
import net.vpdn.l2tp.engine.TunnelListener;
import net.vpdn.l2tp.session.CallParams;
import net.vpdn.l2tp.tunnel.AcceptDecision;
import net.vpdn.l2tp.tunnel.TunnelParams;
import net.vpdn.l2tp.wire.DropReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("NettyL2tpEndpoint: the engine on real UDP sockets on loopback")
class NettyL2tpEndpointTest {
    static final TunnelSecret SECRET = TunnelSecret.of("udp-secret");
    NettyL2tpEndpoint lns;
    NettyL2tpEndpoint lac;
    final ConcurrentLinkedQueue<byte[]> atLac = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws Exception {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        NettyL2tpEndpoint[] self = new NettyL2tpEndpoint[1];
        CallAcceptor answer = (s, p) -> s.answer();
        DataHandler echo = (s, f) -> self[0].sendData(s, f);
        lns = NettyL2tpEndpoint.start(any, EngineConfig.defaults("lns1"), RandomSource.seeded(3),
                new NettyL2tpEndpoint.Handlers(h -> new AcceptDecision.Accept(SECRET), answer, TunnelListener.NONE, echo));
        self[0] = lns;
        lac = NettyL2tpEndpoint.start(any, EngineConfig.defaults("lac1"), RandomSource.seeded(4),
                new NettyL2tpEndpoint.Handlers(null, CallAcceptor.REFUSE, TunnelListener.NONE, (s, f) -> {
                    atLac.add(ByteBufUtil.getBytes(f));
                    f.release();
                }));
    }

    @AfterEach
    void stop() {
        lac.close();
        lns.close();
    }

    @Test
    @DisplayName("a port in use is one UncheckedIOException naming the address, and leaves no event loop behind")
    void portInUse() throws InterruptedException {
        InetSocketAddress taken = lns.localAddress();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        assertThatThrownBy(() -> NettyL2tpEndpoint.start(taken, EngineConfig.defaults("lns2"), RandomSource.seeded(5),
                new NettyL2tpEndpoint.Handlers(null, CallAcceptor.REFUSE, TunnelListener.NONE, (s, f) -> f.release())))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot listen for L2TP on 127.0.0.1:" + taken.getPort() + ": Address already in use");
        // the failed endpoint's non-daemon loop thread must end, or a refused process would never exit
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && !t.isDaemon()) {
                t.join(5_000);
                assertThat(t.isAlive()).as("thread %s of the failed endpoint", t.getName()).isFalse();
            }
        }
    }

    Session call(boolean sequencing) throws Exception {
        CompletableFuture<Session> up = new CompletableFuture<>();
        CallParams icrq = CallParams.of(new Avp.CallingNumber("1"), new Avp.BearerType(true, false));
        CallParams iccn = CallParams.of(new Avp.TxConnectSpeed(1_000_000), new Avp.FramingType(true, false));
        if (sequencing) iccn = iccn.with(new Avp.SequencingRequired());
        CallParams connect = iccn;
        lac.execute(() -> {
            Tunnel t = lac.engine().openTunnel(lns.localAddress(), TunnelParams.defaults("lac1").withSecret(SECRET),
                    TunnelListener.NONE);
            t.placeCall(icrq, connect, new SessionListener() {
                @Override public void sessionUp(Session s, CallParams p) { up.complete(s); }
                @Override public void sessionDown(Session s, Avp.ResultCode c, boolean byPeer) {
                    up.completeExceptionally(new AssertionError("call failed: " + c));
                }
            });
        });
        return up.get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "sequencing required: {0}")
    @ValueSource(booleans = {false, true})
    @DisplayName("PPP frames cross a session both ways intact and in order")
    void dataBothWays(boolean sequencing) throws Exception {
        Session s = call(sequencing);
        int n = 200;
        lac.execute(() -> {
            for (int i = 0; i < n; i++) {
                lac.sendData(s, Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, 0x03, 0x00, 0x21, (byte) i, (byte) (i >> 8)}));
            }
            lac.flush();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (atLac.size() < n && System.nanoTime() < deadline) Thread.onSpinWait();
        List<byte[]> got = List.copyOf(atLac);
        assertThat(got).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(got.get(i)).containsExactly(0xFF, 0x03, 0x00, 0x21, i & 0xFF, (i >> 8) & 0xFF);
        }
        assertThat(lac.call(s::packetsIn).join()).isEqualTo(n);
        Session lnsSide = lns.call(() -> lns.engine().findSession(s.tunnel().peerId(), s.peerId())).join();
        assertThat(lns.call(lnsSide::sequencing).join()).isEqualTo(sequencing);
    }

    @Test
    @DisplayName("malformed and stray datagrams are counted by reason and the session carries on")
    void strayData() throws Exception {
        Session s = call(false);
        try (DatagramSocket sock = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            byte[] l2f = {0x01, 0x01, 0, 0};
            byte[] unknownSession = {0x00, 0x02, (byte) (s.tunnel().peerId() >> 8), (byte) s.tunnel().peerId(), 0x7F, 0x7F, 0x00, 0x21};
            byte[] truncated = {0x00};
            for (byte[] d : List.of(l2f, unknownSession, truncated)) {
                sock.send(new DatagramPacket(d, d.length, lns.localAddress()));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && lns.call(() -> lns.engine().stats().dropped(DropReason.TRUNCATED_HEADER)).join() == 0) {
            Thread.onSpinWait();
        }
        assertThat(lns.call(() -> lns.engine().stats().dropped(DropReason.L2F_VERSION)).join()).isEqualTo(1);
        assertThat(lns.call(() -> lns.engine().stats().dropped(EngineDrop.UNKNOWN_SESSION)).join()).isEqualTo(1);
        assertThat(lns.call(() -> lns.engine().stats().dropped(DropReason.TRUNCATED_HEADER)).join()).isEqualTo(1);
        lac.execute(() -> {
            lac.sendData(s, Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, 0x03, 0x00, 0x21, 1}));
            lac.flush();
        });
        while (atLac.isEmpty() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertThat(atLac).hasSize(1);
    }

    @Test
    @DisplayName("a jumbo data datagram arrives whole; one longer than the receive size is cut, counted as a length mismatch, and dropped")
    void jumboAndOversize() throws Exception {
        Session s = call(false);
        int jumbo = NettyL2tpEndpoint.MAX_DATAGRAM - 28; // fits with room for the IP and UDP headers
        try (DatagramSocket sock = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            sock.send(dataWithLength(s.peerId(), s.tunnel().peerId(), NettyL2tpEndpoint.MAX_DATAGRAM + 800, lns.localAddress()));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && lns.call(() -> lns.engine().stats().dropped(DropReason.LENGTH_MISMATCH)).join() == 0) {
            Thread.onSpinWait();
        }
        assertThat(lns.call(() -> lns.engine().stats().dropped(DropReason.LENGTH_MISMATCH)).join()).isEqualTo(1);
        byte[] frame = new byte[jumbo - 8];
        frame[0] = (byte) 0xFF;
        frame[1] = 0x03;
        frame[3] = 0x21;
        frame[frame.length - 1] = 0x5A;
        lns.execute(() -> {
            Session at = lns.engine().findSession(s.tunnel().peerId(), s.peerId());
            lns.sendData(at, Unpooled.wrappedBuffer(frame));
            lns.flush();
        });
        while (atLac.isEmpty() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertThat(atLac).hasSize(1);
        assertThat(atLac.peek()).hasSize(frame.length).endsWith(0x5A);
    }

    @Test
    @DisplayName("a socket buffer the kernel capped below 4 MiB gets a warning naming the sysctl; a full one none")
    void bufferShortfall() {
        int want = NettyL2tpEndpoint.SOCKET_BUFFER;
        assertThat(NettyL2tpEndpoint.bufferShortfall("SO_RCVBUF", "net.core.rmem_max", 425_984, true)).hasValueSatisfying(w ->
                assertThat(w).contains("event=udp-buffer-capped", "option=SO_RCVBUF", "granted=212992",
                        "requested=" + want, "sysctl -w net.core.rmem_max=" + want));
        assertThat(NettyL2tpEndpoint.bufferShortfall("SO_RCVBUF", "net.core.rmem_max", 2 * want, true)).isEmpty();
        assertThat(NettyL2tpEndpoint.bufferShortfall("SO_SNDBUF", "net.core.wmem_max", want, false)).isEmpty();
        assertThat(NettyL2tpEndpoint.bufferShortfall("SO_SNDBUF", "net.core.wmem_max", want, true)).isPresent();
        assertThat(NettyL2tpEndpoint.bufferShortfall("SO_SNDBUF", "net.core.wmem_max", null, true)).isEmpty();
    }

    /** A data message to {@code to} whose length field says {@code length} and that is that long. */
    private static DatagramPacket dataWithLength(int session, int tunnel, int length, InetSocketAddress to) {
        byte[] d = new byte[length];
        d[0] = 0x40; // L bit, version 2
        d[1] = 0x02;
        d[2] = (byte) (length >> 8);
        d[3] = (byte) length;
        d[4] = (byte) (tunnel >> 8);
        d[5] = (byte) tunnel;
        d[6] = (byte) (session >> 8);
        d[7] = (byte) session;
        return new DatagramPacket(d, d.length, to);
    }
}
