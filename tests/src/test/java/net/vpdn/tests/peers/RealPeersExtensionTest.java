package net.vpdn.tests.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.vpdn.tests.peers.RealPeersExtension.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The skip-or-fail rule of {@link RealPeers}. */
@DisplayName("RealPeers")
class RealPeersExtensionTest {

    @Test
    @DisplayName("runs when nothing is missing, required or not")
    void runs() {
        assertThat(RealPeersExtension.decide(List.of(), false)).isEqualTo(new Decision.Run());
        assertThat(RealPeersExtension.decide(List.of(), true)).isEqualTo(new Decision.Run());
    }

    @Test
    @DisplayName("skips with the missing tool and the way to make it fail when real peers are optional")
    void skips() {
        Decision d = RealPeersExtension.decide(List.of("xl2tpd (apt-get install xl2tpd)"), false);
        assertThat(d).isInstanceOf(Decision.Skip.class);
        assertThat(((Decision.Skip) d).reason()).contains("xl2tpd (apt-get install xl2tpd)").contains("VPDN_REQUIRE_REAL_PEERS=1");
    }

    @Test
    @DisplayName("fails, naming what is missing, when VPDN_REQUIRE_REAL_PEERS=1")
    void fails() {
        Decision d = RealPeersExtension.decide(List.of("tshark (apt-get install tshark)", "root"), true);
        assertThat(d).isInstanceOf(Decision.Fail.class);
        assertThat(((Decision.Fail) d).reason()).contains("tshark").contains("root").contains("failure");
    }

    @Test
    @DisplayName("finds the tools installed on this kind of machine")
    @RealPeers
    void toolsPresent() {
        for (PeerTool t : PeerTool.values()) {
            assertThat(t.find()).as(t.name()).isPresent();
        }
    }
}
