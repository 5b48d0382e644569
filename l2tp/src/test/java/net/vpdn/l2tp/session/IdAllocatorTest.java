package net.vpdn.l2tp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import net.vpdn.l2tp.RandomSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("IdAllocator")
class IdAllocatorTest {

    static LongStream seeds() {
        return new SplittableRandom(20240601).longs(4);
    }

    @ParameterizedTest(name = "seed {0}: 65,535 allocations are distinct and non-zero, then 0")
    @MethodSource("seeds")
    void fillsTheSpace(long seed) {
        IdAllocator ids = new IdAllocator(RandomSource.seeded(seed));
        BitSet seen = new BitSet(65536);
        for (int i = 0; i < IdAllocator.CAPACITY; i++) {
            int id = ids.allocate();
            assertThat(id).isBetween(1, 65535);
            assertThat(seen.get(id)).as("duplicate %d", id).isFalse();
            seen.set(id);
        }
        assertThat(ids.liveCount()).isEqualTo(65535);
        assertThat(ids.allocate()).isZero();
        assertThat(ids.release(4321)).isTrue();
        assertThat(ids.allocate()).as("the only free id").isEqualTo(4321);
    }

    @Test
    @DisplayName("release frees exactly live ids; reserve refuses 0, live and out-of-range ids")
    void releaseAndReserve() {
        IdAllocator ids = new IdAllocator(RandomSource.seeded(1));
        int a = ids.allocate();
        assertThat(ids.isLive(a)).isTrue();
        assertThat(ids.reserve(a)).isFalse();
        assertThat(ids.release(a)).isTrue();
        assertThat(ids.release(a)).isFalse();
        assertThat(ids.reserve(0)).isFalse();
        assertThat(ids.reserve(65536)).isFalse();
        assertThat(ids.reserve(7)).isTrue();
        assertThat(ids.isLive(7)).isTrue();
        assertThat(ids.liveCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a source that always returns 0 still yields valid ids through the scan")
    void degenerateRandom() {
        IdAllocator ids = new IdAllocator(new RandomSource() {
            public void nextBytes(byte[] dest) { }
            public int nextInt() { return 0; }
            public long nextLong() { return 0; }
        });
        assertThat(ids.allocate()).isEqualTo(1);
        assertThat(ids.allocate()).isEqualTo(2);
    }
}
