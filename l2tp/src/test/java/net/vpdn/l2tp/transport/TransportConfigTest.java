package net.vpdn.l2tp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TransportConfig")
class TransportConfigTest {

    @Test
    @DisplayName("defaults: advertise 16, assume 4 for the peer, 100 ms ack delay, RFC retransmit policy")
    void defaults() {
        TransportConfig c = TransportConfig.DEFAULT;
        assertThat(c.receiveWindow()).isEqualTo(16);
        assertThat(c.initialPeerWindow()).isEqualTo(4);
        assertThat(c.ackDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(c.retransmit()).isEqualTo(RetransmitPolicy.RFC_DEFAULT);
        assertThat(c.maxQueued()).isEqualTo(1024);
    }

    @Test
    @DisplayName("rejects an ack delay not shorter than the first retransmit timeout")
    void ackDelayTooLong() {
        assertThatThrownBy(() -> new TransportConfig(16, 4, RetransmitPolicy.RFC_DEFAULT, Duration.ofSeconds(1), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ackDelay");
    }

    @Test
    @DisplayName("rejects windows outside 1..32767 and an empty queue bound")
    void windowsAndQueue() {
        assertThatThrownBy(() -> TransportConfig.DEFAULT.withReceiveWindow(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receiveWindow");
        assertThatThrownBy(() -> TransportConfig.DEFAULT.withReceiveWindow(32768))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransportConfig.DEFAULT.withMaxQueued(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxQueued");
        assertThat(TransportConfig.DEFAULT.withReceiveWindow(32767).receiveWindow()).isEqualTo(32767);
    }
}
