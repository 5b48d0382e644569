package net.vpdn.l2tp.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the data fast path does not allocate")
class L2tpHeaderAllocationTest {
    private static final int ROUNDS = 200_000;

    @Test
    @DisplayName("parsing data headers and writing them again allocates (almost) nothing over 200k packets")
    void noAllocation() {
        var mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean, "needs HotSpot per-thread allocation counters");
        com.sun.management.ThreadMXBean hotspot = (com.sun.management.ThreadMXBean) mx;
        ByteBuffer in = ByteBuffer.wrap(Vectors.load("data-seq-offset"));
        ByteBuffer out = ByteBuffer.allocate(16);
        L2tpHeader h = new L2tpHeader();
        long checksum = run(h, in, out, 1000); // warm up, and let class loading happen before measuring
        long thread = Thread.currentThread().threadId();
        long before = hotspot.getThreadAllocatedBytes(thread);
        checksum += run(h, in, out, ROUNDS);
        long allocated = hotspot.getThreadAllocatedBytes(thread) - before;
        assertThat(checksum).isPositive();
        // One boxed object per parse would already be 16 bytes x 200k = 3.2 MB.
        assertThat(allocated).isLessThan(4096);
    }

    private static long run(L2tpHeader h, ByteBuffer in, ByteBuffer out, int rounds) {
        long sum = 0;
        for (int i = 0; i < rounds; i++) {
            if (h.parse(in) == null) {
                sum += h.payloadLength() + h.sessionId();
            }
            out.clear();
            sum += PacketEncoder.writeDataHeader(out, h.tunnelId(), h.sessionId(), h.hasSequence(), i, 0);
        }
        return sum;
    }
}
