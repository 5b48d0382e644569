package net.vpdn.ppp.ipcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.vpdn.ppp.fsm.ControlProtocol;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.fsm.CpState;
import net.vpdn.ppp.fsm.RequestVerdict;
import net.vpdn.ppp.testing.VirtualLink;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IPCP")
class IpcpLayerTest {
    private static final Ipv4Address GATEWAY = Ipv4Address.of("10.0.0.1");
    private static final Ipv4Address POOLED = Ipv4Address.of("10.0.0.42");
    private static final Ipv4Address DNS1 = Ipv4Address.of("192.0.2.53");
    private static final Ipv4Address DNS2 = Ipv4Address.of("192.0.2.54");

    private final IpcpLayer server = new IpcpLayer(IpcpPolicy.server(GATEWAY, Ipv4AddressSource.fixed(POOLED),
            Optional.of(DNS1), Optional.of(DNS2)));
    private final IpcpLayer client = new IpcpLayer(IpcpPolicy.client());

    private VirtualLink open(IpcpLayer a, IpcpLayer b) {
        VirtualLink link = new VirtualLink(new ControlProtocol(a, CpConfig.rfcDefaults()),
                new ControlProtocol(b, CpConfig.rfcDefaults()));
        for (VirtualLink.Side s : List.of(link.a, link.b)) {
            s.input(ControlProtocol::open);
            s.input(ControlProtocol::up);
        }
        link.run(Duration.ofMinutes(1));
        return link;
    }

    @Test
    @DisplayName("a client asking 0.0.0.0 is Nak'd to the pooled address and DNS servers, then both open")
    void clientGetsAddressAndDns() {
        VirtualLink link = open(server, client);
        assertThat(link.a.cp.state()).isEqualTo(CpState.OPENED);
        assertThat(link.b.cp.state()).isEqualTo(CpState.OPENED);
        assertThat(client.negotiated()).isEqualTo(new IpcpNegotiated(POOLED, GATEWAY, Optional.of(DNS1), Optional.of(DNS2)));
        assertThat(server.negotiated().peerAddress()).isEqualTo(POOLED);
        assertThat(server.negotiated().localAddress()).isEqualTo(GATEWAY);
        assertThat(link.a.sent.stream().filter(p -> p.is(CpCode.CONFIGURE_NAK))).hasSize(1);
    }

    @Test
    @DisplayName("Van Jacobson compression and unconfigured NBNS are rejected")
    void rejects() {
        CpOption vj = new CpOption(2, Octets.fromHex("002d0f01"));
        CpOption nbns = new CpOption(130, Octets.fromHex("00000000"));
        assertThat(server.judge(List.of(new CpOption(3, POOLED.toOctets()), vj, nbns)))
                .isEqualTo(new RequestVerdict.Reject(List.of(vj, nbns)));
    }

    @Test
    @DisplayName("a client whose request for an address is rejected refuses the Reject (it cannot work without one)")
    void addressRequired() {
        assertThat(client.applyReject(List.of(new CpOption(3, Ipv4Address.ANY.toOctets())))).isFalse();
        assertThat(client.addressRefused()).isTrue();
        assertThat(client.applyReject(List.of(new CpOption(129, Ipv4Address.ANY.toOctets())))).isTrue();
        assertThat(client.buildRequest()).extracting(CpOption::type).containsExactly(3, 131);
    }

    @Test
    @DisplayName("addresses print as dotted quads and round-trip through octets")
    void addresses() {
        assertThat(Ipv4Address.of("203.0.113.255").toString()).isEqualTo("203.0.113.255");
        assertThat(Ipv4Address.from(Ipv4Address.of("203.0.113.255").toOctets())).isEqualTo(Ipv4Address.of("203.0.113.255"));
    }
}
