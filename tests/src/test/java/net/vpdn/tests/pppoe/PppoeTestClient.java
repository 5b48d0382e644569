package net.vpdn.tests.pppoe;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import net.vpdn.lac.access.pppoe.DiscoveryDecode;
import net.vpdn.lac.access.pppoe.DiscoveryPacket;
import net.vpdn.lac.access.pppoe.FrameHeader;
import net.vpdn.lac.access.pppoe.Pppoe;
import net.vpdn.lac.access.pppoe.PppoeDecoder;
import net.vpdn.lac.access.pppoe.PppoeEncoder;
import net.vpdn.lac.access.pppoe.Tag;
import net.vpdn.runtime.os.NetNs;
import net.vpdn.runtime.os.Poller;
import net.vpdn.lac.access.pppoe.io.RawSocket;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.ipcp.IpcpPolicy;
import net.vpdn.ppp.ipcp.IpcpNegotiated;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.session.PppOutput;
import net.vpdn.ppp.session.PppSession;
import net.vpdn.ppp.session.PppSessionConfig;
import net.vpdn.ppp.session.PppTimer;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppProtocol;

/**
 * A PPPoE subscriber written for tests: discovery by hand, then a real client {@link PppSession}
 * (CHAP or PAP, IPCP asking for an address) over a raw socket on one end of a veth pair. One thread
 * (the caller's) drives it: {@link #runUntil} polls the sockets and fires PPP timers by their
 * deadlines, so nothing here sleeps.
 */
final class PppoeTestClient implements AutoCloseable {
    private final RawSocket disc;
    private final RawSocket sess;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment rx = arena.allocate(2048);
    private final MemorySegment tx = arena.allocate(2048);
    private final ByteBuf txBuf = Unpooled.wrappedBuffer(tx.asByteBuffer());
    private final PppSession ppp;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final long[] tokens = new long[PppTimer.values().length];
    private long ac;
    private int sessionId;
    private Optional<IpcpNegotiated> ipv4 = Optional.empty();
    private Consumer<byte[]> onIpv4 = p -> { };
    private boolean linkDown;
    long framesSent;

    private record Timer(long deadline, PppTimer timer, long token) implements Comparable<Timer> {
        @Override public int compareTo(Timer o) { return Long.compare(deadline, o.deadline); }
    }

    PppoeTestClient(String netns, String ifName, String user, String password) throws Exception {
        disc = NetNs.call(Optional.of(netns), () -> RawSocket.open(ifName, Pppoe.ETHERTYPE_DISCOVERY));
        sess = NetNs.call(Optional.of(netns), () -> RawSocket.open(ifName, Pppoe.ETHERTYPE_SESSION));
        LcpPolicy d = LcpPolicy.clientDefaults();
        LcpPolicy lcp = new LcpPolicy(1492, d.minPeerMru(), 1492, true, false, false, d.acceptPfc(), d.acceptAcfc(),
                List.of(), List.of(AuthMethod.CHAP_MD5, AuthMethod.PAP), d.maxLoopbackDetections());
        ppp = new PppSession(new PppSessionConfig(lcp, CpConfig.rfcDefaults(), Optional.of(IpcpPolicy.client()), false,
                Duration.ofSeconds(30), 3, AuthTiming.defaults(), "subscriber",
                Optional.of(new PppSessionConfig.Credentials(user, Secret.of(password))), false), PppRandom.seeded(7));
    }

    /** PADI, PADO, PADR, PADS; then LCP starts. */
    void dial(String service, Duration timeout) {
        long me = disc.mac();
        send(disc, PppoeEncoder.discovery(new DiscoveryPacket(Pppoe.BROADCAST, me, -1, Pppoe.PADI, 0,
                List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, service)))));
        DiscoveryPacket pado = awaitDiscovery(Pppoe.PADO, timeout);
        ac = pado.source();
        send(disc, PppoeEncoder.discovery(new DiscoveryPacket(ac, me, -1, Pppoe.PADR, 0,
                List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, service), pado.first(Pppoe.TAG_AC_COOKIE).orElseThrow()))));
        sessionId = awaitDiscovery(Pppoe.PADS, timeout).sessionId();
        if (sessionId == 0) throw new AssertionError("PADS refused the session");
        apply(ppp.lowerUp());
    }

    Optional<IpcpNegotiated> ipv4() {
        return ipv4;
    }

    boolean linkDown() {
        return linkDown;
    }

    /** IPv4 packets the network sends us. */
    void onIpv4(Consumer<byte[]> handler) {
        onIpv4 = handler;
    }

    void sendIpv4(byte[] packet) {
        apply(ppp.sendData(PppProtocol.IPV4, Octets.of(packet)));
    }

    void hangUp() {
        apply(ppp.close());
    }

    /** Sends PADT for our session. */
    void padt() {
        send(disc, PppoeEncoder.discovery(new DiscoveryPacket(ac, disc.mac(), -1, Pppoe.PADT, sessionId, List.of())));
    }

    /** Runs frames and timers until {@code done} holds or {@code timeout} passes; false on timeout. */
    boolean runUntil(java.util.function.BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Poller poller = new Poller(sess.fd(), disc.fd())) {
            while (!done.getAsBoolean()) {
                long now = System.nanoTime();
                if (now - deadline >= 0) return false;
                fireTimers(now);
                long wait = Math.min(deadline - now, timers.isEmpty() ? Long.MAX_VALUE : timers.peek().deadline() - now);
                if (poller.await((int) Math.max(0, Math.min(200, wait / 1_000_000))) > 0) drainSession();
            }
            return true;
        }
    }

    private void drainSession() {
        for (int i = 0; i < 256; i++) {
            int n = sess.receive(rx);
            if (n <= 0) return;
            ByteBuf f = Unpooled.wrappedBuffer(rx.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
            FrameHeader h = new FrameHeader();
            if (PppoeDecoder.header(f, -1, h) != null || h.sessionId != sessionId) continue;
            byte[] frame = new byte[h.payloadLength + 2];
            frame[0] = (byte) 0xFF;
            frame[1] = 0x03;
            f.getBytes(h.payloadOffset, frame, 2, h.payloadLength);
            apply(ppp.receive(frame));
        }
    }

    private void fireTimers(long now) {
        while (!timers.isEmpty() && timers.peek().deadline() - now <= 0) {
            Timer t = timers.poll();
            if (tokens[t.timer().ordinal()] == t.token()) apply(ppp.timer(t.timer(), t.token()));
        }
    }

    private void apply(List<PppOutput> outputs) {
        for (PppOutput o : outputs) {
            switch (o) {
                case PppOutput.SendFrame s -> sendPpp(s.frame().toArray());
                case PppOutput.ArmTimer t -> {
                    tokens[t.timer().ordinal()] = t.token();
                    timers.add(new Timer(System.nanoTime() + t.after().toNanos(), t.timer(), t.token()));
                }
                case PppOutput.CancelTimer c -> tokens[c.timer().ordinal()] = Long.MIN_VALUE;
                case PppOutput.Ipv4Up up -> ipv4 = Optional.of(up.addresses());
                case PppOutput.Deliver d -> {
                    if (d.protocol() == PppProtocol.IPV4.number()) onIpv4.accept(d.packet().toArray());
                }
                case PppOutput.LinkDown d -> linkDown = true;
                default -> { }
            }
        }
    }

    private void sendPpp(byte[] frame) {
        int off = frame.length >= 2 && (frame[0] & 0xFF) == 0xFF && frame[1] == 0x03 ? 2 : 0;
        txBuf.clear();
        PppoeEncoder.sessionHeader(txBuf, ac, sess.mac(), -1, sessionId, frame.length - off);
        txBuf.writeBytes(frame, off, frame.length - off);
        if (!sess.send(tx, txBuf.readableBytes())) throw new AssertionError("client send failed: errno " + sess.sendErrno());
        framesSent++;
    }

    private void send(RawSocket s, byte[] frame) {
        MemorySegment.copy(frame, 0, tx, ValueLayout.JAVA_BYTE, 0, frame.length);
        if (!s.send(tx, frame.length)) throw new AssertionError("client send failed: errno " + s.sendErrno());
    }

    private DiscoveryPacket awaitDiscovery(int code, Duration timeout) {
        try (Poller p = new Poller(disc.fd())) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() - deadline < 0) {
                if (p.await(200) == 0) continue;
                int n = disc.receive(rx);
                if (n <= 0) continue;
                ByteBuf f = Unpooled.wrappedBuffer(rx.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
                FrameHeader h = new FrameHeader();
                if (PppoeDecoder.header(f, -1, h) != null) continue;
                if (PppoeDecoder.discovery(f, h) instanceof DiscoveryDecode.Decoded d && d.packet().code() == code) return d.packet();
            }
        }
        throw new AssertionError("no " + Pppoe.codeName(code) + " within " + timeout);
    }

    @Override
    public void close() {
        disc.close();
        sess.close();
        arena.close();
    }
}
