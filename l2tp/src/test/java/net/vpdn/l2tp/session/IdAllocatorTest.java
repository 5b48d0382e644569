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

    @ParameterizedTest(name = "seed {0}: a released id is not handed out again within the next 1,024 releases")
    @MethodSource("seeds")
    void releasedIdsRest(long seed) {
        IdAllocator ids = new IdAllocator(RandomSource.seeded(seed));
        SplittableRandom r = new SplittableRandom(seed);
        java.util.List<Integer> up = new java.util.ArrayList<>();
        java.util.Map<Integer, Integer> releasedAt = new java.util.HashMap<>();
        int releases = 0;
        for (int step = 0; step < 200_000; step++) {
            if (up.size() < 300 && (up.isEmpty() || r.nextBoolean())) { // calls come and go around 300 live
                int id = ids.allocate();
                Integer at = releasedAt.get(id);
                assertThat(at == null || releases - at >= IdAllocator.REST).as("id %d reused %d releases after its release",
                        id, at == null ? -1 : releases - at).isTrue();
                up.add(id);
            } else {
                int id = up.remove(r.nextInt(up.size()));
                assertThat(ids.release(id)).isTrue();
                assertThat(ids.release(id)).as("a resting id is not live").isFalse();
                assertThat(ids.isLive(id)).isFalse();
                releasedAt.put(id, releases++);
            }
        }
        assertThat(ids.liveCount()).isEqualTo(up.size());
        assertThat(ids.restingCount()).isEqualTo(IdAllocator.REST);
    }

    @Test
    @DisplayName("a resting id cannot be reserved; when nothing else is free the longest-resting one is handed out")
    void restingWhenFull() {
        IdAllocator ids = new IdAllocator(RandomSource.seeded(3));
        for (int i = 0; i < IdAllocator.CAPACITY; i++) ids.allocate();
        assertThat(ids.release(100)).isTrue();
        assertThat(ids.release(200)).isTrue();
        assertThat(ids.reserve(100)).isFalse();
        assertThat(ids.allocate()).isEqualTo(100);
        assertThat(ids.allocate()).isEqualTo(200);
        assertThat(ids.allocate()).isZero();
    }
}
