package net.vpdn.benchmarks.scenario;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ceiling a data plane on this host can reach: how many datagrams per second one Java thread can
 * forward on loopback (a sender blasts 64-byte datagrams at a relay, which sends each on to a sink; the
 * sink counts). Measured in the same run as a scenario, so its figures can be read against it.
 * The sender keeps at most {@link #IN_FLIGHT} datagrams between itself and the sink: an open-loop blast
 * overflowed the relay's receive buffer (~250,000 RcvbufErrors host-wide in 2 s), which any other run
 * on the host then counted as its own drops.
 */
final class UdpCeiling {
    /** Far under what a default 212,992-byte receive buffer holds of 64-byte datagrams (128 still lost ~770 in 2 s). */
    static final int IN_FLIGHT = 32;

    private UdpCeiling() {
    }

    /** Datagrams per second that reached the sink through the relay during {@code duration}. */
    static double forwardingRate(Duration duration) throws IOException, InterruptedException {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (DatagramChannel sink = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
             DatagramChannel relay = DatagramChannel.open().bind(new InetSocketAddress(lo, 0));
             DatagramChannel sender = DatagramChannel.open().bind(new InetSocketAddress(lo, 0))) {
            AtomicBoolean stop = new AtomicBoolean();
            LongAdder received = new LongAdder();
            AtomicLong sinkTotal = new AtomicLong(); // never reset: the sender's window
            InetSocketAddress sinkAt = (InetSocketAddress) sink.getLocalAddress();
            InetSocketAddress relayAt = (InetSocketAddress) relay.getLocalAddress();
            Thread tSink = Thread.ofPlatform().daemon().start(() -> drain(sink, stop, received, sinkTotal));
            Thread tRelay = Thread.ofPlatform().daemon().start(() -> forward(relay, sinkAt, stop));
            Thread tSend = Thread.ofPlatform().daemon().start(() -> blast(sender, relayAt, stop, sinkTotal));
            Thread.sleep(200); // warm-up, not counted: the benchmark's own timing, not a test's
            received.reset();
            long start = System.nanoTime();
            Thread.sleep(duration.toMillis());
            long n = received.sum();
            double seconds = (System.nanoTime() - start) / 1e9;
            stop.set(true);
            sink.close();
            relay.close();
            sender.close();
            tSink.join(1000);
            tRelay.join(1000);
            tSend.join(1000);
            return n / seconds;
        }
    }

    private static void drain(DatagramChannel ch, AtomicBoolean stop, LongAdder received, AtomicLong total) {
        ByteBuffer buf = ByteBuffer.allocateDirect(2048);
        while (!stop.get()) {
            try {
                buf.clear();
                if (ch.receive(buf) != null) {
                    received.increment();
                    total.incrementAndGet();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void forward(DatagramChannel ch, InetSocketAddress to, AtomicBoolean stop) {
        ByteBuffer buf = ByteBuffer.allocateDirect(2048);
        while (!stop.get()) {
            try {
                buf.clear();
                if (ch.receive(buf) == null) continue;
                buf.flip();
                ch.send(buf, to);
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Sends while fewer than {@link #IN_FLIGHT} datagrams are on their way to the sink; one lost anyway
     * (another process starving the relay) is written off after 10 ms so the window cannot stall.
     */
    private static void blast(DatagramChannel ch, InetSocketAddress to, AtomicBoolean stop, AtomicLong sinkTotal) {
        ByteBuffer buf = ByteBuffer.allocateDirect(64);
        long sent = 0;
        long waitingSince = 0;
        while (!stop.get()) {
            long arrived = sinkTotal.get();
            if (sent - arrived >= IN_FLIGHT) {
                long now = System.nanoTime();
                if (waitingSince == 0) {
                    waitingSince = now;
                } else if (now - waitingSince > 10_000_000L) {
                    sent = arrived;
                }
                Thread.onSpinWait();
                continue;
            }
            waitingSince = 0;
            try {
                buf.clear();
                ch.send(buf, to);
                sent++;
            } catch (IOException e) {
                return;
            }
        }
    }
}
