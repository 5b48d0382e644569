package net.vpdn.l2tp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.vpdn.l2tp.transport.TransportAction.ArmTimer;
import net.vpdn.l2tp.transport.TransportAction.CancelTimer;
import net.vpdn.l2tp.transport.TransportAction.Deliver;
import net.vpdn.l2tp.transport.TransportAction.Transmit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ReliableTransport, step by step")
class ReliableTransportTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private final ReliableTransport<String> t = new ReliableTransport<>(TransportConfig.DEFAULT);

    private static Transmit<String> tx(int ns, int nr, String m) {
        return new Transmit<>(ns, nr, m, false);
    }

    private static ArmTimer<String> arm(TransportTimer timer, Duration after) {
        return new ArmTimer<>(timer, after);
    }

    private static List<Transmit<String>> transmits(List<TransportAction<String>> actions) {
        List<Transmit<String>> out = new ArrayList<>();
        for (TransportAction<String> a : actions) {
            if (a instanceof Transmit<String> x) {
                out.add(x);
            }
        }
        return out;
    }

    @Nested
    @DisplayName("Sending")
    class Sending {
        @Test
        @DisplayName("the first message takes Ns 0, carries Nr 0 and arms a 1 s retransmit timer")
        void first() {
            assertThat(t.submit("A", false, 0)).containsExactly(tx(0, 0, "A"), arm(TransportTimer.RETRANSMIT, SECOND));
            assertThat(t.nextNs()).isEqualTo(1);
            assertThat(t.isIdle()).isFalse();
        }

        @Test
        @DisplayName("slow start: one message in flight until the first ack, then two (Appendix A)")
        void slowStart() {
            t.submit("A", false, 0);
            assertThat(t.submit("B", false, 0)).isEmpty();
            assertThat(t.submit("C", false, 0)).isEmpty();
            assertThat(t.queuedCount()).isEqualTo(2);

            assertThat(t.onReceive(0, 1, null, 0)).containsExactly(
                    new CancelTimer<>(TransportTimer.RETRANSMIT),
                    tx(1, 0, "B"), arm(TransportTimer.RETRANSMIT, SECOND),
                    tx(2, 0, "C"));
            assertThat(t.congestionWindow()).isEqualTo(2);
        }

        @Test
        @DisplayName("the window fills to the peer's 4, and the sender resumes one per ack")
        void windowFull() {
            for (int i = 0; i < 12; i++) {
                t.submit("m" + i, false, 0);
            }
            int maxUnacked = 0;
            List<Integer> sentNs = new ArrayList<>(List.of(0));
            int acked = 0;
            while (acked < 12) {
                acked++;
                for (Transmit<String> x : transmits(t.onReceive(0, acked, null, 0))) {
                    sentNs.add(x.ns());
                }
                maxUnacked = Math.max(maxUnacked, t.unackedCount());
                assertThat(t.unackedCount()).isLessThanOrEqualTo(4);
            }
            assertThat(maxUnacked).isEqualTo(4);
            assertThat(sentNs).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            assertThat(t.isIdle()).isTrue();
        }

        @Test
        @DisplayName("a smaller peer window from its Receive Window Size AVP caps the flight")
        void smallerPeerWindow() {
            t.setPeerReceiveWindow(2, 0);
            for (int i = 0; i < 6; i++) {
                t.submit("m" + i, false, 0);
            }
            for (int acked = 1; acked <= 6; acked++) {
                t.onReceive(0, acked, null, 0);
                assertThat(t.unackedCount()).isLessThanOrEqualTo(2);
            }
            assertThat(t.congestionWindow()).isEqualTo(2);
        }

        @Test
        @DisplayName("a peer window of 0 or above 16 bits is refused; above 32767 is clamped")
        void peerWindowBounds() {
            assertThatThrownBy(() -> t.setPeerReceiveWindow(0, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> t.setPeerReceiveWindow(65536, 0)).isInstanceOf(IllegalArgumentException.class);
            t.setPeerReceiveWindow(40000, 0);
            assertThat(t.peerReceiveWindow()).isEqualTo(32767);
        }
    }

    @Nested
    @DisplayName("Acknowledging")
    class Acknowledging {
        @Test
        @DisplayName("a message with nothing to answer gets a ZLB after the ack delay, which consumes no Ns")
        void delayedZlb() {
            assertThat(t.onReceive(0, 0, "X", 0))
                    .containsExactly(new Deliver<>("X"), arm(TransportTimer.ACK_DELAY, Duration.ofMillis(100)));
            assertThat(t.isAckPending()).isTrue();
            assertThat(t.onTimer(TransportTimer.ACK_DELAY, 100)).containsExactly(tx(0, 1, null));
            assertThat(t.isAckPending()).isFalse();
            assertThat(t.nextNs()).isZero();
            assertThat(transmits(t.submit("Y", false, 200))).containsExactly(tx(0, 1, "Y"));
            assertThat(t.counters().zlbsSent()).isEqualTo(1);
        }

        @Test
        @DisplayName("a reply within the delay carries the Nr and cancels the pending ZLB")
        void piggyback() {
            t.onReceive(0, 0, "X", 0);
            assertThat(t.submit("Y", false, 10)).containsExactly(tx(0, 1, "Y"),
                    new CancelTimer<>(TransportTimer.ACK_DELAY), arm(TransportTimer.RETRANSMIT, SECOND));
            assertThat(t.onTimer(TransportTimer.ACK_DELAY, 100)).isEmpty();
            assertThat(t.counters().zlbsSent()).isZero();
        }

        @Test
        @DisplayName("a queued message freed by the incoming Nr carries the ack, no ZLB timer")
        void freedMessageCarriesAck() {
            t.submit("A", false, 0);
            t.submit("B", false, 0);
            List<TransportAction<String>> out = t.onReceive(0, 1, "P", 0);
            assertThat(out).contains(new Deliver<>("P"), tx(1, 1, "B"));
            assertThat(out).noneMatch(a -> a instanceof ArmTimer<String> x && x.timer() == TransportTimer.ACK_DELAY);
        }

        @Test
        @DisplayName("a duplicate is dropped and re-acknowledged at once with a ZLB")
        void duplicate() {
            t.onReceive(0, 0, "X", 0);
            t.onTimer(TransportTimer.ACK_DELAY, 100);
            assertThat(t.onReceive(0, 0, "X", 1_000)).containsExactly(tx(0, 1, null));
            assertThat(t.counters().duplicates()).isEqualTo(1);
            assertThat(t.counters().delivered()).isEqualTo(1);
        }

        @Test
        @DisplayName("a received ZLB is never acknowledged")
        void zlbNotAcked() {
            assertThat(t.onReceive(0, 0, null, 0)).isEmpty();
            assertThat(t.onReceive(7, 0, null, 0)).isEmpty();
            assertThat(t.isAckPending()).isFalse();
        }
    }

    @Nested
    @DisplayName("Out-of-order arrival")
    class OutOfOrder {
        @Test
        @DisplayName("early messages are held and delivered in order once the gap fills")
        void heldThenDelivered() {
            assertThat(t.onReceive(2, 0, "C", 0)).isEmpty();
            assertThat(t.onReceive(1, 0, "B", 0)).isEmpty();
            assertThat(t.heldCount()).isEqualTo(2);
            assertThat(t.onReceive(0, 0, "A", 0)).containsExactly(new Deliver<>("A"), new Deliver<>("B"),
                    new Deliver<>("C"), arm(TransportTimer.ACK_DELAY, Duration.ofMillis(100)));
            assertThat(t.nextExpectedNs()).isEqualTo(3);
            assertThat(t.counters().outOfOrderHeld()).isEqualTo(2);
        }

        @Test
        @DisplayName("a message at or past our window of 16 is dropped; one inside it is held")
        void window() {
            assertThat(t.onReceive(16, 0, "far", 0)).isEmpty();
            assertThat(t.onReceive(15, 0, "edge", 0)).isEmpty();
            assertThat(t.counters().outOfWindowDropped()).isEqualTo(1);
            assertThat(t.heldCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("a second copy of a held message counts as a duplicate and is held once")
        void heldTwice() {
            t.onReceive(1, 0, "B", 0);
            t.onReceive(1, 0, "B", 0);
            assertThat(t.heldCount()).isEqualTo(1);
            assertThat(t.counters().duplicates()).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("Acks of messages never sent")
    class BogusAcks {
        @Test
        @DisplayName("are ignored: nothing is freed, the counter moves, and the packet's Ns is still processed")
        void ignored() {
            t.submit("A", false, 0);
            List<TransportAction<String>> out = t.onReceive(0, 5, "P", 0);
            assertThat(out).contains(new Deliver<>("P"));
            assertThat(t.unackedCount()).isEqualTo(1);
            assertThat(t.counters().bogusAcks()).isEqualTo(1);
            t.onReceive(1, 1, null, 0);
            assertThat(t.unackedCount()).isZero();
        }

        @Test
        @DisplayName("a stale Nr from before our oldest outstanding message is ignored without counting")
        void stale() {
            t.submit("A", false, 0);
            t.onReceive(0, 1, null, 0);
            t.submit("B", false, 0);
            t.onReceive(0, 0, null, 0);
            assertThat(t.unackedCount()).isEqualTo(1);
            assertThat(t.counters().bogusAcks()).isZero();
        }
    }
}
