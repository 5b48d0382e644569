package net.vpdn.ppp.lcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LCP echo keepalive")
class LcpKeepaliveTest {
    private final LcpKeepalive keepalive = new LcpKeepalive(Duration.ofSeconds(10), 3);

    @Test
    @DisplayName("gives the dead-peer verdict on the tick after 3 unanswered Echo-Requests")
    void deadAfterThreeMisses() {
        keepalive.start();
        for (int i = 0; i < 3; i++) {
            assertThat(keepalive.onTick(0x1234)).isInstanceOf(LcpKeepalive.SendEcho.class);
        }
        assertThat(keepalive.onTick(0x1234)).isEqualTo(new LcpKeepalive.DeadPeer(3));
        assertThat(keepalive.onTick(0x1234)).isInstanceOf(LcpKeepalive.Idle.class);
    }

    @Test
    @DisplayName("a matching Echo-Reply resets the miss count; a stale one does not")
    void replyResets() {
        keepalive.start();
        keepalive.onTick(1);
        keepalive.onTick(1);
        CpPacket second = ((LcpKeepalive.SendEcho) keepalive.onTick(1)).request();
        assertThat(keepalive.misses()).isEqualTo(2);
        keepalive.onEchoReply(CpPacket.of(CpCode.ECHO_REPLY, second.identifier() - 1, Octets.ofU32(9)));
        assertThat(keepalive.misses()).isEqualTo(2);
        keepalive.onEchoReply(CpPacket.of(CpCode.ECHO_REPLY, second.identifier(), Octets.ofU32(9)));
        assertThat(keepalive.misses()).isZero();
        assertThat(keepalive.onTick(1)).isInstanceOf(LcpKeepalive.SendEcho.class);
    }

    @Test
    @DisplayName("traffic from the peer since the last tick makes the tick idle")
    void trafficCounts() {
        keepalive.start();
        keepalive.onTick(1);
        keepalive.onTraffic();
        assertThat(keepalive.onTick(1)).isInstanceOf(LcpKeepalive.Idle.class);
        assertThat(keepalive.misses()).isZero();
    }

    @Test
    @DisplayName("an Echo-Request carries our Magic-Number")
    void carriesMagic() {
        keepalive.start();
        CpPacket req = ((LcpKeepalive.SendEcho) keepalive.onTick(0xDEADBEEFL)).request();
        assertThat(req.data()).isEqualTo(Octets.fromHex("deadbeef"));
        assertThat(req.is(CpCode.ECHO_REQUEST)).isTrue();
    }
}
