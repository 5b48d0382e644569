package net.vpdn.l2tp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import net.vpdn.l2tp.testing.FakeLink;
import net.vpdn.l2tp.testing.FakeLink.Side;
import net.vpdn.l2tp.testing.LinkImpairment;
import net.vpdn.l2tp.testing.ManualScheduler;
import net.vpdn.l2tp.transport.Endpoint.Pkt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Two transports over a FakeLink in virtual time")
class LinkScenariosTest {

    private static final Duration LATENCY = Duration.ofMillis(20);

    private final ManualScheduler clock = new ManualScheduler(1_000_000_000L);
    private final FakeLink<Pkt> link = new FakeLink<>(clock, LinkImpairment.perfect(LATENCY));

    private Endpoint endpoint(Side side, TransportConfig config, int initialNs, int initialNr) {
        return new Endpoint(side, new ReliableTransport<>(config, initialNs, initialNr), clock, link);
    }

    private Endpoint endpoint(Side side) {
        return endpoint(side, TransportConfig.DEFAULT, 0, 0);
    }

    @Nested
    @DisplayName("A lost ZLB")
    class LostZlb {
        @Test
        @DisplayName("makes the sender retransmit; the receiver drops the duplicate and re-acks at once")
        void retransmitDedupeReack() {
            Endpoint a = endpoint(Side.A);
            Endpoint b = endpoint(Side.B);
            link.dropNext(Side.B, Pkt::isZlb);

            a.submit("SCCRQ", false);
            clock.advance(Duration.ofSeconds(5));

            assertThat(b.delivered).containsExactly("SCCRQ");
            assertThat(b.transport.counters().duplicates()).isEqualTo(1);
            assertThat(b.transport.counters().zlbsSent()).isEqualTo(2);
            assertThat(a.transport.counters().retransmissions()).isEqualTo(1);
            assertThat(a.transport.isIdle()).isTrue();
            assertThat(a.timerArmed(TransportTimer.RETRANSMIT)).isFalse();
            // the re-ack answers the retransmission as soon as it arrives, not after the ack delay
            List<Long> zlbTimes = b.transmits.stream().filter(x -> x.transmit().isZlb()).map(Endpoint.Timed::atNanos).toList();
            long retransmitArrival = a.dataTransmitTimesNanos().get(1) + LATENCY.toNanos();
            assertThat(zlbTimes.get(1)).isEqualTo(retransmitArrival);
        }
    }

    @Nested
    @DisplayName("A silent peer")
    class SilentPeer {
        @Test
        @DisplayName("sees retransmissions backing off 1, 2, 4, 8, 8 s and ends the tunnel at totalHold, once")
        void backoffThenUnresponsive() {
            link.setImpairment(LinkImpairment.blackhole());
            Endpoint a = endpoint(Side.A);
            long start = clock.nowNanos();
            a.submit("SCCRQ", false);
            clock.advance(Duration.ofSeconds(120));

            List<Long> times = a.dataTransmitTimesNanos();
            List<Duration> gaps = IntStream.range(1, times.size())
                    .mapToObj(i -> Duration.ofNanos(times.get(i) - times.get(i - 1))).toList();
            assertThat(gaps).containsExactly(sec(1), sec(2), sec(4), sec(8), sec(8));
            assertThat(a.unresponsive).hasSize(1);
            assertThat(a.unresponsive.getFirst().retries()).isEqualTo(5);
            assertThat(a.transport.isFailed()).isTrue();
            assertThat(clock.pendingCount()).isZero();
            assertThat(a.transmits).hasSize(6);
            assertThat(times.getFirst()).isEqualTo(start);
        }

        @Test
        @DisplayName("with 3 retries configured gives up after exactly the policy's totalHold")
        void configuredRetries() {
            link.setImpairment(LinkImpairment.blackhole());
            RetransmitPolicy policy = new RetransmitPolicy(Duration.ofMillis(500), sec(8), 3);
            Endpoint a = endpoint(Side.A, TransportConfig.DEFAULT.withRetransmit(policy), 0, 0);
            long start = clock.nowNanos();
            a.submit("HELLO", true);
            assertThat(clock.runUntil(() -> !a.unresponsive.isEmpty(), Duration.ofMinutes(5))).isTrue();
            assertThat(clock.elapsedSince(start)).isEqualTo(policy.totalHold()).isEqualTo(Duration.ofMillis(7500));
            assertThat(a.transport.counters().retransmissions()).isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("The peer's receive window")
    class Window {
        @Test
        @DisplayName("is never exceeded, is reached, and the sender resumes as acks come back")
        void respected() {
            Endpoint a = endpoint(Side.A);
            Endpoint b = endpoint(Side.B);
            for (int i = 0; i < 200; i++) {
                a.submit("ICRQ-" + i, false);
            }
            clock.advance(Duration.ofSeconds(30));
            assertThat(b.delivered).hasSize(200);
            assertThat(a.windowViolations()).isEmpty();
            assertThat(a.maxInFlightSeen()).isEqualTo(4);
        }

        @Test
        @DisplayName("follows a larger window announced by the peer")
        void larger() {
            Endpoint a = endpoint(Side.A);
            Endpoint b = endpoint(Side.B);
            a.setPeerWindow(10);
            for (int i = 0; i < 200; i++) {
                a.submit("ICRQ-" + i, false);
            }
            clock.advance(Duration.ofSeconds(30));
            assertThat(b.delivered).hasSize(200);
            assertThat(a.windowViolations()).isEmpty();
            assertThat(a.maxInFlightSeen()).isEqualTo(10);
        }
    }

    @Nested
    @DisplayName("Priority")
    class Priority {
        @Test
        @DisplayName("a HELLO submitted behind a burst of 100 call messages is delivered within one window")
        void helloNotStarved() {
            Endpoint a = endpoint(Side.A);
            Endpoint b = endpoint(Side.B);
            for (int i = 0; i < 100; i++) {
                a.submit("ICRQ-" + i, false);
            }
            a.submit("HELLO", true);
            clock.advance(Duration.ofSeconds(30));
            assertThat(b.delivered).hasSize(101);
            assertThat(b.delivered.indexOf("HELLO")).isLessThanOrEqualTo(4);
            assertThat(b.delivered).isEqualTo(a.firstSent);
        }
    }

    @Nested
    @DisplayName("Sequence numbers")
    class Wrap {
        @Test
        @DisplayName("wrap from 65535 to 0 in both directions without loss, duplication or reordering")
        void wrap() {
            Endpoint a = endpoint(Side.A, TransportConfig.DEFAULT, 65_500, 65_450);
            Endpoint b = endpoint(Side.B, TransportConfig.DEFAULT, 65_450, 65_500);
            List<String> fromA = new ArrayList<>();
            List<String> fromB = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                fromA.add("a" + i);
                fromB.add("b" + i);
                a.submit("a" + i, false);
                b.submit("b" + i, false);
            }
            clock.advance(Duration.ofSeconds(60));
            assertThat(b.delivered).isEqualTo(fromA);
            assertThat(a.delivered).isEqualTo(fromB);
            assertThat(a.transport.nextNs()).isEqualTo(Seq.add(65_500, 300));
            assertThat(a.transmits).anyMatch(x -> x.transmit().ns() == 65_535 && !x.transmit().isZlb());
            assertThat(a.transmits).anyMatch(x -> x.transmit().ns() == 0 && !x.transmit().isZlb());
            assertThat(a.transport.counters().retransmissions()).isZero();
        }
    }

    private static Duration sec(long s) {
        return Duration.ofSeconds(s);
    }
}
