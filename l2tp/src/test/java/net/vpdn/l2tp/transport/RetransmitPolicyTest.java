package net.vpdn.l2tp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RetransmitPolicy: capped exponential backoff (RFC 2661 §5.8)")
class RetransmitPolicyTest {

    private static Duration s(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    @DisplayName("doubles from the initial timeout and stays at the cap: 1, 2, 4, 8, 8, 8 s")
    void series() {
        RetransmitPolicy p = new RetransmitPolicy(s(1), s(8), 5);
        assertThat(IntStream.rangeClosed(0, 5).mapToObj(p::timeoutFor))
                .containsExactly(s(1), s(2), s(4), s(8), s(8), s(8));
    }

    @Test
    @DisplayName("a cap that is not a power-of-two multiple still bounds every wait")
    void oddCap() {
        RetransmitPolicy p = new RetransmitPolicy(s(3), s(10), 3);
        assertThat(IntStream.rangeClosed(0, 3).mapToObj(p::timeoutFor))
                .containsExactly(s(3), s(6), s(10), s(10));
    }

    @Test
    @DisplayName("huge and negative attempt numbers neither overflow nor go below the initial wait")
    void extremes() {
        RetransmitPolicy p = new RetransmitPolicy(Duration.ofMillis(250), s(16), 5);
        assertThat(p.timeoutFor(Integer.MAX_VALUE)).isEqualTo(s(16));
        assertThat(p.timeoutFor(-3)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    @DisplayName("totalHold is the sum of the capped series: 1+2+4+8+8+8 = 31 s for the RFC defaults")
    void totalHold() {
        assertThat(RetransmitPolicy.RFC_DEFAULT.totalHold()).isEqualTo(s(31));
        assertThat(new RetransmitPolicy(s(1), s(16), 5).totalHold()).isEqualTo(s(1 + 2 + 4 + 8 + 16 + 16));
    }

    @Test
    @DisplayName("rejects a cap below 8 s, which §5.8 forbids")
    void capBelowEight() {
        assertThatThrownBy(() -> new RetransmitPolicy(s(1), Duration.ofMillis(7999), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 s");
    }

    @Test
    @DisplayName("rejects a zero initial timeout, an initial above the cap, and retry counts out of range")
    void otherInvalid() {
        assertThatThrownBy(() -> new RetransmitPolicy(Duration.ZERO, s(8), 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetransmitPolicy(s(9), s(8), 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetransmitPolicy(s(1), s(8), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetransmitPolicy(s(1), s(8), 101))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
