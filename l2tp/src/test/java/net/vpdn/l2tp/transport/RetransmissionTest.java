package net.vpdn.l2tp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import net.vpdn.l2tp.transport.TransportAction.ArmTimer;
import net.vpdn.l2tp.transport.TransportAction.PeerUnresponsive;
import net.vpdn.l2tp.transport.TransportAction.RejectReason;
import net.vpdn.l2tp.transport.TransportAction.Rejected;
import net.vpdn.l2tp.transport.TransportAction.Transmit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ReliableTransport retransmission, congestion, priority and bounds")
class RetransmissionTest {

    private static final Duration S = Duration.ofSeconds(1);

    @Nested
    @DisplayName("On a retransmit timeout")
    class Timeout {
        private final ReliableTransport<String> t = new ReliableTransport<>(TransportConfig.DEFAULT);

        @Test
        @DisplayName("the oldest message is resent with the same Ns, the current Nr, and a doubled timer")
        void resend() {
            t.submit("A", false, 0);
            t.onReceive(0, 0, "P", 0);
            assertThat(t.onTimer(TransportTimer.RETRANSMIT, 1_000)).containsExactly(
                    new Transmit<>(0, 1, "A", true),
                    new TransportAction.CancelTimer<>(TransportTimer.ACK_DELAY),
                    new ArmTimer<>(TransportTimer.RETRANSMIT, S.multipliedBy(2)));
            assertThat(t.counters().retransmissions()).isEqualTo(1);
        }

        @Test
        @DisplayName("Appendix A: the threshold halves and the congestion window falls back to 1")
        void congestion() {
            t.setPeerReceiveWindow(8, 0);
            for (int i = 0; i < 20; i++) {
                t.submit("m" + i, false, 0);
            }
            for (int acked = 1; acked <= 5; acked++) {
                t.onReceive(0, acked, null, 0);
            }
            assertThat(t.congestionWindow()).isEqualTo(6);
            t.onTimer(TransportTimer.RETRANSMIT, 0);
            assertThat(t.congestionWindow()).isEqualTo(1);
            assertThat(t.slowStartThreshold()).isEqualTo(3);
        }

        @Test
        @DisplayName("congestion avoidance above the threshold widens by one per window of acks")
        void avoidance() {
            t.setPeerReceiveWindow(16, 0);
            for (int i = 0; i < 60; i++) {
                t.submit("m" + i, false, 0);
            }
            t.onReceive(0, 1, null, 0);            // cwnd 2
            t.onTimer(TransportTimer.RETRANSMIT, 0); // ssthresh 1, cwnd 1
            int nr = 1;
            nr = ackUpTo(nr + 1);                    // cwnd == ssthresh: avoidance from here
            int before = t.congestionWindow();
            int acks = 0;
            while (t.congestionWindow() == before) {
                nr = ackUpTo(nr + 1);
                acks++;
            }
            assertThat(acks).isEqualTo(before);
        }

        private int ackUpTo(int nr) {
            t.onReceive(0, nr, null, 0);
            return nr;
        }

        @Test
        @DisplayName("a timer firing that was cancelled or never armed does nothing")
        void staleTimer() {
            assertThat(t.onTimer(TransportTimer.RETRANSMIT, 0)).isEmpty();
            t.submit("A", false, 0);
            t.onReceive(0, 1, null, 0);
            assertThat(t.onTimer(TransportTimer.RETRANSMIT, 1_000)).isEmpty();
            assertThat(t.counters().retransmissions()).isZero();
        }
    }

    @Nested
    @DisplayName("After the configured retries")
    class Exhausted {
        private final ReliableTransport<String> t = new ReliableTransport<>(TransportConfig.DEFAULT
                .withRetransmit(new RetransmitPolicy(S, Duration.ofSeconds(8), 2)));

        @Test
        @DisplayName("the peer is declared unresponsive exactly once, and the transport goes quiet")
        void unresponsiveOnce() {
            t.submit("A", false, 0);
            assertThat(t.onTimer(TransportTimer.RETRANSMIT, 0)).hasSize(2);
            assertThat(t.onTimer(TransportTimer.RETRANSMIT, 0)).hasSize(2);
            assertThat(t.onTimer(TransportTimer.RETRANSMIT, 0)).containsExactly(new PeerUnresponsive<>(2));
            assertThat(t.isFailed()).isTrue();
            assertThat(t.onTimer(TransportTimer.RETRANSMIT, 0)).isEmpty();
            assertThat(t.onReceive(0, 1, "late", 0)).isEmpty();
            assertThat(t.submit("B", true, 0)).containsExactly(new Rejected<>("B", RejectReason.FAILED));
        }

        @Test
        @DisplayName("retries count per message: an ack in between starts the next message afresh")
        void perMessage() {
            t.submit("A", false, 0);
            t.submit("B", false, 0);
            t.onTimer(TransportTimer.RETRANSMIT, 0);
            t.onTimer(TransportTimer.RETRANSMIT, 0);
            t.onReceive(0, 1, null, 0);
            assertThat(t.onTimer(TransportTimer.RETRANSMIT, 0)).first().isEqualTo(new Transmit<>(1, 0, "B", true));
            assertThat(t.onTimer(TransportTimer.RETRANSMIT, 0)).first().isEqualTo(new Transmit<>(1, 0, "B", true));
            assertThat(t.isFailed()).isFalse();
        }
    }

    @Nested
    @DisplayName("Urgent messages and the queue bound")
    class Queue {
        private final ReliableTransport<String> t = new ReliableTransport<>(TransportConfig.DEFAULT.withMaxQueued(3));

        @Test
        @DisplayName("an urgent message (StopCCN, Hello) overtakes queued call messages")
        void urgentFirst() {
            t.setPeerReceiveWindow(1, 0);
            t.submit("ICRQ-1", false, 0);
            t.submit("ICRQ-2", false, 0);
            t.submit("ICRQ-3", false, 0);
            t.submit("HELLO", true, 0);
            List<TransportAction<String>> out = t.onReceive(0, 1, null, 0);
            assertThat(out).contains(new Transmit<>(1, 0, "HELLO", false));
            assertThat(t.onReceive(0, 2, null, 0)).contains(new Transmit<>(2, 0, "ICRQ-2", false));
        }

        @Test
        @DisplayName("beyond maxQueued waiting messages a submission is rejected; urgent ones have their own bound")
        void bound() {
            t.submit("inflight", false, 0);
            t.submit("q1", false, 0);
            t.submit("q2", false, 0);
            t.submit("q3", false, 0);
            assertThat(t.submit("q4", false, 0)).containsExactly(new Rejected<>("q4", RejectReason.QUEUE_FULL));
            assertThat(t.submit("STOPCCN", true, 0)).isEmpty();
            assertThat(t.queuedCount()).isEqualTo(4);
            assertThat(t.counters().rejected()).isEqualTo(1);
            t.onReceive(0, 1, null, 0);
            assertThat(t.submit("q5", false, 0)).isEmpty();
        }
    }
}
