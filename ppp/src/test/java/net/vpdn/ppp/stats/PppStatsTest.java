package net.vpdn.ppp.stats;

import static org.assertj.core.api.Assertions.assertThat;

import net.vpdn.ppp.wire.PppDropReason;
import net.vpdn.ppp.wire.PppProtocol;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PPP endpoint statistics")
class PppStatsTest {
    @Test
    @DisplayName("count frames and octets per protocol and direction, drops and failures per reason")
    void counts() {
        PppStats s = new PppStats();
        s.received(PppProtocol.LCP.number(), 18);
        s.received(PppProtocol.LCP.number(), 10);
        s.sent(PppProtocol.IPV4.number(), 1400);
        s.drop(PppDropReason.INVALID_PROTOCOL);
        s.fail(NegotiationFailure.LCP_TIMEOUT);
        s.fail(NegotiationFailure.LCP_TIMEOUT);
        assertThat(s.in(PppProtocol.LCP.number())).isEqualTo(new PppStats.Count(2, 28));
        assertThat(s.out(PppProtocol.IPV4.number())).isEqualTo(new PppStats.Count(1, 1400));
        assertThat(s.out(PppProtocol.LCP.number())).isEqualTo(new PppStats.Count(0, 0));
        assertThat(s.dropped(PppDropReason.INVALID_PROTOCOL)).isEqualTo(1);
        assertThat(s.failures(NegotiationFailure.LCP_TIMEOUT)).isEqualTo(2);
        assertThat(s.failures(NegotiationFailure.LOOPBACK)).isZero();
    }
}
