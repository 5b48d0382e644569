package net.vpdn.lac;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.vpdn.l2tp.RandomSource;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.ErrorCode;
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
import net.vpdn.l2tp.tunnel.TunnelParams;

/**
 * The demo behind {@code ./vpdn demo}: an LNS and a LAC endpoint on loopback, a mutually
 * authenticated tunnel between them, a few calls carrying proxy authentication AVPs, PPP frames
 * echoed through every session, and a clean teardown. It grows into the full LAC/LNS demo as the
 * PPP, AAA and process issues land.
 */
public final class Demo {
    private static final TunnelSecret SECRET = TunnelSecret.of("demo-tunnel-secret");
    private static final String[] USERS = {"alice@example.com", "bob@example.com", "carol@corp.example"};

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        AtomicLong echoed = new AtomicLong();

        // The LNS: accepts tunnels from "lac1" only, answers every call, echoes every frame.
        NettyL2tpEndpoint[] lnsRef = new NettyL2tpEndpoint[1];
        CallAcceptor answerAll = (session, request) -> session.answer();
        DataHandler echo = (session, frame) -> {
            echoed.incrementAndGet();
            lnsRef[0].sendData(session, frame);
        };
        NettyL2tpEndpoint lns = NettyL2tpEndpoint.start(loopback, EngineConfig.defaults("lns1"), RandomSource.secure(),
                new NettyL2tpEndpoint.Handlers(
                        host -> host.equals("lac1") ? new AcceptDecision.Accept(SECRET)
                                : new AcceptDecision.Reject(StopCcnResult.NOT_AUTHORIZED, "unknown LAC " + host),
                        answerAll, TunnelListener.NONE, echo));
        lnsRef[0] = lns;

        AtomicLong returned = new AtomicLong();
        NettyL2tpEndpoint lac = NettyL2tpEndpoint.start(loopback, EngineConfig.defaults("lac1"), RandomSource.secure(),
                new NettyL2tpEndpoint.Handlers(null, CallAcceptor.REFUSE, TunnelListener.NONE, (s, f) -> {
                    returned.incrementAndGet();
                    f.release();
                }));
        try {
            run(lac, lns, echoed, returned);
        } finally {
            lac.close(Duration.ofSeconds(3));
            lns.close(Duration.ofSeconds(3));
        }
    }

    private static void run(NettyL2tpEndpoint lac, NettyL2tpEndpoint lns, AtomicLong echoed, AtomicLong returned)
            throws Exception {
        System.out.printf("vpdn demo: LNS lns1 on %s, LAC lac1 on %s, tunnel authentication on%n",
                lns.localAddress(), lac.localAddress());
        CountDownLatch up = new CountDownLatch(1);
        long t0 = System.nanoTime();
        TunnelParams params = TunnelParams.defaults("lac1").withSecret(SECRET);
        Tunnel tunnel = lac.call(() -> lac.engine().openTunnel(lns.localAddress(), params, new TunnelListener() {
            @Override public void tunnelUp(Tunnel t) { up.countDown(); }
        })).join();
        if (!up.await(5, TimeUnit.SECONDS)) throw new IllegalStateException("tunnel did not come up: " + tunnel);
        System.out.printf("tunnel up in %.1f ms: LAC id %d <-> LNS id %d%n", (System.nanoTime() - t0) / 1e6,
                tunnel.localId(), tunnel.peerId());

        List<CompletableFuture<Session>> calls = new ArrayList<>();
        for (int i = 0; i < USERS.length; i++) {
            calls.add(placeCall(lac, tunnel, USERS[i], "0311112" + (220 + i)));
        }
        List<Session> sessions = new ArrayList<>();
        for (CompletableFuture<Session> c : calls) sessions.add(c.get(5, TimeUnit.SECONDS));

        int frames = 100;
        for (Session s : sessions) {
            lac.execute(() -> {
                for (int i = 0; i < frames; i++) {
                    lac.sendData(s, lcpEchoFrame(i));
                }
                lac.flush();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (returned.get() < (long) frames * sessions.size() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        System.out.printf("data: %d frames sent, %d echoed by the LNS, %d back at the LAC%n",
                frames * sessions.size(), echoed.get(), returned.get());
        System.out.println();
        System.out.print(lac.call(() -> ShowTables.sessions(lac.engine())).join());
        System.out.println();
        for (Session s : sessions) {
            s.close(CdnResult.ADMINISTRATIVE, ErrorCode.NO_GENERAL_ERROR, "demo over");
        }
        tunnel.close(StopCcnResult.GENERAL_REQUEST_TO_CLEAR, ErrorCode.NO_GENERAL_ERROR, "demo over");
        System.out.println("calls cleared with CDN, tunnel closed with StopCCN");
    }

    private static CompletableFuture<Session> placeCall(NettyL2tpEndpoint lac, Tunnel tunnel, String user, String calling) {
        CompletableFuture<Session> up = new CompletableFuture<>();
        CallParams icrq = new CallParams(List.of(
                new Avp.CallingNumber(calling), new Avp.CalledNumber("100"), new Avp.BearerType(true, false)));
        CallParams iccn = new CallParams(List.of(
                new Avp.TxConnectSpeed(100_000_000), new Avp.FramingType(true, false),
                new Avp.ProxyAuthenType(net.vpdn.l2tp.avp.ProxyAuthType.PPP_CHAP.code()),
                new Avp.ProxyAuthenName(user)));
        lac.execute(() -> tunnel.placeCall(icrq, iccn, new SessionListener() {
            @Override public void sessionUp(Session s, CallParams p) {
                System.out.printf("call %-20s calling %s: session LAC %d <-> LNS %d up%n", user, calling,
                        s.localId(), s.peerId());
                up.complete(s);
            }
            @Override public void sessionDown(Session s, Avp.ResultCode cause, boolean byPeer) {
                up.completeExceptionally(new IllegalStateException("call failed: " + cause));
            }
        }));
        return up;
    }

    /** An LCP Echo-Request in HDLC-like framing, as a PPP peer would send it. */
    private static ByteBuf lcpEchoFrame(int id) {
        return Unpooled.wrappedBuffer(new byte[] {
            (byte) 0xFF, 0x03, (byte) 0xC0, 0x21, 0x09, (byte) id, 0x00, 0x08, 0x12, 0x34, 0x56, 0x78});
    }
}
