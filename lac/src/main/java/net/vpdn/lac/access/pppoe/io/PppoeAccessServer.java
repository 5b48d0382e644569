package net.vpdn.lac.access.pppoe.io;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import net.vpdn.lac.access.AccessListener;
import net.vpdn.lac.access.AccessServer;
import net.vpdn.lac.access.HangupCause;
import net.vpdn.lac.access.LineIdentity;
import net.vpdn.lac.access.pppoe.AcConfig;
import net.vpdn.lac.access.pppoe.Discovery;
import net.vpdn.lac.access.pppoe.DiscoveryAction;
import net.vpdn.lac.access.pppoe.DiscoveryDecode;
import net.vpdn.lac.access.pppoe.FrameHeader;
import net.vpdn.lac.access.pppoe.LineIds;
import net.vpdn.lac.access.pppoe.Pppoe;
import net.vpdn.lac.access.pppoe.PppoeDecoder;
import net.vpdn.lac.access.pppoe.PppoeDrop;
import net.vpdn.lac.access.pppoe.PppoeEncoder;
import net.vpdn.lac.loop.CallLoop;
import net.vpdn.runtime.os.Libc;
import net.vpdn.runtime.os.NetNs;
import net.vpdn.runtime.os.Poller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PPPoE access on one Ethernet interface: two raw sockets (discovery 0x8863, session 0x8864), one
 * reader thread for every session of the interface that waits in poll(2), drains both sockets in
 * batches and hands each batch to the LAC's loop, where {@link Discovery} answers PADI/PADR/PADT
 * and session frames go to their {@link PppoeLine} by (peer MAC, SESSION_ID). Sending happens on
 * the loop through one native buffer. No thread per session, no blocking on the loop.
 */
public final class PppoeAccessServer implements AccessServer {
    private static final Logger LOG = LoggerFactory.getLogger("vpdn.lac.pppoe");
    /** Ethernet frame without FCS, with one 802.1Q tag, rounded up. */
    private static final int FRAME_MAX = 2048;
    private static final int BATCH = 64;
    private static final int POLL_MILLIS = 100;
    private static final int ENXIO = 6;
    private static final int ENODEV = 19;
    private static final int ENETDOWN = 100;

    private final CallLoop loop;
    private final PppoeInterfaceConfig config;
    private final RawSocket discoverySocket;
    private final RawSocket sessionSocket;
    private final Discovery discovery;
    private final PppoeLine[] lines = new PppoeLine[0x10000];
    private final AtomicLongArray drops = new AtomicLongArray(PppoeDrop.values().length);
    private final AtomicLong framesIn = new AtomicLong();
    private final AtomicLong framesOut = new AtomicLong();
    private final FrameHeader header = new FrameHeader();
    private final Arena txArena = Arena.ofAuto();
    private final MemorySegment txSegment = txArena.allocate(FRAME_MAX);
    private final ByteBuf tx = Unpooled.wrappedBuffer(txSegment.asByteBuffer());
    private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private AccessListener listener;
    private Thread reader;
    private volatile boolean running;

    private PppoeAccessServer(CallLoop loop, PppoeInterfaceConfig config, RawSocket discoverySocket, RawSocket sessionSocket) {
        this.loop = loop;
        this.config = config;
        this.discoverySocket = discoverySocket;
        this.sessionSocket = sessionSocket;
        this.discovery = new Discovery(new AcConfig(discoverySocket.mac(), config.vlan(), config.acName(), config.services(),
                config.cookieSecret(), config.maxSessions(), config.padiLimit(), config.padiLimitPerMac()));
    }

    /** Opens the interface's sockets (inside its netns, if one is named). Needs CAP_NET_RAW. */
    public static PppoeAccessServer open(CallLoop loop, PppoeInterfaceConfig config) throws IOException {
        RawSocket[] sockets = NetNs.call(config.netns(), () -> {
            if (config.vlan() != FrameHeader.UNTAGGED) {
                // The kernel strips 802.1Q tags before protocol-bound sockets see a frame, and clears them (no
                // auxdata) for a VLAN no sub-interface claims: one socket for every EtherType sees them.
                RawSocket all = RawSocket.open(config.interfaceName(), RawSocket.ETH_P_ALL);
                return new RawSocket[] {all, all};
            }
            RawSocket d = RawSocket.open(config.interfaceName(), Pppoe.ETHERTYPE_DISCOVERY);
            try {
                return new RawSocket[] {d, RawSocket.open(config.interfaceName(), Pppoe.ETHERTYPE_SESSION)};
            } catch (IOException | RuntimeException e) {
                d.close();
                throw e;
            }
        });
        return new PppoeAccessServer(loop, config, sockets[0], sockets[1]);
    }

    /** Our MAC address on the interface. */
    public long mac() {
        return discoverySocket.mac();
    }

    @Override
    public void start(AccessListener l) {
        listener = l;
        running = true;
        reader = Thread.ofPlatform().daemon().name("vpdn-pppoe-" + config.interfaceName()).start(this::readLoop);
        LOG.info("event=pppoe-listening interface={} netns={} mac={} vlan={} ac-name='{}' services={} padi-limit={} "
                + "padi-limit-per-mac={}", config.interfaceName(), config.netns().orElse("-"), Pppoe.macString(mac()), config.vlan(),
                config.acName(), config.services(), config.padiLimit(), config.padiLimitPerMac());
    }

    // ---- reader thread -----------------------------------------------------------------------

    private void readLoop() {
        boolean shared = discoverySocket == sessionSocket;
        try (Arena arena = Arena.ofConfined(); Poller poller = shared ? new Poller(discoverySocket.fd())
                : new Poller(discoverySocket.fd(), sessionSocket.fd())) {
            MemorySegment rx = arena.allocate(FRAME_MAX);
            ByteBuf rxView = Unpooled.wrappedBuffer(rx.asByteBuffer());
            while (running) {
                if (poller.await(POLL_MILLIS) == 0) continue;
                List<ByteBuf> batch = new ArrayList<>(8);
                drain(discoverySocket, rx, rxView, batch);
                if (!shared) drain(sessionSocket, rx, rxView, batch);
                if (!batch.isEmpty()) loop.execute(() -> onBatch(batch));
            }
        } catch (RuntimeException | Error e) {
            LOG.error("event=pppoe-reader-failed interface={} error='{}'", config.interfaceName(), e.toString());
        }
    }

    private void drain(RawSocket socket, MemorySegment rx, ByteBuf rxView, List<ByteBuf> batch) {
        for (int i = 0; i < BATCH; i++) {
            int n = socket.receive(rx);
            if (n == 0) return;
            if (n < 0) {
                LOG.warn("event=pppoe-receive-failed interface={} error='{}'", config.interfaceName(), Libc.strerror(-n));
                if (-n == ENETDOWN || -n == ENODEV || -n == ENXIO) loop.execute(this::interfaceDown);
                return;
            }
            ByteBuf frame = alloc.directBuffer(n);
            frame.writeBytes(rxView, 0, n);
            batch.add(frame);
        }
    }

    // ---- loop --------------------------------------------------------------------------------

    private void onBatch(List<ByteBuf> batch) {
        long now = System.nanoTime();
        for (ByteBuf frame : batch) onFrame(frame, now);
        listener.readComplete();
    }

    private void onFrame(ByteBuf frame, long now) {
        framesIn.incrementAndGet();
        FrameHeader h = header;
        PppoeDrop bad = PppoeDecoder.header(frame, config.vlan(), h);
        if (bad != null) {
            dropped(frame, bad);
            return;
        }
        if (h.isDiscovery()) {
            DiscoveryDecode d = PppoeDecoder.discovery(frame, h);
            frame.release();
            switch (d) {
                case DiscoveryDecode.Malformed m -> count(m.reason(), m.detail());
                case DiscoveryDecode.Decoded ok -> discovery.receive(ok.packet(), now).forEach(this::apply);
            }
            return;
        }
        if (h.destination != mac()) {
            dropped(frame, PppoeDrop.NOT_FOR_US);
            return;
        }
        PppoeLine line = lines[h.sessionId];
        if (line == null || line.peer() != h.source) {
            dropped(frame, PppoeDrop.UNKNOWN_SESSION);
            return;
        }
        if (line.firstHeard()) discovery.confirmed(h.source, h.sessionId);
        line.received(frame, h);
    }

    private void apply(DiscoveryAction a) {
        switch (a) {
            case DiscoveryAction.Send s -> sendRaw(discoverySocket, s.frame());
            case DiscoveryAction.Opened o -> opened(o);
            case DiscoveryAction.Closed c -> {
                PppoeLine line = lines[c.sessionId()];
                lines[c.sessionId()] = null;
                LOG.info("event=pppoe-padt-received line={}", line == null ? "-" : line.identity().lineId());
                if (line != null) line.closedByPeer();
            }
            case DiscoveryAction.Dropped d -> count(d.reason(), d.detail());
        }
    }

    private void opened(DiscoveryAction.Opened o) {
        LineIdentity id = identity(o.peer(), o.sessionId(), o.serviceName(), o.lineIds());
        PppoeLine line = new PppoeLine(this, id, o.peer(), o.sessionId());
        lines[o.sessionId()] = line;
        LOG.info("event=pppoe-session-up line={} service='{}' circuit-id='{}' remote-id='{}'", id.lineId(), o.serviceName(),
                o.lineIds().agentCircuitId(), o.lineIds().agentRemoteId());
        listener.lineUp(line);
    }

    private LineIdentity identity(long peer, int sessionId, String service, LineIds ids) {
        String mac = Pppoe.macString(peer);
        String lineId = "pppoe/" + config.interfaceName() + (config.vlan() >= 0 ? "." + config.vlan() : "") + "/" + mac + "/" + sessionId;
        String calling = ids.agentCircuitId().isEmpty() ? mac : ids.agentCircuitId();
        return new LineIdentity(lineId, calling, service, true, true, config.connectBps(), 0, OptionalLong.of(sessionId),
                ids.agentCircuitId(), ids.agentRemoteId());
    }

    /** The interface went down or away: every session on it is over (carrier lost), without PADT. */
    private void interfaceDown() {
        int n = 0;
        for (int sid = 1; sid < lines.length; sid++) {
            PppoeLine line = lines[sid];
            if (line == null) continue;
            lines[sid] = null;
            discovery.terminate(line.peer(), sid, "");
            line.closedByPeer();
            n++;
        }
        LOG.warn("event=pppoe-interface-down interface={} sessions-dropped={}", config.interfaceName(), n);
    }

    /** A PPP frame from the LAC to a session: FF 03 dropped (RFC 2516 §7), PPPoE headers in front. */
    void sendSession(PppoeLine line, ByteBuf frame) {
        int at = frame.readerIndex();
        int len = frame.readableBytes();
        if (len >= 2 && frame.getUnsignedByte(at) == 0xFF && frame.getUnsignedByte(at + 1) == 0x03) {
            at += 2;
            len -= 2;
        }
        int head = PppoeEncoder.sessionHeaderLength(config.vlan());
        if (head + len > FRAME_MAX) {
            count(PppoeDrop.SEND_FAILED, "frame of " + len + " octets");
            return;
        }
        tx.clear();
        PppoeEncoder.sessionHeader(tx, line.peer(), mac(), config.vlan(), line.sessionId(), len);
        tx.writeBytes(frame, at, len);
        transmit(sessionSocket, tx.readableBytes());
    }

    /** Our side drops the session: PADT to the subscriber. */
    void terminate(PppoeLine line, HangupCause cause) {
        if (lines[line.sessionId()] == line) lines[line.sessionId()] = null;
        discovery.terminate(line.peer(), line.sessionId(), cause.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .ifPresent(padt -> sendRaw(discoverySocket, padt));
        LOG.info("event=pppoe-padt-sent line={} cause={}", line.identity().lineId(), cause);
    }

    private void sendRaw(RawSocket socket, byte[] frame) {
        tx.clear();
        tx.writeBytes(frame);
        transmit(socket, frame.length);
    }

    private void transmit(RawSocket socket, int length) {
        if (socket.send(txSegment, length)) framesOut.incrementAndGet();
        else count(PppoeDrop.SEND_FAILED, Libc.strerror(socket.sendErrno()));
    }

    private void dropped(ByteBuf frame, PppoeDrop reason) {
        frame.release();
        drops.incrementAndGet(reason.ordinal());
    }

    private void count(PppoeDrop reason, String detail) {
        drops.incrementAndGet(reason.ordinal());
        LOG.debug("event=pppoe-drop interface={} reason={} detail='{}'", config.interfaceName(), reason, detail);
    }

    /** Frames dropped for {@code reason} so far; any thread. */
    public long drops(PppoeDrop reason) {
        return drops.get(reason.ordinal());
    }

    public long framesIn() {
        return framesIn.get();
    }

    public long framesOut() {
        return framesOut.get();
    }

    /** Open PPPoE sessions; on the loop. */
    public int sessions() {
        return discovery.sessions();
    }

    /** Stops the reader and closes the sockets; sessions still open get nothing more (clear the calls first). */
    @Override
    public void close() {
        running = false;
        if (reader != null) {
            try {
                reader.join(POLL_MILLIS * 20L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        discoverySocket.close();
        if (sessionSocket != discoverySocket) sessionSocket.close();
    }
}
