package net.vpdn.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import net.vpdn.l2tp.transport.ReliableTransport;
import net.vpdn.l2tp.transport.TransportAction;
import net.vpdn.l2tp.transport.TransportConfig;
import net.vpdn.l2tp.transport.TransportTimer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reliable-delivery steps (RFC 2661 §5.8) of every control message, on two
 * {@link ReliableTransport}s passing each other's actions by hand: no codec, no engine, no timer
 * host, just sequence numbers, windows, the retransmission queue and the ack-delay decision.
 *
 * <p>Why it matters at carrier scale: every ICRQ, ICRP, ICCN, CDN and HELLO of every tunnel crosses
 * these steps twice (sender and receiver), and with 1,000 tunnels the HELLOs alone are a steady
 * load; this is the transport's share of each message. Run with
 * {@code ./vpdn bench ReliableTransportBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReliableTransportBenchmark {
    private static final long ACK_DELAY = TransportConfig.DEFAULT_ACK_DELAY.toNanos();
    private static final Object MESSAGE = "ICCN";
    private static final Object REPLY = "ICRP";

    private ReliableTransport<Object> sender;
    private ReliableTransport<Object> receiver;
    private long now;

    @Setup
    public void setup() {
        sender = new ReliableTransport<>(TransportConfig.DEFAULT);
        receiver = new ReliableTransport<>(TransportConfig.DEFAULT);
        now = 1_000_000_000L;
        messageAndZlb();
        requestAndReply();
    }

    /**
     * One message nobody answers: submit, receive (delivered, ack timer armed), the ack delay expires
     * (ZLB), the sender takes the ZLB (retransmit timer cancelled).
     */
    @Benchmark
    public int messageAndZlb() {
        TransportAction.Transmit<Object> out = transmit(sender.submit(MESSAGE, false, now));
        int delivered = deliveries(receiver.onReceive(out.ns(), out.nr(), out.message(), now));
        now += ACK_DELAY;
        TransportAction.Transmit<Object> zlb = transmit(receiver.onTimer(TransportTimer.ACK_DELAY, now));
        sender.onReceive(zlb.ns(), zlb.nr(), null, now);
        return check(delivered);
    }

    /**
     * A request answered at once (ICRQ then ICRP): the reply carries the acknowledgement, and the
     * reply's own acknowledgement rides on the next request, so no ZLB and no timer fires.
     */
    @Benchmark
    public int requestAndReply() {
        TransportAction.Transmit<Object> request = transmit(sender.submit(MESSAGE, false, now));
        int delivered = deliveries(receiver.onReceive(request.ns(), request.nr(), request.message(), now));
        TransportAction.Transmit<Object> reply = transmit(receiver.submit(REPLY, false, now));
        delivered += deliveries(sender.onReceive(reply.ns(), reply.nr(), reply.message(), now));
        now += 1_000_000L;
        return check(delivered - 1);
    }

    private int check(int delivered) {
        if (delivered != 1 || sender.unackedCount() > 1 || receiver.unackedCount() > 1) {
            throw new IllegalStateException("transport out of step: delivered " + delivered + ", unacked "
                    + sender.unackedCount() + "/" + receiver.unackedCount());
        }
        return delivered;
    }

    private static TransportAction.Transmit<Object> transmit(List<TransportAction<Object>> actions) {
        for (TransportAction<Object> a : actions) {
            if (a instanceof TransportAction.Transmit<Object> t) {
                return t;
            }
        }
        throw new IllegalStateException("nothing transmitted: " + actions);
    }

    private static int deliveries(List<TransportAction<Object>> actions) {
        int n = 0;
        for (TransportAction<Object> a : actions) {
            if (a instanceof TransportAction.Deliver<Object>) {
                n++;
            }
        }
        return n;
    }
}
