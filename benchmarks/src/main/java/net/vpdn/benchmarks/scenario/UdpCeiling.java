package net.vpdn.benchmarks.scenario;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ceiling a data plane on this host can reach: how many datagrams per second one Java thread can
 * forward on loopback (a sender blasts 64-byte datagrams at a relay, which sends each on to a sink; the
 * sink counts). Measured in the same run as a scenario, so its figures can be read against it.
 */
final class UdpCeiling {
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
            InetSocketAddress sinkAt = (InetSocketAddress) sink.getLocalAddress();
            InetSocketAddress relayAt = (InetSocketAddress) relay.getLocalAddress();
            Thread tSink = Thread.ofPlatform().daemon().start(() -> drain(sink, stop, received));
            Thread tRelay = Thread.ofPlatform().daemon().start(() -> forward(relay, sinkAt, stop));
            Thread tSend = Thread.ofPlatform().daemon().start(() -> blast(sender, relayAt, stop));
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

    private static void drain(DatagramChannel ch, AtomicBoolean stop, LongAdder received) {
        ByteBuffer buf = ByteBuffer.allocateDirect(2048);
        while (!stop.get()) {
            try {
                buf.clear();
                if (ch.receive(buf) != null) received.increment();
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

    private static void blast(DatagramChannel ch, InetSocketAddress to, AtomicBoolean stop) {
        ByteBuffer buf = ByteBuffer.allocateDirect(64);
        while (!stop.get()) {
            try {
                buf.clear();
                ch.send(buf, to);
            } catch (IOException e) {
                return;
            }
        }
    }
}
