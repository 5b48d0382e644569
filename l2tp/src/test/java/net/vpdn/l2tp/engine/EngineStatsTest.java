package net.vpdn.l2tp.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.vpdn.l2tp.TunnelSecret;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.avp.ErrorCode;
import net.vpdn.l2tp.testing.LinkImpairment;
import net.vpdn.l2tp.tunnel.TunnelState;
import net.vpdn.l2tp.wire.MessageType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("EngineStats: what ends with a tunnel or session is kept in the endpoint totals")
class EngineStatsTest {
    static final TunnelSecret SECRET = L2tpEngineTest.SECRET;
    static final Duration LIMIT = L2tpEngineTest.LIMIT;

    private static Tunnel established(EngineTestbed tb) {
        Tunnel t = L2tpEngineTest.open(tb, SECRET);
        assertThat(tb.runUntil(() -> t.state() == TunnelState.ESTABLISHED && tb.lns.tunnel(t.peerId()) != null
                && tb.lns.tunnel(t.peerId()).state() == TunnelState.ESTABLISHED, LIMIT)).isTrue();
        tb.clock.advance(Duration.ofSeconds(2)); // the SCCCN's acknowledgement
        return t;
    }

    @Test
    @DisplayName("a peer that stops answering HELLO: one hello_timeout teardown, and the tunnel's retransmissions survive its release")
    void helloTimeout() {
        EngineTestbed tb = EngineTestbed.withSecret(SECRET);
        Tunnel t = established(tb);
        tb.link.setImpairment(LinkImpairment.blackhole());
        assertThat(tb.runUntil(() -> tb.lac.tunnels().isEmpty(), Duration.ofMinutes(10))).isTrue();
        EngineStats st = tb.lac.stats();
        assertThat(st.sent(MessageType.HELLO)).isPositive();
        assertThat(st.helloTimeouts()).isEqualTo(1);
        assertThat(st.tunnelTeardowns(TunnelEnd.HELLO_TIMEOUT)).isEqualTo(1);
        assertThat(st.tunnelTeardowns(TunnelEnd.PEER_UNRESPONSIVE)).isZero();
        assertThat(st.retiredRetransmissions()).as("retransmissions of the released tunnel")
                .isEqualTo(t.transport().counters().retransmissions()).isPositive();
    }

    @Test
    @DisplayName("an LNS that never answers the SCCRQ: a failed setup (peer_unresponsive), no teardown")
    void setupNoAnswer() {
        EngineTestbed tb = new EngineTestbed(LinkImpairment.blackhole(), EngineConfig.defaults("lac1"),
                EngineConfig.defaults("lns1"), EngineTestbed.acceptOnly("lac1", SECRET));
        L2tpEngineTest.open(tb, SECRET);
        assertThat(tb.runUntil(() -> tb.lac.tunnels().isEmpty(), Duration.ofMinutes(10))).isTrue();
        EngineStats st = tb.lac.stats();
        assertThat(st.tunnelSetupFailures(TunnelEnd.PEER_UNRESPONSIVE)).isEqualTo(1);
        assertThat(st.helloTimeouts()).isZero();
        assertThat(st.retiredRetransmissions()).isPositive();
    }

    @Test
    @DisplayName("a wrong tunnel secret: a failed setup on both sides with result not_authorized")
    void notAuthorized() {
        EngineTestbed tb = EngineTestbed.withSecret(SECRET);
        L2tpEngineTest.open(tb, TunnelSecret.of("wrong"));
        assertThat(tb.runUntil(() -> tb.lac.tunnels().isEmpty() && tb.lns.tunnels().isEmpty(), LIMIT)).isTrue();
        assertThat(tb.lac.stats().tunnelSetupFailures(TunnelEnd.NOT_AUTHORIZED)).isEqualTo(1);
        assertThat(tb.lns.stats().tunnelSetupFailures(TunnelEnd.NOT_AUTHORIZED)).isEqualTo(1);
    }

    @Test
    @DisplayName("StopCCN after data: local and peer teardowns, and the session octets are kept after the release")
    void stopCcnKeepsOctets() {
        EngineTestbed tb = EngineTestbed.withSecret(SECRET);
        Tunnel t = established(tb);
        tb.lac.run(() -> t.placeCall(L2tpEngineTest.icrq("1"), L2tpEngineTest.iccn("a@x"), tb.lacEvents));
        assertThat(tb.runUntil(() -> tb.lacEvents.up.size() == 1, LIMIT)).isTrue();
        Session s = tb.lacEvents.up.getFirst();
        tb.lac.run(() -> {
            s.acceptData(false, 0, 100);
            s.sentData(40);
        });
        t.close(StopCcnResult.GENERAL_REQUEST_TO_CLEAR, ErrorCode.NO_GENERAL_ERROR, "bye");
        assertThat(tb.runUntil(() -> tb.lac.tunnels().isEmpty() && tb.lns.tunnels().isEmpty(), LIMIT)).isTrue();
        assertThat(tb.lac.stats().tunnelTeardowns(TunnelEnd.LOCAL)).isEqualTo(1);
        assertThat(tb.lns.stats().tunnelTeardowns(TunnelEnd.PEER)).isEqualTo(1);
        assertThat(tb.lac.stats().retiredOctetsIn()).isEqualTo(100);
        assertThat(tb.lac.stats().retiredOctetsOut()).isEqualTo(40);
    }
}
