package net.vpdn.ppp.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.AuthVerdict;
import net.vpdn.ppp.auth.LocalVerifier;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.auth.chap.ChapMd5;
import net.vpdn.ppp.fsm.ControlProtocol;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.fsm.CpEffect;
import net.vpdn.ppp.fsm.CpState;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.lcp.LcpLayer;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.testing.VirtualLink;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("LAC/LNS proxy split (RFC 2661 §4.4.5)")
class ProxyTest {
    private static final LcpPolicy LAC = LcpPolicy.lnsDefaults(List.of(AuthMethod.CHAP_MD5));

    /** The LAC negotiates LCP with a client while the recorder watches. */
    private static ProxyLcp lacNegotiates(LcpLayer client) {
        ProxyLcpRecorder recorder = new ProxyLcpRecorder();
        VirtualLink link = new VirtualLink(new ControlProtocol(new LcpLayer(LAC, PppRandom.seeded(1)), CpConfig.rfcDefaults()),
                new ControlProtocol(client, CpConfig.rfcDefaults()));
        link.dropRule = (from, p) -> {
            if (from == link.a) {
                recorder.sent(p);
            } else {
                recorder.received(p);
            }
            return false;
        };
        for (VirtualLink.Side s : List.of(link.a, link.b)) {
            s.input(ControlProtocol::open);
            s.input(ControlProtocol::up);
        }
        link.run(Duration.ofMinutes(1));
        assertThat(link.a.cp.state()).isEqualTo(CpState.OPENED);
        return recorder.export().orElseThrow();
    }

    @Nested
    @DisplayName("LCP")
    class Lcp {
        private final LcpLayer client = new LcpLayer(LcpPolicy.clientDefaults(), PppRandom.seeded(2));

        @Test
        @DisplayName("an LNS whose template accepts the proxied state adopts it: Opened with no packet sent")
        void adopts() {
            ProxyLcp proxied = lacNegotiates(client);
            ProxyLcpAdoption.Decision d = ProxyLcpAdoption.decide(proxied, LAC, false);
            assertThat(d).isInstanceOf(ProxyLcpAdoption.Adopt.class);
            ProxyLcpAdoption.Adopt adopt = (ProxyLcpAdoption.Adopt) d;
            LcpLayer lnsLayer = new LcpLayer(LAC, PppRandom.seeded(3));
            ControlProtocol lns = new ControlProtocol(lnsLayer, CpConfig.rfcDefaults());
            lns.adoptOpened(adopt.ours(), adopt.theirs());
            assertThat(lns.state()).isEqualTo(CpState.OPENED);
            assertThat(lnsLayer.negotiated().authOfPeer()).contains(AuthMethod.CHAP_MD5);
            assertThat(lnsLayer.negotiated().peerMagic()).isEqualTo(client.negotiated().localMagic());
            List<CpEffect> echo = lns.receive(CpPacket.of(CpCode.ECHO_REQUEST, 5, Octets.ofU32(client.negotiated().localMagic())));
            assertThat(echo).singleElement().isInstanceOf(CpEffect.Send.class);
        }

        @Test
        @DisplayName("an LNS template that requires MS-CHAPv2 renegotiates a CHAP-MD5 proxied state")
        void renegotiatesOnAuthMismatch() {
            ProxyLcp proxied = lacNegotiates(client);
            LcpPolicy strict = LcpPolicy.lnsDefaults(List.of(AuthMethod.MSCHAP_V2));
            assertThat(ProxyLcpAdoption.decide(proxied, strict, false)).isInstanceOf(ProxyLcpAdoption.Renegotiate.class);
        }

        @Test
        @DisplayName("an LNS with a smaller MRU than the LAC granted renegotiates")
        void renegotiatesOnMru() {
            ProxyLcp proxied = lacNegotiates(client);
            LcpPolicy small = new LcpPolicy(1400, 576, 1500, true, false, false, true, true,
                    List.of(AuthMethod.CHAP_MD5), List.of(), 5);
            assertThat(ProxyLcpAdoption.decide(proxied, small, false))
                    .isInstanceOfSatisfying(ProxyLcpAdoption.Renegotiate.class, r -> assertThat(r.reason()).contains("1460"));
        }

        @Test
        @DisplayName("an LNS configured to always renegotiate does so")
        void always() {
            assertThat(ProxyLcpAdoption.decide(lacNegotiates(client), LAC, true))
                    .isInstanceOf(ProxyLcpAdoption.Renegotiate.class);
        }
    }

    @Nested
    @DisplayName("authentication")
    class Auth {
        @Test
        @DisplayName("a CHAP exchange exported by the LAC verifies at the LNS without a new challenge")
        void chap() {
            Octets challenge = Octets.fromHex("00112233445566778899aabbccddeeff");
            AuthRequest lacSaw = new AuthRequest.ChapMd5("carol", 9, challenge, ChapMd5.response(9, Secret.of("s3cret"), challenge));
            ProxyAuth exported = ProxyAuth.from(lacSaw).orElseThrow();
            assertThat(exported.kind()).isEqualTo(ProxyAuthKind.CHAP);
            AuthRequest atLns = exported.toRequest().orElseThrow();
            assertThat(atLns).isEqualTo(lacSaw);
            LocalVerifier verifier = new LocalVerifier(Map.of("carol", Secret.of("s3cret")));
            assertThat(verifier.verify(atLns).toCompletableFuture().join()).isInstanceOf(AuthVerdict.Accept.class);
        }

        @Test
        @DisplayName("a PAP password travels in the response field but never in toString")
        void pap() {
            ProxyAuth exported = ProxyAuth.from(new AuthRequest.Pap("dave", Secret.of("hunter2"))).orElseThrow();
            assertThat(exported.kind()).isEqualTo(ProxyAuthKind.PAP);
            assertThat(exported.response()).isEqualTo(Octets.of("hunter2".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(exported.toString()).doesNotContain("hunter2").doesNotContain(exported.response().toHex());
            assertThat(exported.toRequest().orElseThrow()).isEqualTo(new AuthRequest.Pap("dave", Secret.of("hunter2")));
        }
    }
}
