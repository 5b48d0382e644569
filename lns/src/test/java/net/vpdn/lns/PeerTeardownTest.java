package net.vpdn.lns;

import static org.assertj.core.api.Assertions.assertThat;

import net.vpdn.l2tp.avp.Avp;
import net.vpdn.vtemplate.TerminateCause;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The accounting cause of a call the LAC ended or lost")
class PeerTeardownTest {
    @ParameterizedTest(name = "result {0}, by peer {1}, with the tunnel {2}: {3}")
    @CsvSource({
        "3, true, false, ADMIN_RESET",   // CDN 3 administrative
        "1, true, false, LOST_CARRIER",  // CDN 1 lost carrier
        "2, true, false, LOST_CARRIER",  // CDN 2 general error
        "6, true, true, ADMIN_REBOOT",   // StopCCN 6: the LAC is shutting down
        "1, true, true, LOST_CARRIER",   // StopCCN 1: general request to clear
        "3, false, false, LOST_CARRIER", // our own CDN: the cause is the one we closed with
        "6, false, true, LOST_CARRIER",  // our own StopCCN / a dead peer
    })
    void cause(int result, boolean byPeer, boolean withTunnel, TerminateCause expected) {
        assertThat(PeerTeardown.cause(new Avp.ResultCode(result, 0, ""), byPeer, withTunnel)).isEqualTo(expected);
    }
}
