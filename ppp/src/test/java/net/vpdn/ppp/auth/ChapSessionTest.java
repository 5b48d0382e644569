package net.vpdn.ppp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.vpdn.ppp.PppRandom;
import net.vpdn.ppp.auth.chap.ChapAuthenticator;
import net.vpdn.ppp.auth.chap.ChapCodec;
import net.vpdn.ppp.auth.chap.ChapMd5;
import net.vpdn.ppp.auth.chap.ChapPeer;
import net.vpdn.ppp.lcp.AuthMethod;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("CHAP sessions, authenticator against peer")
class ChapSessionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final LocalVerifier ALICE = new LocalVerifier(Map.of("alice", Secret.of("wonderland")));

    private ChapAuthenticator authenticator;
    private ChapPeer peer;

    private AuthLink link(AuthMethod method, String password, AuthVerifier verifier) {
        authenticator = new ChapAuthenticator(method, "lns", PppRandom.seeded(1), AuthTiming.defaults());
        peer = new ChapPeer(method, "alice", Secret.of(password), PppRandom.seeded(2), AuthTiming.defaults());
        AuthLink link = new AuthLink(new AuthLink.End(authenticator::receive, authenticator::timeout),
                new AuthLink.End(peer::receive, t -> List.of()), verifier, authenticator::onVerdict);
        link.apply(link.authenticator, authenticator.start());
        return link;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = AuthMethod.class, names = {"CHAP_MD5", "MSCHAP_V2"})
    @DisplayName("the right password succeeds on both ends")
    void succeeds(AuthMethod method) {
        AuthLink link = link(method, "wonderland", ALICE);
        link.run(60 * SECOND);
        assertThat(link.authenticator.effects(AuthEffect.Succeeded.class)).containsExactly(new AuthEffect.Succeeded("alice"));
        assertThat(link.peer.effects(AuthEffect.Succeeded.class)).containsExactly(new AuthEffect.Succeeded("alice"));
        assertThat(link.authenticator.timerDue).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = AuthMethod.class, names = {"CHAP_MD5", "MSCHAP_V2"})
    @DisplayName("a wrong password fails on both ends")
    void wrongPassword(AuthMethod method) {
        AuthLink link = link(method, "looking-glass", ALICE);
        link.run(60 * SECOND);
        assertThat(link.authenticator.effects(AuthEffect.Failed.class)).singleElement()
                .extracting(AuthEffect.Failed::reason).isEqualTo(AuthFailure.REJECTED_BY_VERIFIER);
        assertThat(link.peer.effects(AuthEffect.Failed.class)).singleElement()
                .extracting(AuthEffect.Failed::reason).isEqualTo(AuthFailure.REJECTED_BY_AUTHENTICATOR);
    }

    @Test
    @DisplayName("MS-CHAPv2 failure text follows RFC 2759 §6: E=691 R=0 C=<challenge> V=3")
    void msChapFailureText() {
        AuthLink link = link(AuthMethod.MSCHAP_V2, "looking-glass", ALICE);
        link.run(60 * SECOND);
        CpPacket failure = link.authenticator.sent.getLast();
        assertThat(failure.code()).isEqualTo(ChapCodec.FAILURE);
        assertThat(ChapCodec.messageOf(failure)).matches("E=691 R=0 C=[0-9A-F]{32} V=3 M=.*");
    }

    @Test
    @DisplayName("MS-CHAPv2: a server that cannot prove it knows the password is refused by the peer")
    void mutualAuthentication() {
        AuthVerifier impostor = r -> CompletableFuture.completedFuture(
                new AuthVerdict.Accept("S=0000000000000000000000000000000000000000 M=hi"));
        AuthLink link = link(AuthMethod.MSCHAP_V2, "wonderland", impostor);
        link.run(60 * SECOND);
        assertThat(link.peer.effects(AuthEffect.Failed.class)).singleElement()
                .extracting(AuthEffect.Failed::reason).isEqualTo(AuthFailure.AUTHENTICATOR_RESPONSE_MISMATCH);
        assertThat(link.peer.effects(AuthEffect.Succeeded.class)).isEmpty();
    }

    @Nested
    @DisplayName("timing")
    class Timing {
        @Test
        @DisplayName("a lost Challenge is retransmitted with the same identifier and challenge")
        void lostChallenge() {
            AuthLink link = link(AuthMethod.CHAP_MD5, "wonderland", ALICE);
            link.events.clear(); // the first Challenge, already in flight, is lost
            link.run(60 * SECOND);
            assertThat(link.authenticator.sent.get(0)).isEqualTo(link.authenticator.sent.get(1));
            assertThat(link.nowNanos).isEqualTo(3 * SECOND);
            assertThat(link.peer.effects(AuthEffect.Succeeded.class)).hasSize(1);
        }

        @Test
        @DisplayName("a silent peer gets 10 Challenges, then TIMEOUT")
        void silentPeer() {
            AuthLink link = link(AuthMethod.CHAP_MD5, "wonderland", ALICE);
            link.drop = p -> true;
            link.events.clear();
            link.run(600 * SECOND);
            assertThat(link.authenticator.sent).hasSize(10);
            assertThat(link.authenticator.effects(AuthEffect.Failed.class)).singleElement()
                    .extracting(AuthEffect.Failed::reason).isEqualTo(AuthFailure.TIMEOUT);
        }

        @Test
        @DisplayName("nothing is answered until the asynchronous verdict arrives, and a stale verdict is ignored")
        void asyncVerdict() {
            CompletableFuture<AuthVerdict> pending = new CompletableFuture<>();
            AuthLink link = link(AuthMethod.CHAP_MD5, "wonderland", r -> pending);
            link.run(60 * SECOND);
            assertThat(link.authenticator.sent).hasSize(1);
            assertThat(authenticator.onVerdict(99, new AuthVerdict.Accept("no"))).isEmpty();
            pending.complete(new AuthVerdict.Accept("Welcome"));
            link.run(SECOND);
            assertThat(link.authenticator.sent.getLast().code()).isEqualTo(ChapCodec.SUCCESS);
            assertThat(link.peer.effects(AuthEffect.Succeeded.class)).hasSize(1);
        }
    }

    @Test
    @DisplayName("periodic re-challenge: a new identifier, success without a second Succeeded")
    void rechallenge() {
        AuthLink link = link(AuthMethod.CHAP_MD5, "wonderland", ALICE);
        link.run(60 * SECOND);
        int firstId = link.authenticator.sent.getFirst().identifier();
        link.apply(link.authenticator, authenticator.rechallenge());
        link.run(60 * SECOND);
        CpPacket second = link.authenticator.sent.stream().filter(p -> p.code() == ChapCodec.CHALLENGE).toList().get(1);
        assertThat(second.identifier()).isEqualTo((firstId + 1) & 0xFF);
        assertThat(link.authenticator.sent.getLast().code()).isEqualTo(ChapCodec.SUCCESS);
        assertThat(link.authenticator.effects(AuthEffect.Succeeded.class)).hasSize(1);
        assertThat(link.verifications).isEqualTo(2);
    }

    @Test
    @DisplayName("a response repeated after Success (our Success lost) is answered again without re-verifying")
    void repeatedResponse() {
        AuthLink link = link(AuthMethod.CHAP_MD5, "wonderland", ALICE);
        link.run(60 * SECOND);
        CpPacket response = link.peer.sent.getFirst();
        List<AuthEffect> again = authenticator.receive(response);
        assertThat(again).singleElement().isInstanceOfSatisfying(AuthEffect.Send.class,
                s -> assertThat(s.packet().code()).isEqualTo(ChapCodec.SUCCESS));
        assertThat(link.verifications).isEqualTo(1);
    }

    @Test
    @DisplayName("a response repeated while it is being verified is dropped: one verification, one Success, no Failure")
    void repeatedWhileVerifying() {
        CompletableFuture<AuthVerdict> pending = new CompletableFuture<>();
        AuthLink link = link(AuthMethod.CHAP_MD5, "wonderland", r -> pending);
        link.run(SECOND);
        CpPacket response = link.peer.sent.getFirst();
        assertThat(authenticator.receive(response)).isEmpty();
        assertThat(authenticator.receive(response)).isEmpty();
        pending.complete(new AuthVerdict.Accept("Welcome"));
        link.run(SECOND);
        assertThat(link.verifications).isEqualTo(1);
        assertThat(link.authenticator.sent).extracting(CpPacket::code).containsExactly(ChapCodec.CHALLENGE, ChapCodec.SUCCESS);
        assertThat(link.peer.effects(AuthEffect.Succeeded.class)).hasSize(1);
    }

    @Test
    @DisplayName("LNS proxy: a CHAP response the LAC collected is verified without a new challenge")
    void proxied() {
        Octets lacChallenge = Octets.fromHex("0102030405060708090a0b0c0d0e0f10");
        Octets response = ChapMd5.response(17, Secret.of("wonderland"), lacChallenge);
        ChapAuthenticator lns = new ChapAuthenticator(AuthMethod.CHAP_MD5, "lns", PppRandom.seeded(3), AuthTiming.defaults());
        List<AuthEffect> effects = lns.verifyProxied(new AuthRequest.ChapMd5("alice", 17, lacChallenge, response));
        AuthEffect.Verify verify = (AuthEffect.Verify) effects.get(1);
        AuthVerdict verdict = ALICE.verify(verify.request()).toCompletableFuture().join();
        List<AuthEffect> done = lns.onVerdict(verify.attempt(), verdict);
        assertThat(done).contains(new AuthEffect.Succeeded("alice"));
        assertThat(((AuthEffect.Send) done.getFirst()).packet().identifier()).isEqualTo(17);
    }

    @Test
    @DisplayName("a Response with a malformed Value-Size is ignored")
    void malformedResponse() {
        AuthLink link = link(AuthMethod.CHAP_MD5, "wonderland", ALICE);
        int id = link.authenticator.sent.getFirst().identifier();
        // Value-Size 0x20 but only two octets follow
        assertThat(authenticator.receive(new CpPacket(ChapCodec.RESPONSE, id, Octets.fromHex("20aabb")))).isEmpty();
        link.events.clear();
        link.run(4 * SECOND);
        // still waiting: the Challenge is retransmitted and the well-formed answer then succeeds
        assertThat(link.authenticator.sent).extracting(CpPacket::code)
                .containsExactly(ChapCodec.CHALLENGE, ChapCodec.CHALLENGE, ChapCodec.SUCCESS);
    }

    @Test
    @DisplayName("the peer answers a new Challenge value under its last identifier afresh, not with its old Response")
    void newChallengeSameIdentifier() {
        ChapPeer p = new ChapPeer(AuthMethod.CHAP_MD5, "alice", Secret.of("wonderland"), PppRandom.seeded(2), AuthTiming.defaults());
        Octets first = Octets.fromHex("00112233445566778899aabbccddeeff");
        Octets second = Octets.fromHex("ffeeddccbbaa99887766554433221100");
        p.receive(ChapCodec.value(ChapCodec.CHALLENGE, 7, first, "lac"));
        List<AuthEffect> again = p.receive(ChapCodec.value(ChapCodec.CHALLENGE, 7, first, "lac"));
        List<AuthEffect> fresh = p.receive(ChapCodec.value(ChapCodec.CHALLENGE, 7, second, "lac"));
        assertThat(responseValue(again)).isEqualTo(ChapMd5.response(7, Secret.of("wonderland"), first));
        assertThat(responseValue(fresh)).isEqualTo(ChapMd5.response(7, Secret.of("wonderland"), second));
    }

    private static Octets responseValue(List<AuthEffect> effects) {
        CpPacket response = effects.stream().filter(AuthEffect.Send.class::isInstance).map(AuthEffect.Send.class::cast)
                .findFirst().orElseThrow().packet();
        return ChapCodec.parseValue(response).orThrow().value();
    }
}
