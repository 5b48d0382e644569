package net.vpdn.l2tp.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The default fate of packets on a {@link FakeLink}: the delay of each copy that arrives.
 * An empty list loses the packet, two entries duplicate it, and unequal delays reorder.
 *
 * @param <P> the packet type
 */
@FunctionalInterface
public interface LinkImpairment<P> {

    /** Delays after which copies of {@code packet} arrive; empty when it is lost. */
    List<Duration> fate(FakeLink.Side from, P packet);

    /** Every packet arrives once after {@code latency}, in order. */
    static <P> LinkImpairment<P> perfect(Duration latency) {
        List<Duration> once = List.of(latency);
        return (from, packet) -> once;
    }

    /** Every packet is lost: a silent peer. */
    static <P> LinkImpairment<P> blackhole() {
        return (from, packet) -> List.of();
    }

    /**
     * A reproducible lossy link: each packet is lost with probability {@code loss}, otherwise
     * arrives and is duplicated with probability {@code duplicate}; each copy takes
     * {@code latency} plus a uniform jitter below {@code jitter}, which reorders packets sent
     * closer together than the jitter.
     */
    static <P> LinkImpairment<P> seeded(long seed, double loss, double duplicate, Duration latency,
                                        Duration jitter) {
        SplittableRandom random = new SplittableRandom(seed);
        long jitterNanos = jitter.toNanos();
        return (from, packet) -> {
            if (random.nextDouble() < loss) {
                return List.of();
            }
            int copies = random.nextDouble() < duplicate ? 2 : 1;
            List<Duration> delays = new ArrayList<>(copies);
            for (int i = 0; i < copies; i++) {
                long extra = jitterNanos == 0 ? 0 : random.nextLong(jitterNanos);
                delays.add(latency.plusNanos(extra));
            }
            return delays;
        };
    }
}
