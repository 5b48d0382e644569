package net.vpdn.lac.access.pppoe;

import static net.vpdn.lac.access.pppoe.PadiLimiter.Verdict.ANSWER;
import static net.vpdn.lac.access.pppoe.PadiLimiter.Verdict.OVER_INTERFACE_LIMIT;
import static net.vpdn.lac.access.pppoe.PadiLimiter.Verdict.OVER_MAC_LIMIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import net.vpdn.lac.access.pppoe.PadiLimiter.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("PADI storm protection: token buckets per interface and per MAC, in virtual time")
class PadiLimiterTest {
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;
    static final long A = Pppoe.mac("52:54:00:00:00:0a");
    static final long B = Pppoe.mac("52:54:00:00:00:0b");

    @Test
    @DisplayName("one MAC: its burst is answered, the next PADI is not, and a token comes back every 1/rate s")
    void burstThenThrottledThenRefills() {
        PadiLimiter l = new PadiLimiter(0, 1, 3, 3, 64, 7);
        assertThat(List.of(l.admit(A, 0), l.admit(A, 1), l.admit(A, 2))).containsOnly(ANSWER);
        assertThat(l.admit(A, 3)).isEqualTo(OVER_MAC_LIMIT);
        assertThat(l.admit(A, 333 * MS)).as("not quite 1/3 s").isEqualTo(OVER_MAC_LIMIT);
        assertThat(l.admit(A, 334 * MS)).isEqualTo(ANSWER);
        assertThat(l.admit(A, 335 * MS)).isEqualTo(OVER_MAC_LIMIT);
        long quiet = 10 * S;
        assertThat(List.of(l.admit(A, quiet), l.admit(A, quiet), l.admit(A, quiet))).as("idle: the whole burst again")
                .containsOnly(ANSWER);
        assertThat(l.admit(A, quiet)).as("but never more than the burst").isEqualTo(OVER_MAC_LIMIT);
    }

    @Test
    @DisplayName("a noisy MAC does not take the tokens of another MAC")
    void perMacIsolation() {
        PadiLimiter l = new PadiLimiter(0, 1, 3, 3, 64, 7);
        for (int i = 0; i < 1000; i++) l.admit(A, i * MS);
        assertThat(List.of(l.admit(B, S), l.admit(B, S), l.admit(B, S))).containsOnly(ANSWER);
        assertThat(l.admit(B, S)).isEqualTo(OVER_MAC_LIMIT);
    }

    @Test
    @DisplayName("the interface limit holds across MACs, and a PADI refused per MAC does not spend an interface token")
    void interfaceLimit() {
        PadiLimiter l = new PadiLimiter(2, 2, 1, 1, 64, 7);
        assertThat(l.admit(A, 0)).isEqualTo(ANSWER);
        assertThat(l.admit(A, 0)).isEqualTo(OVER_MAC_LIMIT);
        assertThat(l.admit(A, 0)).isEqualTo(OVER_MAC_LIMIT);
        assertThat(l.admit(B, 0)).as("the second interface token is still there").isEqualTo(ANSWER);
        long c = Pppoe.mac("52:54:00:00:00:0c");
        assertThat(l.admit(c, 0)).isEqualTo(OVER_INTERFACE_LIMIT);
        assertThat(l.admit(c, S / 2)).as("1/2 s later: one interface token back; C's own bucket was untouched")
                .isEqualTo(ANSWER);
    }

    @Test
    @DisplayName("0 means no limit: every PADI is answered and no MAC table is kept")
    void unlimited() {
        PadiLimiter l = PadiLimiter.of(0, 0, 7);
        assertThat(LongStream.range(0, 10_000).mapToObj(i -> l.admit(A, 0)).distinct()).containsExactly(ANSWER);
        assertThat(l.capacity()).isZero();
    }

    @Test
    @DisplayName("the clock may wrap like System.nanoTime: the limit holds across Long.MAX_VALUE")
    void clockWraps() {
        PadiLimiter l = new PadiLimiter(1, 1, 1, 1, 64, 7);
        long t = Long.MAX_VALUE - 100;
        assertThat(l.admit(A, t)).isEqualTo(ANSWER);
        assertThat(l.admit(A, t + 200)).as("past the wrap, 300 ns later").isEqualTo(OVER_MAC_LIMIT);
        assertThat(l.admit(A, t + S)).isEqualTo(ANSWER);
    }

    @Test
    @DisplayName("a storm of a million random MACs: the table stays at its size and the noisy MAC stays throttled")
    void randomMacStormIsBounded() {
        PadiLimiter l = new PadiLimiter(0, 1, 3, 3, 1024, 99);
        SplittableRandom rnd = new SplittableRandom(1);
        Reference noisy = new Reference(3, 3);
        int noisyAnswered = 0;
        int expected = 0;
        for (int i = 0; i < 1_000_000; i++) {
            long now = i * 2_000L; // 2 s of virtual time, 500,000 PADIs a second
            assertThat(l.admit(rnd.nextLong() & 0xFEFF_FFFF_FFFFL, now)).isEqualTo(ANSWER);
            if (i % 500 == 0) {
                if (l.admit(A, now) == ANSWER) noisyAnswered++;
                if (noisy.admit(now)) expected++;
            }
        }
        assertThat(l.trackedMacs()).isLessThanOrEqualTo(1024);
        assertThat(l.capacity()).isEqualTo(1024);
        assertThat(noisyAnswered).as("3 at once, then one every 1/3 s for 2 s").isEqualTo(expected).isEqualTo(8);
    }

    /** Arrival times, MACs and limits drawn from a seed; each verdict must match a plain token bucket, credit in nanos. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("random arrivals: every verdict matches the reference bucket, and no window answers more than burst + rate x length")
    void matchesReference(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int rate = rnd.nextInt(0, 40);
        int burst = rnd.nextInt(1, 20);
        int macRate = rnd.nextInt(0, 10);
        int macBurst = rnd.nextInt(1, 6);
        PadiLimiter l = new PadiLimiter(rate, burst, macRate, macBurst, 64, seed);
        Reference iface = new Reference(rate, burst);
        Map<Long, Reference> perMac = new HashMap<>();
        List<Long> answered = new ArrayList<>();
        long now = rnd.nextLong();
        for (int i = 0; i < 3000; i++) {
            now += rnd.nextInt(4) == 0 ? rnd.nextLong(2 * S) : rnd.nextLong(5 * MS);
            long mac = A + rnd.nextInt(4);
            Reference m = perMac.computeIfAbsent(mac, k -> new Reference(macRate, macBurst));
            Verdict want = !m.conforms(now) ? OVER_MAC_LIMIT : !iface.conforms(now) ? OVER_INTERFACE_LIMIT : ANSWER;
            if (want == ANSWER) {
                m.admit(now);
                iface.admit(now);
                answered.add(now);
            }
            assertThat(l.admit(mac, now)).as("PADI %d from MAC %d at %d", i, mac - A, now).isEqualTo(want);
        }
        if (rate > 0) assertWindows(answered, rate, burst);
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    /** In every window starting at an answered PADI, at most {@code burst + rate * length} answers. */
    private static void assertWindows(List<Long> answered, int rate, int burst) {
        for (int i = 0; i < answered.size(); i++) {
            for (int j = i; j < answered.size() && j - i <= burst + 4 * rate; j++) {
                long length = answered.get(j) - answered.get(i);
                assertThat(j - i + 1).as("answers in %d ns", length).isLessThanOrEqualTo(burst + (int) (length * rate / S) + 1);
            }
        }
    }

    /** The textbook bucket: credit in nanoseconds, capped at burst intervals, one interval per answer. */
    static final class Reference {
        final long interval;
        final long cap;
        long credit;
        Long last;

        Reference(int rate, int burst) {
            interval = rate == 0 ? 0 : S / rate;
            cap = burst * interval;
        }

        boolean conforms(long now) {
            if (interval == 0) return true;
            long c = last == null ? cap : Math.min(cap, credit + (now - last));
            return c >= interval;
        }

        boolean admit(long now) {
            if (interval == 0) return true;
            credit = last == null ? cap : Math.min(cap, credit + (now - last));
            last = now;
            if (credit < interval) return false;
            credit -= interval;
            return true;
        }
    }
}
