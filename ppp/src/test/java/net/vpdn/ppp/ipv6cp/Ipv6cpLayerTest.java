package net.vpdn.ppp.ipv6cp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.fsm.ControlProtocol;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.fsm.CpState;
import net.vpdn.ppp.fsm.RequestVerdict;
import net.vpdn.ppp.testing.VirtualLink;
import net.vpdn.ppp.wire.CpOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IPv6CP interface identifiers")
class Ipv6cpLayerTest {

    @Test
    @DisplayName("two ends with distinct identifiers open and learn each other's")
    void opens() {
        Ipv6cpLayer a = new Ipv6cpLayer(PppRandom.seeded(1));
        Ipv6cpLayer b = new Ipv6cpLayer(PppRandom.seeded(2));
        VirtualLink link = new VirtualLink(new ControlProtocol(a, CpConfig.rfcDefaults()), new ControlProtocol(b, CpConfig.rfcDefaults()));
        for (VirtualLink.Side s : List.of(link.a, link.b)) {
            s.input(ControlProtocol::open);
            s.input(ControlProtocol::up);
        }
        link.run(Duration.ofMinutes(1));
        assertThat(link.a.cp.state()).isEqualTo(CpState.OPENED);
        assertThat(a.peerIdentifier()).isEqualTo(b.localIdentifier()).isNotZero();
        assertThat(b.peerIdentifier()).isEqualTo(a.localIdentifier()).isNotZero();
    }

    @Test
    @DisplayName("identical identifiers (same seed) collide, are Nak'd, and converge to distinct ones")
    void collision() {
        Ipv6cpLayer a = new Ipv6cpLayer(PppRandom.seeded(7));
        Ipv6cpLayer b = new Ipv6cpLayer(PppRandom.seeded(7));
        assertThat(a.judge(b.buildRequest())).isInstanceOf(RequestVerdict.Nak.class);
        VirtualLink link = new VirtualLink(new ControlProtocol(a, CpConfig.rfcDefaults()), new ControlProtocol(b, CpConfig.rfcDefaults()));
        for (VirtualLink.Side s : List.of(link.a, link.b)) {
            s.input(ControlProtocol::open);
            s.input(ControlProtocol::up);
        }
        link.run(Duration.ofMinutes(1));
        assertThat(link.a.cp.state()).isEqualTo(CpState.OPENED);
        assertThat(a.localIdentifier()).isNotEqualTo(b.localIdentifier());
    }

    @Test
    @DisplayName("a zero identifier is Nak'd")
    void zero() {
        Ipv6cpLayer a = new Ipv6cpLayer(PppRandom.seeded(3));
        assertThat(a.judge(List.of(new CpOption(1, net.vpdn.ppp.wire.Octets.fromHex("0000000000000000")))))
                .isInstanceOf(RequestVerdict.Nak.class);
    }
}
