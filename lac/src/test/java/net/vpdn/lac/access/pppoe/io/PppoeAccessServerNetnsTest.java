package net.vpdn.lac.access.pppoe.io;

import net.vpdn.runtime.os.NetNs;
import net.vpdn.runtime.os.Poller;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.vpdn.l2tp.engine.EngineHost;
import net.vpdn.lac.access.AccessLine;
import net.vpdn.lac.access.AccessListener;
import net.vpdn.lac.access.HangupCause;
import net.vpdn.lac.access.LineHandler;
import net.vpdn.lac.access.pppoe.DiscoveryDecode;
import net.vpdn.lac.access.pppoe.DiscoveryPacket;
import net.vpdn.lac.access.pppoe.FrameHeader;
import net.vpdn.lac.access.pppoe.LineIds;
import net.vpdn.lac.access.pppoe.Pppoe;
import net.vpdn.lac.access.pppoe.PppoeDecoder;
import net.vpdn.lac.access.pppoe.PppoeDrop;
import net.vpdn.lac.access.pppoe.PppoeEncoder;
import net.vpdn.lac.access.pppoe.Tag;
import net.vpdn.lac.loop.CallLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The PPPoE access server on one end of a veth pair in a namespace the test creates; the test is the
 * client on the other end, with a raw socket of its own. Discovery, the session stage both ways, and
 * PADT from the client reaching the line's handler.
 */
@DisplayName("PPPoE access server over a veth pair: discovery, session frames, PADT")
class PppoeAccessServerNetnsTest {
    static final byte[] SECRET = "netns-test-cookie-secret".getBytes();
    final ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor();
    final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
    final CallLoop loop = new CallLoop() {
        @Override public long nanoTime() { return System.nanoTime(); }
        @Override public EngineHost.TimerHandle schedule(Duration after, Runnable task) {
            var f = exec.schedule(task, after.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }
        @Override public void execute(Runnable task) { exec.execute(task); }
    };
    TestNetns net;
    PppoeAccessServer server;
    RawSocket clientDisc;
    RawSocket clientSess;
    Arena arena;

    @BeforeEach
    void setUp() throws Exception {
        String ns = "vpdn-pppoe-" + ProcessHandle.current().pid();
        net = TestNetns.withVeth(ns, "vac0", "vcl0");
        server = PppoeAccessServer.open(loop, new PppoeInterfaceConfig("vac0", Optional.of(ns), -1, "vpdn-test-ac",
                List.of("internet"), SECRET, 10, 100_000_000L, 1000, 3));
        clientDisc = NetNs.call(Optional.of(ns), () -> RawSocket.open("vcl0", Pppoe.ETHERTYPE_DISCOVERY));
        clientSess = NetNs.call(Optional.of(ns), () -> RawSocket.open("vcl0", Pppoe.ETHERTYPE_SESSION));
        arena = Arena.ofShared();
        exec.execute(() -> server.start(new AccessListener() {
            @Override public void lineUp(AccessLine line) {
                events.add(line);
                line.attach(new LineHandler() {
                    @Override public void onFrame(ByteBuf frame) {
                        byte[] f = ByteBufUtil.getBytes(frame);
                        frame.release();
                        events.add(f);
                        line.send(Unpooled.wrappedBuffer(f)); // echo back towards the client
                    }
                    @Override public void onHangup(HangupCause cause) { events.add(cause); }
                });
            }
        }));
    }

    @AfterEach
    void tearDown() throws Exception {
        exec.submit(() -> { }).get();
        if (server != null) server.close();
        if (clientDisc != null) clientDisc.close();
        if (clientSess != null) clientSess.close();
        exec.shutdownNow();
        if (net != null) net.close();
    }

    @Test
    @DisplayName("PADI/PADO/PADR/PADS, an LCP frame each way with FF 03 mapped, then the client's PADT hangs the line up")
    void sessionLifecycle() throws Exception {
        long me = clientDisc.mac();
        Tag uniq = new Tag(Pppoe.TAG_HOST_UNIQ, new byte[] {7, 7, 7, 7});
        LineIds ids = new LineIds("dslam9 eth 1/2:300", "sub-77");
        send(clientDisc, new DiscoveryPacket(Pppoe.BROADCAST, me, -1, Pppoe.PADI, 0,
                List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, ""), uniq)));
        DiscoveryPacket pado = awaitDiscovery(Pppoe.PADO);
        assertThat(pado.source()).isEqualTo(server.mac());
        assertThat(pado.first(Pppoe.TAG_HOST_UNIQ)).contains(uniq);
        send(clientDisc, new DiscoveryPacket(server.mac(), me, -1, Pppoe.PADR, 0, List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, ""),
                pado.first(Pppoe.TAG_AC_COOKIE).orElseThrow(), uniq, new Tag(Pppoe.TAG_VENDOR_SPECIFIC, ids.toVendorTag()))));
        DiscoveryPacket pads = awaitDiscovery(Pppoe.PADS);
        int sid = pads.sessionId();
        assertThat(sid).isNotZero();
        AccessLine line = (AccessLine) events.poll(5, TimeUnit.SECONDS);
        assertThat(line).isNotNull();
        assertThat(line.identity().agentCircuitId()).isEqualTo("dslam9 eth 1/2:300");
        assertThat(line.identity().agentRemoteId()).isEqualTo("sub-77");
        assertThat(line.identity().callingNumber()).isEqualTo("dslam9 eth 1/2:300");

        byte[] lcp = {(byte) 0xC0, 0x21, 0x01, 0x01, 0x00, 0x08, 0x01, 0x04, 0x05, (byte) 0xD4};
        ByteBuf frame = Unpooled.buffer();
        PppoeEncoder.sessionHeader(frame, server.mac(), me, -1, sid, lcp.length);
        frame.writeBytes(lcp);
        sendRaw(clientSess, ByteBufUtil.getBytes(frame));
        byte[] up = (byte[]) events.poll(5, TimeUnit.SECONDS);
        assertThat(up).as("the LAC sees FF 03 then the PPP frame").startsWith((byte) 0xFF, (byte) 0x03)
                .endsWith(lcp).hasSize(lcp.length + 2);
        byte[] echoed = awaitFrame(clientSess);
        FrameHeader h = new FrameHeader();
        assertThat(PppoeDecoder.header(Unpooled.wrappedBuffer(echoed), -1, h)).isNull();
        assertThat(h.sessionId).isEqualTo(sid);
        assertThat(h.destination).isEqualTo(me);
        assertThat(java.util.Arrays.copyOfRange(echoed, h.payloadOffset, h.payloadOffset + h.payloadLength))
                .as("FF 03 stripped towards the client").isEqualTo(lcp);

        sendRaw(clientSess, ByteBufUtil.getBytes(frame.setShort(16, sid + 1))); // another session id: not ours
        send(clientDisc, new DiscoveryPacket(server.mac(), me, -1, Pppoe.PADT, sid, List.of()));
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo(HangupCause.SUBSCRIBER);
        assertThat(exec.submit(server::sessions).get()).isZero();
        assertThat(server.drops(PppoeDrop.UNKNOWN_SESSION)).isEqualTo(1);
    }

    @Test
    @DisplayName("unknown service: no PADO; PADR with a forged cookie: no PADS, counted")
    void refusals() throws Exception {
        long me = clientDisc.mac();
        send(clientDisc, new DiscoveryPacket(Pppoe.BROADCAST, me, -1, Pppoe.PADI, 0, List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, "iptv"))));
        send(clientDisc, new DiscoveryPacket(server.mac(), me, -1, Pppoe.PADR, 0, List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, "internet"),
                new Tag(Pppoe.TAG_AC_COOKIE, new byte[16]))));
        send(clientDisc, new DiscoveryPacket(Pppoe.BROADCAST, me, -1, Pppoe.PADI, 0, List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, "internet"))));
        assertThat(awaitDiscovery(Pppoe.PADO).code()).as("the first answer is the PADO for the known service").isEqualTo(Pppoe.PADO);
        assertThat(server.drops(PppoeDrop.UNKNOWN_SERVICE)).isEqualTo(1);
        assertThat(server.drops(PppoeDrop.WRONG_COOKIE)).isEqualTo(1);
        assertThat(events).isEmpty();
    }

    @Test
    @DisplayName("PADI storm from one MAC: 20 PADIs at once get the per-MAC burst of 3 PADOs, the rest counted PADI_RATE_MAC")
    void padiStormFromOneMac() throws Exception {
        long me = clientDisc.mac();
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            send(clientDisc, new DiscoveryPacket(Pppoe.BROADCAST, me, -1, Pppoe.PADI, 0, List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, ""))));
        }
        int pados = 0;
        long deadline = start + TimeUnit.SECONDS.toNanos(5);
        while (pados + server.drops(PppoeDrop.PADI_RATE_MAC) < 20 && System.nanoTime() - deadline < 0) {
            if (pollDiscovery(clientDisc) == Pppoe.PADO) pados++;
        }
        long elapsed = System.nanoTime() - start;
        while (pollDiscovery(clientDisc) == Pppoe.PADO) pados++; // a PADO still in flight
        assertThat(pados + server.drops(PppoeDrop.PADI_RATE_MAC)).as("every PADI answered or counted").isEqualTo(20);
        // 3 back to back, plus one per 1/3 s should this machine have stalled that long between them.
        assertThat(pados).isBetween(3, 3 + (int) (elapsed * 3 / TimeUnit.SECONDS.toNanos(1)));
        assertThat(server.drops(PppoeDrop.PADI_RATE_INTERFACE)).isZero();
    }

    @Test
    @DisplayName("the interface going down drops every session on it as a subscriber hang-up")
    void interfaceLost() throws Exception {
        long me = clientDisc.mac();
        send(clientDisc, new DiscoveryPacket(Pppoe.BROADCAST, me, -1, Pppoe.PADI, 0, List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, ""))));
        DiscoveryPacket pado = awaitDiscovery(Pppoe.PADO);
        send(clientDisc, new DiscoveryPacket(server.mac(), me, -1, Pppoe.PADR, 0, List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, ""),
                pado.first(Pppoe.TAG_AC_COOKIE).orElseThrow())));
        awaitDiscovery(Pppoe.PADS);
        assertThat(events.poll(5, TimeUnit.SECONDS)).isInstanceOf(AccessLine.class);
        net.exec("ip", "link", "set", "vac0", "down");
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo(HangupCause.SUBSCRIBER);
        assertThat(exec.submit(server::sessions).get()).isZero();
    }

    @Test
    @DisplayName("802.1Q: a PADI tagged 100 is answered by the VLAN 100 server with a tagged PADO and PADS; the untagged one stays silent")
    void vlanTagged() throws Exception {
        try (PppoeAccessServer tagged = PppoeAccessServer.open(loop, new PppoeInterfaceConfig("vac0", Optional.of(net.name()), 100,
                "vlan-ac", List.of(), SECRET, 10, 100_000_000L, 1000, 3));
             RawSocket client = NetNs.call(Optional.of(net.name()), () -> RawSocket.open("vcl0", RawSocket.ETH_P_ALL))) {
            exec.execute(() -> tagged.start(line -> events.add(line)));
            long me = client.mac();
            send(client, new DiscoveryPacket(Pppoe.BROADCAST, me, 100, Pppoe.PADI, 0, List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, ""))));
            DiscoveryPacket pado = awaitTagged(client, 100, Pppoe.PADO);
            assertThat(pado.vlan()).isEqualTo(100);
            assertThat(pado.first(Pppoe.TAG_AC_NAME).map(Tag::text)).contains("vlan-ac");
            send(client, new DiscoveryPacket(tagged.mac(), me, 100, Pppoe.PADR, 0, List.of(Tag.text(Pppoe.TAG_SERVICE_NAME, ""),
                    pado.first(Pppoe.TAG_AC_COOKIE).orElseThrow())));
            assertThat(awaitTagged(client, 100, Pppoe.PADS).sessionId()).isNotZero();
            assertThat(events.poll(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(AccessLine.class,
                    l -> assertThat(l.identity().lineId()).contains("vac0.100/"));
            assertThat(server.framesOut()).as("the untagged server never answers another VLAN's client").isZero();
            assertThat(exec.submit(server::sessions).get()).isZero();
        }
    }

    /** The next discovery packet with {@code code} on VLAN {@code vlan}, skipping whatever else an ETH_P_ALL socket sees. */
    private DiscoveryPacket awaitTagged(RawSocket s, int vlan, int code) {
        for (int i = 0; i < 50; i++) {
            byte[] f = awaitFrame(s);
            FrameHeader h = new FrameHeader();
            if (PppoeDecoder.header(Unpooled.wrappedBuffer(f), vlan, h) != null || !h.isDiscovery()) continue;
            if (PppoeDecoder.discovery(Unpooled.wrappedBuffer(f), h) instanceof DiscoveryDecode.Decoded d && d.packet().code() == code) {
                return d.packet();
            }
        }
        throw new AssertionError("no " + Pppoe.codeName(code) + " on VLAN " + vlan);
    }

    private void send(RawSocket s, DiscoveryPacket p) {
        sendRaw(s, PppoeEncoder.discovery(p));
    }

    private void sendRaw(RawSocket s, byte[] frame) {
        MemorySegment out = arena.allocate(frame.length);
        MemorySegment.copy(frame, 0, out, ValueLayout.JAVA_BYTE, 0, frame.length);
        assertThat(s.send(out, frame.length)).isTrue();
    }

    /**
     * The next frame for us. An ETH_P_ALL socket is woken by its own outgoing frames too, which
     * {@link RawSocket#receive} skips (returning 0): wait again then.
     */
    private byte[] awaitFrame(RawSocket s) {
        MemorySegment in = arena.allocate(2048);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try (Poller p = new Poller(s.fd())) {
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                assertThat(left > 0 && p.await((int) left) == 1).as("a frame within 5 s").isTrue();
                int n = s.receive(in);
                assertThat(n).as("receive").isNotNegative();
                if (n > 0) return in.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
            }
        }
    }

    /** The CODE of the next discovery frame within 200 ms, or -1. */
    private int pollDiscovery(RawSocket s) {
        MemorySegment in = arena.allocate(2048);
        try (Poller p = new Poller(s.fd())) {
            if (p.await(200) != 1) return -1;
            int n = s.receive(in);
            if (n <= 0) return -1;
            FrameHeader h = new FrameHeader();
            return PppoeDecoder.header(Unpooled.wrappedBuffer(in.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE)), -1, h) == null
                    ? h.code : -1;
        }
    }

    private DiscoveryPacket awaitDiscovery(int code) {
        byte[] f = awaitFrame(clientDisc);
        FrameHeader h = new FrameHeader();
        assertThat(PppoeDecoder.header(Unpooled.wrappedBuffer(f), -1, h)).isNull();
        DiscoveryPacket p = ((DiscoveryDecode.Decoded) PppoeDecoder.discovery(Unpooled.wrappedBuffer(f), h)).packet();
        assertThat(p.code()).as(p.toString()).isEqualTo(code);
        return p;
    }
}
