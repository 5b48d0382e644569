package net.vpdn.lns.uplink;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import net.vpdn.lns.ip.Ipv4Packets;
import net.vpdn.lns.ip.MssClamp;
import net.vpdn.lns.ip.PacketEgress;
import net.vpdn.runtime.os.NetNs;
import net.vpdn.runtime.os.Poller;
import net.vpdn.runtime.os.TunDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LNS's TUN uplink: {@link #send} (on the LNS loop) writes subscriber packets for the outside
 * into the TUN device without blocking (a full device drops and counts), and one reader thread
 * takes the host's packets for the pools out of it in batches and hands them to the loop. TCP SYNs
 * are MSS-clamped both ways to the device MTU minus 40.
 */
public final class TunEgress implements PacketEgress, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("vpdn.lns.uplink");
    private static final int PACKET_MAX = 65536;
    private static final int BATCH = 64;
    private static final int POLL_MILLIS = 100;

    private final TunDevice tun;
    private final int maxMss;
    private final Arena txArena = Arena.ofAuto();
    private final MemorySegment tx = txArena.allocate(PACKET_MAX);
    private final ByteBuf txView = Unpooled.wrappedBuffer(tx.asByteBuffer());
    private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private final AtomicLong packetsOut = new AtomicLong();
    private final AtomicLong packetsIn = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private Thread reader;
    private volatile boolean running;

    private TunEgress(TunDevice tun, int mtu) {
        this.tun = tun;
        this.maxMss = mtu - 40;
    }

    /** Creates the device (in {@code netns}, if named). Needs CAP_NET_ADMIN. */
    public static TunEgress open(String name, Optional<String> netns, int mtu) throws IOException {
        return new TunEgress(NetNs.call(netns, () -> TunDevice.open(name)), mtu);
    }

    public String deviceName() {
        return tun.name();
    }

    /**
     * Starts reading: each batch of host packets runs {@code toForwarder} per packet on {@code loop}, then
     * {@code flush} once (the L2TP endpoint writes data without flushing, as its own reads do).
     */
    public void start(Executor loop, Consumer<ByteBuf> toForwarder, Runnable flush) {
        running = true;
        reader = Thread.ofPlatform().daemon().name("vpdn-tun-" + tun.name()).start(() -> readLoop(loop, toForwarder, flush));
    }

    private void readLoop(Executor loop, Consumer<ByteBuf> toForwarder, Runnable flush) {
        try (Arena arena = Arena.ofConfined(); Poller poller = new Poller(tun.fd())) {
            MemorySegment rx = arena.allocate(PACKET_MAX);
            ByteBuf rxView = Unpooled.wrappedBuffer(rx.asByteBuffer());
            while (running) {
                if (poller.await(POLL_MILLIS) == 0) continue;
                List<ByteBuf> batch = new ArrayList<>(8);
                for (int i = 0; i < BATCH; i++) {
                    int n = tun.read(rx);
                    if (n <= 0) break;
                    ByteBuf p = alloc.directBuffer(n);
                    p.writeBytes(rxView, 0, n);
                    batch.add(p);
                }
                packetsIn.addAndGet(batch.size());
                if (!batch.isEmpty()) loop.execute(() -> {
                    for (ByteBuf p : batch) {
                        if (Ipv4Packets.check(p) == null) MssClamp.clamp(p, maxMss);
                        toForwarder.accept(p);
                    }
                    flush.run();
                });
            }
        } catch (RuntimeException | Error e) {
            LOG.error("event=uplink-reader-failed device={} error='{}'", tun.name(), e.toString());
        }
    }

    /** One subscriber packet for the outside (an IPv4 packet the forwarder checked); takes ownership. On the loop. */
    @Override
    public void send(ByteBuf packet) {
        try {
            int n = packet.readableBytes();
            MssClamp.clamp(packet, maxMss);
            txView.clear();
            txView.writeBytes(packet, packet.readerIndex(), n);
            if (tun.write(tx, n)) packetsOut.incrementAndGet();
            else dropped.incrementAndGet();
        } finally {
            packet.release();
        }
    }

    public long packetsOut() {
        return packetsOut.get();
    }

    public long packetsIn() {
        return packetsIn.get();
    }

    public long dropped() {
        return dropped.get();
    }

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
        tun.close();
    }
}
