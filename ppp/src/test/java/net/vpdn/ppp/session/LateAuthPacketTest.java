package net.vpdn.ppp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.AuthTiming;
import net.vpdn.ppp.auth.AuthVerdict;
import net.vpdn.ppp.auth.LocalVerifier;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.auth.chap.ChapCodec;
import net.vpdn.ppp.auth.pap.PapCodec;
import net.vpdn.ppp.fsm.CpConfig;
import net.vpdn.ppp.ipcp.IpcpPolicy;
import net.vpdn.ppp.ipcp.Ipv4Address;
import net.vpdn.ppp.ipcp.Ipv4AddressSource;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.lcp.LcpPolicy;
import net.vpdn.ppp.proxy.ProxyAuth;
import net.vpdn.ppp.proxy.ProxyAuthKind;
import net.vpdn.ppp.wire.CpCode;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.CpPacketCodec;
import net.vpdn.ppp.wire.Octets;
import net.vpdn.ppp.wire.PppProtocol;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Authentication packets that arrive late or twice, at every stage of a LAC/LNS call: before the
 * verdict, after Success or Ack, relayed to the LNS after the hand-off, and after LCP renegotiated
 * while the client was still answering the first Challenge. A client must never get a Failure
 * for a password that is right (the load defect of docs/benchmarks.md).
 */
@DisplayName("PPP session: late and repeated CHAP Responses and PAP Requests")
class LateAuthPacketTest {
    private static final long SECOND = 1_000_000_000L;
    private static final LocalVerifier VERIFIER = new LocalVerifier(Map.of("alice", Secret.of("wonderland")));

    private static PppSession lac(AuthMethod method, PppRandom random) {
        return new PppSession(new PppSessionConfig(LcpPolicy.lnsDefaults(List.of(method)), CpConfig.rfcDefaults(),
                Optional.empty(), false, Duration.ofSeconds(10), 3, AuthTiming.defaults(), "lac", Optional.empty(), true),
                random);
    }

    private static PppSession lns(AuthMethod method) {
        return new PppSession(new PppSessionConfig(LcpPolicy.lnsDefaults(List.of(method)), CpConfig.rfcDefaults(),
                Optional.of(IpcpPolicy.server(Ipv4Address.of("10.0.0.1"), Ipv4AddressSource.fixed(Ipv4Address.of("10.0.0.42")),
                        Optional.empty(), Optional.empty())), false, Duration.ofSeconds(10), 3, AuthTiming.defaults(), "lns",
                Optional.empty(), false), PppRandom.seeded(7));
    }

    private static PppSession client() {
        return new PppSession(new PppSessionConfig(LcpPolicy.clientDefaults(), CpConfig.rfcDefaults(),
                Optional.of(IpcpPolicy.client()), false, Duration.ofSeconds(10), 3, AuthTiming.defaults(), "client",
                Optional.of(new PppSessionConfig.Credentials("alice", Secret.of("wonderland"))), false), PppRandom.seeded(2));
    }

    /**
     * A source whose ints are all the same (so every CHAP authenticator it seeds would pick the
     * same first identifier) and whose bytes are random (so every Challenge value differs).
     */
    private static PppRandom sameInts() {
        SplittableRandom bytes = new SplittableRandom(11);
        return new PppRandom() {
            @Override public void nextBytes(byte[] dest) { bytes.nextBytes(dest); }
            @Override public int nextInt() { return 0x1234_5641; }
        };
    }

    /** The control packet of an encoded frame (with or without FF 03, 1- or 2-octet protocol). */
    static CpPacket packet(Octets frame) {
        int off = frame.u8(0) == 0xFF && frame.u8(1) == 0x03 ? 2 : 0;
        off += (frame.u8(off) & 1) == 1 ? 1 : 2;
        return CpPacketCodec.decode(frame.slice(off, frame.length() - off)).orThrow();
    }

    private static List<CpPacket> sent(SessionLink.End end, PppProtocol protocol, int code) {
        return end.outputs(PppOutput.SendFrame.class).stream().filter(f -> f.protocol() == protocol.number())
                .map(f -> packet(f.frame())).filter(p -> p.code() == code).toList();
    }

    private static boolean isAuth(PppOutput.SendFrame f, PppProtocol protocol, int code) {
        return f.protocol() == protocol.number() && packet(f.frame()).code() == code;
    }

    /** LAC against the client up to the hand-off, then the LNS adopts it with the client; the LNS end is {@code a}. */
    private static SessionLink handedToLns(AuthMethod method, List<byte[]> clientAuthFrames) {
        PppSession client = client();
        SessionLink atLac = new SessionLink(lac(method, PppRandom.seeded(5)), client, VERIFIER);
        atLac.drop = (from, f) -> {
            if (from == atLac.b && (f.protocol() == PppProtocol.CHAP.number() || f.protocol() == PppProtocol.PAP.number())) {
                clientAuthFrames.add(f.frame().toArray());
            }
            return false;
        };
        atLac.start();
        atLac.run(2 * SECOND);
        PppOutput.HandOff handOff = atLac.a.outputs(PppOutput.HandOff.class).getFirst();
        // As the LAC does (lac CallAvps): PAP's identifier travels in Proxy Authen ID, taken from the request.
        int papId = packet(Octets.of(clientAuthFrames.getFirst())).identifier();
        Optional<ProxyAuth> auth = handOff.auth().map(a -> a.kind() == ProxyAuthKind.PAP
                ? new ProxyAuth(a.kind(), a.name(), a.challenge(), papId, a.response()) : a);
        PppSession lns = lns(method);
        SessionLink atLns = new SessionLink(lns, client, VERIFIER);
        atLns.a.apply(lns.lowerUpFromProxy(handOff.lcp(), auth, false));
        return atLns;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = AuthMethod.class, names = {"CHAP_MD5", "PAP"})
    @DisplayName("LNS with proxy authentication: the client's repeat relayed before the verdict and after it gets Success/Ack, never Failure/Nak")
    void relayedRepeatAtLns(AuthMethod method) {
        List<byte[]> clientAuth = new ArrayList<>();
        SessionLink atLns = handedToLns(method, clientAuth);
        assertThat(clientAuth).isNotEmpty();
        byte[] repeat = clientAuth.getFirst();
        // Before the verdict: the verifier's answer is still queued.
        atLns.a.apply(atLns.a.session.receive(repeat));
        atLns.run(30 * SECOND);
        // After Success/Ack, and once more with IPCP up.
        atLns.a.apply(atLns.a.session.receive(repeat));
        atLns.a.apply(atLns.a.session.receive(repeat));
        atLns.run(5 * SECOND);

        PppProtocol protocol = method == AuthMethod.PAP ? PppProtocol.PAP : PppProtocol.CHAP;
        int yes = method == AuthMethod.PAP ? PapCodec.ACK : ChapCodec.SUCCESS;
        int no = method == AuthMethod.PAP ? PapCodec.NAK : ChapCodec.FAILURE;
        int id = packet(Octets.of(repeat)).identifier();
        assertThat(sent(atLns.a, protocol, no)).isEmpty();
        assertThat(sent(atLns.a, protocol, yes)).hasSizeGreaterThanOrEqualTo(3).allSatisfy(p -> assertThat(p.identifier()).isEqualTo(id));
        assertThat(atLns.a.outputs(PppOutput.Authenticated.class)).hasSize(1);
        assertThat(atLns.a.session.phase()).isEqualTo(PppPhase.NETWORK);
        assertThat(atLns.b.outputs(PppOutput.Ipv4Up.class)).hasSize(1);
        assertThat(atLns.b.session.phase()).isEqualTo(PppPhase.NETWORK);
    }

    @Test
    @DisplayName("LNS with proxy CHAP: a Response with an identifier never challenged is ignored, not failed")
    void strangerIdentifierAtLns() {
        List<byte[]> clientAuth = new ArrayList<>();
        SessionLink atLns = handedToLns(AuthMethod.CHAP_MD5, clientAuth);
        atLns.run(30 * SECOND);
        byte[] other = clientAuth.getFirst().clone();
        int at = other.length - packet(Octets.of(other)).length();
        other[at + 1] = (byte) (other[at + 1] + 1); // the identifier
        atLns.a.apply(atLns.a.session.receive(other));
        atLns.run(5 * SECOND);
        assertThat(sent(atLns.a, PppProtocol.CHAP, ChapCodec.FAILURE)).isEmpty();
        assertThat(atLns.a.session.phase()).isEqualTo(PppPhase.NETWORK);
    }

    /**
     * The load defect. Under load the client's LCP Configure-Request is retransmitted and a copy
     * reaches the LAC after LCP opened: LCP renegotiates (RFC 1661 §4.3, RCR in Opened) while the
     * client is still answering the first Challenge, and authentication starts again with a new
     * Challenge. If the new Challenge reused the first one's identifier, the client's Response to
     * the first Challenge (late or retransmitted) was taken for a Response to the new one and
     * handed off; the LNS then verified it against the wrong challenge and answered Failure.
     */
    @Test
    @DisplayName("LAC: a Response to the Challenge before an LCP renegotiation is not taken for the new Challenge's")
    void responseFromBeforeRenegotiation() {
        PppSession client = client();
        SessionLink atLac = new SessionLink(lac(AuthMethod.CHAP_MD5, sameInts()), client, VERIFIER);
        List<byte[]> clientLcpRequests = new ArrayList<>();
        List<byte[]> responses = new ArrayList<>();
        atLac.drop = (from, f) -> {
            if (from != atLac.b) return false;
            if (f.protocol() == PppProtocol.LCP.number() && packet(f.frame()).code() == CpCode.CONFIGURE_REQUEST.value()) {
                clientLcpRequests.add(f.frame().toArray());
            }
            boolean response = isAuth(f, PppProtocol.CHAP, ChapCodec.RESPONSE);
            if (response) responses.add(f.frame().toArray());
            return response; // held back: they arrive late
        };
        atLac.start();
        atLac.run(SECOND / 2);
        assertThat(sent(atLac.a, PppProtocol.CHAP, ChapCodec.CHALLENGE)).hasSize(1);
        assertThat(responses).hasSize(1);
        byte[] late = responses.getFirst();

        // A retransmitted Configure-Request reaches the LAC in Opened: LCP renegotiates, CHAP starts again.
        atLac.a.apply(atLac.a.session.receive(clientLcpRequests.getFirst()));
        atLac.run(SECOND / 2);
        List<CpPacket> challenges = sent(atLac.a, PppProtocol.CHAP, ChapCodec.CHALLENGE);
        assertThat(challenges).hasSize(2);
        assertThat(atLac.a.session.phase()).isEqualTo(PppPhase.AUTHENTICATE);

        // The late Response to the first Challenge arrives now: handed off, the LNS would answer Failure.
        atLac.a.apply(atLac.a.session.receive(late));
        assertThat(atLac.a.outputs(PppOutput.HandOff.class)).as("the late Response is not handed off")
                .allSatisfy(h -> assertThat(VERIFIER.verify(h.auth().orElseThrow().toRequest().orElseThrow())
                        .toCompletableFuture().join()).isInstanceOf(AuthVerdict.Accept.class))
                .isEmpty();
        assertThat(challenges.get(1).identifier()).as("a new Challenge has a new identifier (RFC 1994 §4.1)")
                .isNotEqualTo(challenges.get(0).identifier());

        // The client stopped repeating its first Response when its LCP went down (RFC 1661 §3.5: no
        // authentication outside the Authenticate phase), so no more stale ones are on their way.
        List<PppOutput> clientLog = atLac.b.log;
        int first = clientLog.indexOf(new PppOutput.PhaseChanged(PppPhase.AUTHENTICATE));
        int again = clientLog.lastIndexOf(new PppOutput.PhaseChanged(PppPhase.AUTHENTICATE));
        assertThat(first).isPositive().isLessThan(again);
        assertThat(clientLog.subList(first, again)).containsSubsequence(new PppOutput.CancelTimer(PppTimer.AUTH_PEER),
                new PppOutput.PhaseChanged(PppPhase.ESTABLISH));

        // The client's Response to the new Challenge is the one the LNS gets, and it verifies.
        atLac.drop = (from, f) -> false;
        atLac.a.apply(atLac.a.session.receive(responses.getLast()));
        PppOutput.HandOff handOff = atLac.a.outputs(PppOutput.HandOff.class).getFirst();
        assertThat(VERIFIER.verify(handOff.auth().orElseThrow().toRequest().orElseThrow()).toCompletableFuture().join())
                .isInstanceOf(AuthVerdict.Accept.class);
    }

    @Test
    @DisplayName("LNS renegotiating instead of adopting proxied CHAP challenges with an identifier after the LAC's")
    void lnsChallengeFollowsProxiedIdentifier() {
        PppSession client = client();
        SessionLink atLac = new SessionLink(lac(AuthMethod.CHAP_MD5, PppRandom.seeded(5)), client, VERIFIER);
        atLac.start();
        atLac.run(2 * SECOND);
        PppOutput.HandOff handOff = atLac.a.outputs(PppOutput.HandOff.class).getFirst();
        int lacId = handOff.auth().orElseThrow().identifier();
        PppSession lns = new PppSession(new PppSessionConfig(LcpPolicy.lnsDefaults(List.of(AuthMethod.CHAP_MD5)),
                CpConfig.rfcDefaults(), Optional.of(IpcpPolicy.server(Ipv4Address.of("10.0.0.1"),
                Ipv4AddressSource.fixed(Ipv4Address.of("10.0.0.42")), Optional.empty(), Optional.empty())), false,
                Duration.ofSeconds(10), 3, AuthTiming.defaults(), "lns", Optional.empty(), false), sameInts());
        SessionLink atLns = new SessionLink(lns, client, VERIFIER);
        atLns.a.apply(lns.lowerUpFromProxy(handOff.lcp(), handOff.auth(), true));
        atLns.run(30 * SECOND);
        assertThat(sent(atLns.a, PppProtocol.CHAP, ChapCodec.CHALLENGE)).first()
                .satisfies(c -> assertThat(c.identifier()).isEqualTo((lacId + 1) & 0xFF));
        assertThat(sent(atLns.a, PppProtocol.CHAP, ChapCodec.FAILURE)).isEmpty();
        assertThat(client.phase()).isEqualTo(PppPhase.NETWORK);
    }

    @Test
    @DisplayName("LNS: a verdict for the Response before an LCP renegotiation does not answer the new Challenge")
    void verdictFromBeforeRenegotiation() {
        SessionLink link = new SessionLink(lns(AuthMethod.CHAP_MD5), client(), request -> new CompletableFuture<>());
        List<byte[]> clientLcpRequests = new ArrayList<>();
        link.drop = (from, f) -> {
            if (from == link.b && f.protocol() == PppProtocol.LCP.number()
                    && packet(f.frame()).code() == CpCode.CONFIGURE_REQUEST.value()) {
                clientLcpRequests.add(f.frame().toArray());
            }
            return false;
        };
        link.start();
        link.run(SECOND / 2);
        assertThat(link.a.outputs(PppOutput.Verify.class)).hasSize(1);
        // LCP renegotiates while AAA still has the first Response; the client answers the new Challenge.
        link.a.apply(link.a.session.receive(clientLcpRequests.getFirst()));
        link.run(SECOND / 2);
        List<PppOutput.Verify> verifies = link.a.outputs(PppOutput.Verify.class);
        assertThat(verifies).hasSize(2);
        assertThat(link.a.session.phase()).isEqualTo(PppPhase.AUTHENTICATE);

        link.a.apply(link.a.session.verdict(verifies.get(0).attempt(), new AuthVerdict.Accept("stale")));
        assertThat(sent(link.a, PppProtocol.CHAP, ChapCodec.SUCCESS)).isEmpty();
        assertThat(link.a.outputs(PppOutput.Authenticated.class)).isEmpty();

        link.a.apply(link.a.session.verdict(verifies.get(1).attempt(), new AuthVerdict.Accept("Welcome")));
        link.run(5 * SECOND);
        assertThat(link.a.outputs(PppOutput.Authenticated.class)).hasSize(1);
        assertThat(link.b.session.phase()).isEqualTo(PppPhase.NETWORK);
    }
}
