package net.vpdn.l2tp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import net.vpdn.l2tp.testing.FakeLink;
import net.vpdn.l2tp.testing.FakeLink.Side;
import net.vpdn.l2tp.testing.LinkImpairment;
import net.vpdn.l2tp.testing.ManualScheduler;
import net.vpdn.l2tp.transport.Endpoint.Pkt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance property: over a link that loses 30% of packets, duplicates 10% and reorders
 * by jitter, in both directions at once, every control message is delivered exactly once and
 * in order, the peer's window is never exceeded, sequence numbers wrap, and nobody gives up.
 */
@DisplayName("Over a lossy, duplicating, reordering link")
class LossyLinkPropertyTest {

    private static final int MESSAGES_PER_SIDE = 1500;
    private static final Duration TICK = Duration.ofMillis(50);

    /** Generous retries: at 30% loss each way, 5 would make giving up a likely outcome. */
    private static final TransportConfig CONFIG = TransportConfig.DEFAULT.withRetransmit(
            new RetransmitPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 40));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 7L, 42L, 1701L, 20_261_101L})
    @DisplayName("every message arrives exactly once, in order, within the window")
    void exactlyOnceInOrder(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ManualScheduler clock = new ManualScheduler();
        FakeLink<Pkt> link = new FakeLink<>(clock, LinkImpairment.seeded(random.nextLong(), 0.30, 0.10,
                Duration.ofMillis(10), Duration.ofMillis(300)));
        // start shortly before 65535 so that every run crosses the wrap in both directions
        int nsA = Seq.add(0, -1 - random.nextInt(MESSAGES_PER_SIDE / 2));
        int nsB = Seq.add(0, -1 - random.nextInt(MESSAGES_PER_SIDE / 2));
        Endpoint a = new Endpoint(Side.A, new ReliableTransport<>(CONFIG, nsA, nsB), clock, link);
        Endpoint b = new Endpoint(Side.B, new ReliableTransport<>(CONFIG, nsB, nsA), clock, link);
        Application appA = new Application(a, "a", random.split());
        Application appB = new Application(b, "b", random.split());
        appA.start(clock);
        appB.start(clock);

        boolean done = clock.runUntil(() -> appA.finished() && appB.finished()
                && b.delivered.size() == MESSAGES_PER_SIDE && a.delivered.size() == MESSAGES_PER_SIDE
                && a.transport.isIdle() && b.transport.isIdle(), Duration.ofDays(1));

        assertThat(done).as("all delivered within a virtual day").isTrue();
        assertThat(a.unresponsive).isEmpty();
        assertThat(b.unresponsive).isEmpty();
        assertDeliveredExactlyOnceInOrder(appA, a, b);
        assertDeliveredExactlyOnceInOrder(appB, b, a);
        assertThat(a.windowViolations()).isEmpty();
        assertThat(b.windowViolations()).isEmpty();
        // the impairments really happened, so the property was exercised
        TransportCounters ca = a.transport.counters();
        TransportCounters cb = b.transport.counters();
        assertThat(ca.retransmissions() + cb.retransmissions()).isPositive();
        assertThat(ca.duplicates() + cb.duplicates()).isPositive();
        assertThat(ca.outOfOrderHeld() + cb.outOfOrderHeld()).isPositive();
        assertThat(Seq.distance(nsA, a.transport.nextNs())).isEqualTo(MESSAGES_PER_SIDE);
    }

    private static void assertDeliveredExactlyOnceInOrder(Application app, Endpoint sender, Endpoint receiver) {
        assertThat(receiver.delivered).as("delivered in transmission order").isEqualTo(sender.firstSent);
        assertThat(receiver.delivered).as("each submitted message once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(app.submitted);
        List<String> normal = receiver.delivered.stream().filter(m -> !app.urgent.contains(m)).toList();
        assertThat(normal).as("non-urgent messages keep submission order")
                .isEqualTo(app.submitted.stream().filter(m -> !app.urgent.contains(m)).toList());
    }

    /** Submits messages a few at a time, about 5% of them urgent, never overfilling the queue. */
    private static final class Application {
        final Endpoint endpoint;
        final String prefix;
        final SplittableRandom random;
        final List<String> submitted = new ArrayList<>();
        final List<String> urgent = new ArrayList<>();

        Application(Endpoint endpoint, String prefix, SplittableRandom random) {
            this.endpoint = endpoint;
            this.prefix = prefix;
            this.random = random;
        }

        void start(ManualScheduler clock) {
            clock.schedule(this, TICK, () -> tick(clock));
        }

        boolean finished() {
            return submitted.size() == MESSAGES_PER_SIDE;
        }

        private void tick(ManualScheduler clock) {
            int burst = random.nextInt(4);
            for (int i = 0; i < burst && !finished() && endpoint.transport.queuedCount() < 32; i++) {
                String m = prefix + submitted.size();
                boolean isUrgent = random.nextInt(20) == 0;
                submitted.add(m);
                if (isUrgent) {
                    urgent.add(m);
                }
                endpoint.submit(m, isUrgent);
            }
            if (!finished()) {
                clock.schedule(this, TICK, () -> tick(clock));
            }
        }
    }
}
