package net.vpdn.ppp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.LocalVerifier;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.ipcp.IpcpPolicy;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.ipcp.Ipv4AddressSource;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.stats.NegotiationFailure;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.CpPacketCodec;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppFrame;
import net.vpdn.ppp.wire.PppFrameCodec;
import net.vpdn.ppp.wire.PppFraming;
import net.vpdn.ppp.wire.PppProtocol;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("PPP session: LNS against a client, in virtual time")
class PppSessionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final Ipv4Address GATEWAY = Ipv4Address.of("10.0.0.1");
    private static final Ipv4Address POOLED = Ipv4Address.of("10.0.0.42");
    private static final LocalVerifier VERIFIER = new LocalVerifier(Map.of("alice", Secret.of("wonderland")));

    private static PppSession lns(AuthMethod method) {
        return new PppSession(new PppSessionConfig(LcpPolicy.lnsDefaults(List.of(method)), CpConfig.rfcDefaults(),
                Optional.of(IpcpPolicy.server(GATEWAY, Ipv4AddressSource.fixed(POOLED), Optional.of(Ipv4Address.of("192.0.2.53")),
                        Optional.empty())), true, Duration.ofSeconds(10), 3, AuthTiming.defaults(), "lns", Optional.empty(), false),
                PppRandom.seeded(1));
    }

    private static PppSession client(String password) {
        return new PppSession(new PppSessionConfig(LcpPolicy.clientDefaults(), CpConfig.rfcDefaults(),
                Optional.of(IpcpPolicy.client()), false, Duration.ofSeconds(10), 3, AuthTiming.defaults(), "client",
                Optional.of(new PppSessionConfig.Credentials("alice", Secret.of(password))), false), PppRandom.seeded(2));
    }

    private static SessionLink up(PppSession lns, PppSession client) {
        SessionLink link = new SessionLink(lns, client, VERIFIER);
        link.start();
        link.run(30 * SECOND);
        return link;
    }

    @Nested
    @DisplayName("bring-up")
    class BringUp {
        @Test
        @DisplayName("CHAP-MD5, then IPCP: the client gets the pooled address and DNS; IPv6CP is Protocol-Rejected by the client")
        void chapThenIpcp() {
            SessionLink link = up(lns(AuthMethod.CHAP_MD5), client("wonderland"));
            assertThat(link.a.session.phase()).isEqualTo(PppPhase.NETWORK);
            assertThat(link.b.session.phase()).isEqualTo(PppPhase.NETWORK);
            assertThat(link.a.outputs(PppOutput.Authenticated.class)).containsExactly(new PppOutput.Authenticated("alice"));
            assertThat(link.b.outputs(PppOutput.Ipv4Up.class)).singleElement()
                    .satisfies(u -> assertThat(u.addresses().localAddress()).isEqualTo(POOLED));
            assertThat(link.a.outputs(PppOutput.Ipv4Up.class)).singleElement()
                    .satisfies(u -> assertThat(u.addresses().peerAddress()).isEqualTo(POOLED));
            assertThat(link.a.outputs(PppOutput.Ipv6Up.class)).isEmpty();
            assertThat(link.a.outputs(PppOutput.PhaseChanged.class)).extracting(PppOutput.PhaseChanged::phase)
                    .containsExactly(PppPhase.ESTABLISH, PppPhase.AUTHENTICATE, PppPhase.NETWORK);
        }

        @Test
        @DisplayName("MS-CHAPv2 and PAP also bring the link up")
        void otherMethods() {
            for (AuthMethod m : List.of(AuthMethod.MSCHAP_V2, AuthMethod.PAP)) {
                SessionLink link = up(lns(m), client("wonderland"));
                assertThat(link.a.outputs(PppOutput.Authenticated.class)).as(m.name()).hasSize(1);
                assertThat(link.b.session.phase()).as(m.name()).isEqualTo(PppPhase.NETWORK);
            }
        }

        @Test
        @DisplayName("IPv4 from the client reaches the LNS as Deliver, and counts in the statistics")
        void data() {
            SessionLink link = up(lns(AuthMethod.CHAP_MD5), client("wonderland"));
            link.b.apply(link.b.session.sendData(PppProtocol.IPV4, Octets.fromHex("4500001c")));
            link.run(SECOND);
            assertThat(link.a.outputs(PppOutput.Deliver.class))
                    .containsExactly(new PppOutput.Deliver(0x21, Octets.fromHex("4500001c")));
            assertThat(link.a.session.stats().in(0x21).frames()).isEqualTo(1);
            assertThat(link.a.session.stats().in(PppProtocol.LCP.number()).frames()).isPositive();
        }
    }

    @Nested
    @DisplayName("LAC/LNS split")
    class Split {
        private PppSession lac() {
            return new PppSession(new PppSessionConfig(LcpPolicy.lnsDefaults(List.of(AuthMethod.CHAP_MD5)),
                    CpConfig.rfcDefaults(), Optional.empty(), false, Duration.ofSeconds(10), 3, AuthTiming.defaults(),
                    "lac", Optional.empty(), true), PppRandom.seeded(5));
        }

        @Test
        @DisplayName("the LAC hands off after the CHAP response; the LNS adopts LCP, verifies the proxied response and opens IPCP")
        void handOffAndAdopt() {
            PppSession client = client("wonderland");
            SessionLink atLac = new SessionLink(lac(), client, VERIFIER);
            atLac.start();
            // Only until the hand-off: nobody answers the client's Response at the LAC, and it
            // would give up after its retransmissions (the real LAC relays them to the LNS).
            atLac.run(2 * SECOND);
            PppOutput.HandOff handOff = atLac.a.outputs(PppOutput.HandOff.class).getFirst();
            assertThat(atLac.a.outputs(PppOutput.Verify.class)).isEmpty();
            assertThat(handOff.auth()).hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("alice"));
            assertThat(atLac.a.session.handedOff()).isTrue();

            PppSession lns = lns(AuthMethod.CHAP_MD5);
            SessionLink atLns = new SessionLink(lns, client, VERIFIER);
            atLns.a.apply(lns.lowerUpFromProxy(handOff.lcp(), handOff.auth(), false));
            atLns.run(30 * SECOND);
            assertThat(atLns.a.log.stream().filter(o -> o instanceof PppOutput.SendFrame f
                    && f.protocol() == PppProtocol.LCP.number() && f.frame().u8(4) == CpCode.CONFIGURE_REQUEST.value()))
                    .as("no new LCP exchange").isEmpty();
            assertThat(atLns.a.outputs(PppOutput.Authenticated.class)).containsExactly(new PppOutput.Authenticated("alice"));
            assertThat(atLns.b.outputs(PppOutput.Ipv4Up.class)).singleElement()
                    .satisfies(u -> assertThat(u.addresses().localAddress()).isEqualTo(POOLED));
            assertThat(client.phase()).isEqualTo(PppPhase.NETWORK);
        }

        @Test
        @DisplayName("an LNS configured to always renegotiate runs LCP and CHAP again with the client")
        void renegotiates() {
            PppSession client = client("wonderland");
            SessionLink atLac = new SessionLink(lac(), client, VERIFIER);
            atLac.start();
            // Only until the hand-off: nobody answers the client's Response at the LAC, and it
            // would give up after its retransmissions (the real LAC relays them to the LNS).
            atLac.run(2 * SECOND);
            PppOutput.HandOff handOff = atLac.a.outputs(PppOutput.HandOff.class).getFirst();
            PppSession lns = lns(AuthMethod.CHAP_MD5);
            SessionLink atLns = new SessionLink(lns, client, VERIFIER);
            atLns.a.apply(lns.lowerUpFromProxy(handOff.lcp(), handOff.auth(), true));
            atLns.run(30 * SECOND);
            assertThat(atLns.a.outputs(PppOutput.PhaseChanged.class)).extracting(PppOutput.PhaseChanged::phase)
                    .containsExactly(PppPhase.ESTABLISH, PppPhase.AUTHENTICATE, PppPhase.NETWORK);
            assertThat(atLns.a.outputs(PppOutput.Authenticated.class)).hasSize(1);
            assertThat(client.phase()).isEqualTo(PppPhase.NETWORK);
        }
    }

    @Nested
    @DisplayName("failures")
    class Failures {
        @Test
        @DisplayName("a wrong password terminates the link with AUTH_FAILED counted")
        void wrongPassword() {
            SessionLink link = up(lns(AuthMethod.CHAP_MD5), client("looking-glass"));
            assertThat(link.a.session.stats().failures(NegotiationFailure.AUTH_FAILED)).isEqualTo(1);
            assertThat(link.a.outputs(PppOutput.LinkDown.class)).hasSize(1);
            assertThat(link.a.session.phase()).isEqualTo(PppPhase.DEAD);
            assertThat(link.a.outputs(PppOutput.Ipv4Up.class)).isEmpty();
        }

        @Test
        @DisplayName("a client that goes silent is declared dead after 3 unanswered echoes")
        void deadPeer() {
            SessionLink link = up(lns(AuthMethod.CHAP_MD5), client("wonderland"));
            int logged = link.a.log.size();
            link.drop = (from, f) -> from == link.b;
            link.b.timers.clear();
            link.run(120 * SECOND);
            assertThat(link.a.outputs(PppOutput.LinkDown.class)).singleElement()
                    .satisfies(d -> assertThat(d.failure()).contains(NegotiationFailure.DEAD_PEER));
            assertThat(link.a.session.stats().failures(NegotiationFailure.DEAD_PEER)).isEqualTo(1);
            long echoes = link.a.log.subList(logged, link.a.log.size()).stream().filter(o -> o instanceof PppOutput.SendFrame f
                    && f.protocol() == PppProtocol.LCP.number() && f.frame().u8(4) == CpCode.ECHO_REQUEST.value()).count();
            assertThat(echoes).isEqualTo(3);
            assertThat(link.a.session.phase()).isEqualTo(PppPhase.DEAD);
        }

        @Test
        @DisplayName("a silent peer makes LCP give up with LCP_TIMEOUT after Max-Configure")
        void lcpTimeout() {
            SessionLink link = new SessionLink(lns(AuthMethod.CHAP_MD5), client("x"), VERIFIER);
            link.drop = (from, f) -> true;
            link.a.apply(link.a.session.lowerUp());
            link.run(60 * SECOND);
            assertThat(link.a.outputs(PppOutput.LinkDown.class)).singleElement()
                    .satisfies(d -> assertThat(d.failure()).contains(NegotiationFailure.LCP_TIMEOUT));
        }
    }

    @Nested
    @DisplayName("protocol handling")
    class Protocols {
        private byte[] frame(int protocol, Octets info) {
            return PppFrameCodec.encode(new PppFrame(protocol, info), PppFraming.initial());
        }

        @Test
        @DisplayName("an unknown protocol in the Network phase is Protocol-Rejected with its number")
        void protocolReject() {
            SessionLink link = up(lns(AuthMethod.CHAP_MD5), client("wonderland"));
            List<PppOutput> out = link.a.session.receive(frame(0x80FD, CpPacketCodec.encode(CpPacket.of(CpCode.CONFIGURE_REQUEST, 1, Octets.EMPTY))));
            PppOutput.SendFrame reject = (PppOutput.SendFrame) out.getFirst();
            CpPacket p = CpPacketCodec.decode(PppFrameCodec.decode(reject.frame().toArray(), PppFraming.initial()).orThrow().information()).orThrow();
            assertThat(p.code()).isEqualTo(CpCode.PROTOCOL_REJECT.value());
            assertThat(p.data().u16(0)).isEqualTo(0x80FD);
        }

        @Test
        @DisplayName("IPv4 before the Network phase is silently discarded (RFC 1661 §3.5)")
        void earlyData() {
            PppSession lns = lns(AuthMethod.CHAP_MD5);
            lns.lowerUp();
            assertThat(lns.receive(frame(0x21, Octets.fromHex("45")))).isEmpty();
        }

        @Test
        @DisplayName("a malformed frame is counted by reason and produces nothing")
        void malformed() {
            PppSession lns = lns(AuthMethod.CHAP_MD5);
            lns.lowerUp();
            assertThat(lns.receive(new byte[] {(byte) 0xff, 0x05})).isEmpty();
            assertThat(lns.stats().dropped(net.vpdn.ppp.wire.PppDropReason.BAD_CONTROL_FIELD)).isEqualTo(1);
        }

        @Test
        @DisplayName("an orderly close ends with LinkDown and no failure")
        void close() {
            SessionLink link = up(lns(AuthMethod.CHAP_MD5), client("wonderland"));
            link.a.apply(link.a.session.close());
            link.run(30 * SECOND);
            assertThat(link.a.outputs(PppOutput.LinkDown.class)).singleElement()
                    .satisfies(d -> assertThat(d.failure()).isEmpty());
            assertThat(link.b.outputs(PppOutput.LinkDown.class)).singleElement()
                    .satisfies(d -> assertThat(d.failure()).isEmpty());
        }
    }
}
