package net.vpdn.ppp.lcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.fsm.ControlProtocol;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.fsm.CpEffect;
import net.vpdn.ppp.fsm.CpEvent;
import net.vpdn.ppp.fsm.CpState;
import net.vpdn.ppp.fsm.RequestVerdict;
import net.vpdn.ppp.testing.VirtualLink;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpOption;
import net.vpdn.ppp.wire.CpOptions;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("LCP")
class LcpLayerTest {

    private static VirtualLink link(LcpLayer a, LcpLayer b) {
        VirtualLink link = new VirtualLink(new ControlProtocol(a, CpConfig.rfcDefaults()),
                new ControlProtocol(b, CpConfig.rfcDefaults()));
        for (VirtualLink.Side s : List.of(link.a, link.b)) {
            s.input(ControlProtocol::open);
            s.input(ControlProtocol::up);
        }
        link.run(Duration.ofMinutes(2));
        return link;
    }

    @Nested
    @DisplayName("between an LNS and a client")
    class LnsAndClient {
        private final LcpLayer lns = new LcpLayer(LcpPolicy.lnsDefaults(List.of(AuthMethod.CHAP_MD5)), PppRandom.seeded(1));
        private final LcpLayer client = new LcpLayer(LcpPolicy.clientDefaults(), PppRandom.seeded(2));

        @Test
        @DisplayName("opens with CHAP-MD5, the LNS MRU, both magic numbers and the client's compression")
        void opens() {
            VirtualLink link = link(lns, client);
            assertThat(link.a.cp.state()).isEqualTo(CpState.OPENED);
            assertThat(link.b.cp.state()).isEqualTo(CpState.OPENED);
            LcpNegotiated l = lns.negotiated();
            LcpNegotiated c = client.negotiated();
            assertThat(l.authOfPeer()).contains(AuthMethod.CHAP_MD5);
            assertThat(c.authOfUs()).contains(AuthMethod.CHAP_MD5);
            assertThat(l.localMru()).isEqualTo(1460);
            assertThat(c.peerMru()).isEqualTo(1460);
            assertThat(l.peerMagic()).isEqualTo(c.localMagic()).isNotZero();
            assertThat(c.peerMagic()).isEqualTo(l.localMagic()).isNotZero();
            assertThat(l.txPfc()).isTrue();
            assertThat(l.txAcfc()).isTrue();
            assertThat(c.txPfc()).isFalse();
            assertThat(l.framing().sendAddressControl()).isFalse();
        }

        @Test
        @DisplayName("a client that knows only PAP makes an MS-CHAPv2/CHAP-only LNS fail rather than open unauthenticated")
        void authNeverDowngradedToNone() {
            LcpLayer strictLns = new LcpLayer(LcpPolicy.lnsDefaults(List.of(AuthMethod.MSCHAP_V2, AuthMethod.CHAP_MD5)),
                    PppRandom.seeded(3));
            LcpPolicy papOnly = new LcpPolicy(0, 576, 1500, true, false, false, true, true, List.of(),
                    List.of(AuthMethod.PAP), 5);
            VirtualLink link = link(strictLns, new LcpLayer(papOnly, PppRandom.seeded(4)));
            assertThat(link.a.effects(CpEffect.LayerUp.class)).isEmpty();
            assertThat(strictLns.authRefusedByPeer()).isTrue();
            // Max-Configure runs out (tlf); the shell must then close, since in Stopped a new request restarts LCP.
            assertThat(link.a.effects(CpEffect.LayerFinished.class).getFirst())
                    .isEqualTo(new CpEffect.LayerFinished(CpEvent.TO_MINUS, CpState.ACK_SENT));
        }

        @Test
        @DisplayName("an LNS offering MS-CHAPv2 then CHAP-MD5 settles on CHAP-MD5 when the client Naks")
        void authFallsBack() {
            LcpLayer twoMethods = new LcpLayer(LcpPolicy.lnsDefaults(List.of(AuthMethod.MSCHAP_V2, AuthMethod.CHAP_MD5)),
                    PppRandom.seeded(5));
            LcpPolicy chapOnly = new LcpPolicy(0, 576, 1500, true, false, false, true, true, List.of(),
                    List.of(AuthMethod.CHAP_MD5), 5);
            link(twoMethods, new LcpLayer(chapOnly, PppRandom.seeded(6)));
            assertThat(twoMethods.negotiated().authOfPeer()).contains(AuthMethod.CHAP_MD5);
        }
    }

    @Nested
    @DisplayName("judging a request")
    class Judging {
        private final LcpLayer lns = new LcpLayer(LcpPolicy.lnsDefaults(List.of()), PppRandom.seeded(7));

        @Test
        @DisplayName("Naks an MRU above the policy down to the maximum")
        void mruClamped() {
            RequestVerdict v = lns.judge(List.of(new MruOption(9000).toCpOption()));
            assertThat(v).isEqualTo(new RequestVerdict.Nak(List.of(new MruOption(1500).toCpOption())));
        }

        @Test
        @DisplayName("Rejects unknown options and a known option with a wrong length, Reject before Nak")
        void rejects() {
            CpOption callback = new CpOption(13, Octets.fromHex("06"));
            CpOption shortMru = new CpOption(LcpOption.MRU, Octets.fromHex("05"));
            RequestVerdict v = lns.judge(List.of(new MruOption(9000).toCpOption(), callback, shortMru));
            assertThat(v).isEqualTo(new RequestVerdict.Reject(List.of(callback, shortMru)));
        }

        @Test
        @DisplayName("Rejects Authentication-Protocol when we will not authenticate ourselves")
        void rejectsAuth() {
            CpOption pap = AuthProtocolOption.of(AuthMethod.PAP).toCpOption();
            assertThat(lns.judge(List.of(pap))).isEqualTo(new RequestVerdict.Reject(List.of(pap)));
        }

        @Test
        @DisplayName("detects a looped-back link: our own Magic-Number is Nak'd and ours is changed")
        void loopback() {
            List<CpOption> ownRequest = lns.buildRequest();
            long before = lns.magic();
            RequestVerdict v = lns.judge(ownRequest);
            assertThat(v).isInstanceOfSatisfying(RequestVerdict.Nak.class,
                    n -> assertThat(n.suggestions()).singleElement().extracting(CpOption::type).isEqualTo(LcpOption.MAGIC_NUMBER));
            assertThat(lns.magic()).isNotEqualTo(before);
            for (int i = 0; i < 5; i++) {
                lns.judge(lns.buildRequest());
            }
            assertThat(lns.loopedBack()).isTrue();
        }

        @Test
        @DisplayName("Naks a zero Magic-Number")
        void zeroMagic() {
            assertThat(lns.judge(List.of(new MagicNumberOption(0).toCpOption()))).isInstanceOf(RequestVerdict.Nak.class);
        }
    }

    @Nested
    @DisplayName("in Opened")
    class Opened {
        private final LcpLayer lns = new LcpLayer(LcpPolicy.lnsDefaults(List.of()), PppRandom.seeded(8));
        private final LcpLayer client = new LcpLayer(LcpPolicy.clientDefaults(), PppRandom.seeded(9));

        @Test
        @DisplayName("answers Echo-Request with Echo-Reply carrying our magic and the request data")
        void echo() {
            VirtualLink link = link(lns, client);
            List<CpEffect> effects = link.a.cp.receive(CpPacket.of(CpCode.ECHO_REQUEST, 42,
                    Octets.fromHex(String.format("%08x", client.negotiated().localMagic()) + "cafe")));
            CpPacket reply = ((CpEffect.Send) effects.getFirst()).packet();
            assertThat(reply.code()).isEqualTo(CpCode.ECHO_REPLY.value());
            assertThat(reply.identifier()).isEqualTo(42);
            assertThat(reply.data()).isEqualTo(Octets.fromHex(String.format("%08x", lns.negotiated().localMagic()) + "cafe"));
        }

        @Test
        @DisplayName("a Protocol-Reject of IPCP is permitted, of LCP catastrophic")
        void protocolReject() {
            VirtualLink link = link(lns, client);
            link.a.cp.receive(CpPacket.of(CpCode.PROTOCOL_REJECT, 1, Octets.fromHex("80210101000a")));
            assertThat(link.a.cp.state()).isEqualTo(CpState.OPENED);
            List<CpEffect> e = link.a.cp.receive(CpPacket.of(CpCode.PROTOCOL_REJECT, 2, Octets.fromHex("c0210101000a")));
            assertThat(e.getFirst()).isEqualTo(new CpEffect.LayerDown(CpEvent.RXJ_MINUS));
            assertThat(link.a.cp.state()).isEqualTo(CpState.STOPPING);
        }

        @Test
        @DisplayName("a Discard-Request is accepted silently")
        void discard() {
            VirtualLink link = link(lns, client);
            assertThat(link.a.cp.receive(CpPacket.of(CpCode.DISCARD_REQUEST, 1, Octets.fromHex("00000000")))).isEmpty();
        }
    }

    @Test
    @DisplayName("before Opened an Echo-Request is silently discarded (RFC 1661 §5.8)")
    void echoBeforeOpened() {
        ControlProtocol cp = new ControlProtocol(new LcpLayer(LcpPolicy.clientDefaults(), PppRandom.seeded(10)),
                CpConfig.rfcDefaults());
        cp.open();
        cp.up();
        assertThat(cp.receive(CpPacket.of(CpCode.ECHO_REQUEST, 1, Octets.fromHex("00000000")))).isEmpty();
    }

    @Test
    @DisplayName("the request lists options in a stable order: MRU, Auth, Magic, PFC, ACFC")
    void requestOrder() {
        LcpLayer l = new LcpLayer(new LcpPolicy(1400, 576, 1500, true, true, true, true, true,
                List.of(AuthMethod.PAP), List.of(), 5), PppRandom.seeded(11));
        assertThat(l.buildRequest()).extracting(CpOption::type).containsExactly(1, 3, 5, 7, 8);
        assertThat(CpOptions.encode(l.buildRequest()).slice(0, 8)).isEqualTo(Octets.fromHex("010405780304c023"));
    }
}
