package net.vpdn.ppp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.vpdn.ppp.auth.pap.PapAuthenticator;
import net.vpdn.ppp.auth.pap.PapCodec;
import net.vpdn.ppp.auth.pap.PapPeer;
import net.vpdn.ppp.wire.CpPacket;
import net.vpdn.ppp.wire.Decoded;
import net.vpdn.ppp.wire.Fuzz;
import net.vpdn.ppp.wire.Octets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("PAP sessions, authenticator against peer")
class PapSessionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final LocalVerifier BOB = new LocalVerifier(Map.of("bob", Secret.of("builder")));

    private PapAuthenticator authenticator;

    private AuthLink link(String password) {
        authenticator = new PapAuthenticator(Duration.ofSeconds(30));
        PapPeer peer = new PapPeer("bob", Secret.of(password), AuthTiming.defaults());
        AuthLink link = new AuthLink(new AuthLink.End(authenticator::receive, authenticator::timeout),
                new AuthLink.End(peer::receive, peer::timeout), BOB, authenticator::onVerdict);
        link.apply(link.authenticator, authenticator.start());
        link.apply(link.peer, peer.start());
        return link;
    }

    @Test
    @DisplayName("the right password is acked")
    void succeeds() {
        AuthLink link = link("builder");
        link.run(60 * SECOND);
        assertThat(link.authenticator.effects(AuthEffect.Succeeded.class)).containsExactly(new AuthEffect.Succeeded("bob"));
        assertThat(link.peer.effects(AuthEffect.Succeeded.class)).containsExactly(new AuthEffect.Succeeded("bob"));
    }

    @Test
    @DisplayName("a wrong password is nak'd")
    void fails() {
        AuthLink link = link("plumber");
        link.run(60 * SECOND);
        assertThat(link.authenticator.effects(AuthEffect.Failed.class)).singleElement()
                .extracting(AuthEffect.Failed::reason).isEqualTo(AuthFailure.REJECTED_BY_VERIFIER);
        assertThat(link.peer.effects(AuthEffect.Failed.class)).singleElement()
                .extracting(AuthEffect.Failed::reason).isEqualTo(AuthFailure.REJECTED_BY_AUTHENTICATOR);
    }

    @Test
    @DisplayName("a lost Ack makes the peer retransmit; the authenticator acks again without re-verifying")
    void lostAck() {
        AuthLink link = link("builder");
        int[] acks = {0};
        link.drop = p -> p.code() == PapCodec.ACK && acks[0]++ == 0;
        link.run(60 * SECOND);
        assertThat(link.peer.sent).hasSize(2);
        assertThat(link.verifications).isEqualTo(1);
        assertThat(link.peer.effects(AuthEffect.Succeeded.class)).hasSize(1);
    }

    @Test
    @DisplayName("no request within the wait fails with TIMEOUT")
    void timeout() {
        PapAuthenticator a = new PapAuthenticator(Duration.ofSeconds(30));
        long token = ((AuthEffect.ArmTimer) a.start().getFirst()).token();
        assertThat(a.timeout(token)).singleElement().extracting(e -> ((AuthEffect.Failed) e).reason())
                .isEqualTo(AuthFailure.TIMEOUT);
    }

    @Test
    @DisplayName("the password never appears in a request's toString")
    void redacted() {
        AuthRequest.Pap r = PapCodec.parseRequest(PapCodec.request(1, "bob", Secret.of("builder"))).orThrow();
        assertThat(r.toString()).doesNotContain("builder").contains("bob");
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 10).map(i -> 0x9A90000L + i).boxed();
    }

    @ParameterizedTest(name = "seed {0}: mutated Authenticate-Requests never throw")
    @MethodSource("seeds")
    void parserIsTotal(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] good = PapCodec.request(1, "bob", Secret.of("builder")).data().toArray();
        for (int i = 0; i < 2000; i++) {
            Decoded<AuthRequest.Pap> d = PapCodec.parseRequest(new CpPacket(1, 1, Octets.of(Fuzz.mutate(good, r))));
            assertThat(d).isNotNull();
        }
    }
}
