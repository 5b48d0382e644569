package net.vpdn.ppp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole session (LCP, authentication, IPCP) for every authentication protocol: over a lossy
 * link it still opens, and with a wrong password it fails on both ends and the link goes down.
 */
@DisplayName("PPP session, for every authentication protocol")
class AuthMatrixTest {
    private static final long SECOND = 1_000_000_000L;

    static PppSession lns(AuthMethod method) {
        return lns(method, Duration.ofSeconds(10));
    }

    static PppSession lns(AuthMethod method, Duration keepalive) {
        return new PppSession(new PppSessionConfig(LcpPolicy.lnsDefaults(List.of(method)), CpConfig.rfcDefaults(),
                Optional.of(IpcpPolicy.server(Ipv4Address.of("10.0.0.1"), Ipv4AddressSource.fixed(Ipv4Address.of("10.0.0.42")),
                        Optional.empty(), Optional.empty())),
                false, keepalive, 3, AuthTiming.defaults(), "lns", Optional.empty(), false), PppRandom.seeded(1));
    }

    static PppSession client(String password, long seed) {
        return client(password, seed, Duration.ofSeconds(10));
    }

    static PppSession client(String password, long seed, Duration keepalive) {
        return new PppSession(new PppSessionConfig(LcpPolicy.clientDefaults(), CpConfig.rfcDefaults(),
                Optional.of(IpcpPolicy.client()), false, keepalive, 3, AuthTiming.defaults(), "client",
                Optional.of(new PppSessionConfig.Credentials("alice", Secret.of(password))), false), PppRandom.seeded(seed));
    }

    static Stream<Arguments> lossy() {
        return Stream.of(AuthMethod.values()).flatMap(m -> Stream.of(11L, 22L, 33L, 44L, 55L).map(s -> Arguments.of(m, s)));
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("lossy")
    @DisplayName("30% frame loss both ways: retransmissions still bring LCP, authentication and IPCP up")
    void lossyLink(AuthMethod method, long seed) {
        // Echo keepalive is slowed down: under 30% loss three lost echoes in a row are likely and
        // would (rightly) end the link, which is not what this test is about.
        Duration slow = Duration.ofHours(1);
        SessionLink link = new SessionLink(lns(method, slow), client("wonderland", seed, slow),
                new LocalVerifier(Map.of("alice", Secret.of("wonderland"))));
        SplittableRandom loss = new SplittableRandom(seed);
        link.drop = (from, frame) -> loss.nextDouble() < 0.3;
        link.start();
        // Run until both ends are up; left running, 30% loss would rightly trip the echo keepalive.
        for (int s = 0; s < 300 && !(link.a.session.phase() == PppPhase.NETWORK
                && link.b.outputs(PppOutput.Ipv4Up.class).size() == 1); s++) {
            link.run(SECOND);
        }
        assertThat(link.a.session.phase()).as("LNS %s / client %s", link.a.outputs(PppOutput.LinkDown.class),
                link.b.outputs(PppOutput.LinkDown.class)).isEqualTo(PppPhase.NETWORK);
        assertThat(link.b.session.phase()).as("client").isEqualTo(PppPhase.NETWORK);
        // A lost Configure-Ack can make LCP renegotiate once it is Opened (RFC 1661 RCR in Opened),
        // and then the peer authenticates again: at least once, always as alice.
        assertThat(link.a.outputs(PppOutput.Authenticated.class)).isNotEmpty()
                .allMatch(a -> a.user().equals("alice"));
        assertThat(link.b.outputs(PppOutput.Ipv4Up.class)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = AuthMethod.class, names = {"CHAP_MD5", "MSCHAP_V2"})
    @DisplayName("a lost CHAP Success: the peer repeats its Response and the authenticator repeats Success")
    void lostSuccess(AuthMethod method) {
        SessionLink link = new SessionLink(lns(method), client("wonderland", 3),
                new LocalVerifier(Map.of("alice", Secret.of("wonderland"))));
        int[] chapFromLns = {0};
        // The LNS's first CHAP frame is the Challenge, the second the Success: lose that one.
        link.drop = (from, frame) -> from == link.a && frame.protocol() == 0xC223 && ++chapFromLns[0] == 2;
        link.start();
        link.run(20 * SECOND);
        assertThat(chapFromLns[0]).as("Success was sent again").isGreaterThanOrEqualTo(3);
        assertThat(link.b.session.phase()).isEqualTo(PppPhase.NETWORK);
        assertThat(link.a.outputs(PppOutput.Authenticated.class)).hasSize(1);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("keepalive interval 0 turns LCP echo off: an idle link stays up and no echo timer is ever armed")
    void keepaliveOff() {
        SessionLink link = new SessionLink(lns(AuthMethod.CHAP_MD5, Duration.ZERO), client("wonderland", 4, Duration.ZERO),
                new LocalVerifier(Map.of("alice", Secret.of("wonderland"))));
        link.start();
        link.run(3600 * SECOND);
        assertThat(link.a.session.phase()).isEqualTo(PppPhase.NETWORK);
        assertThat(link.a.outputs(PppOutput.ArmTimer.class)).noneMatch(t -> t.timer() == PppTimer.KEEPALIVE);
        assertThat(link.a.outputs(PppOutput.LinkDown.class)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a looped-back line (our frames come back to us) is detected by Magic-Number and the link fails")
    void loopedBack() {
        PppSession self = lns(AuthMethod.CHAP_MD5);
        java.util.ArrayDeque<byte[]> wire = new java.util.ArrayDeque<>();
        java.util.List<PppOutput> log = new java.util.ArrayList<>();
        java.util.Map<net.vpdn.ppp.session.PppTimer, long[]> timers = new java.util.EnumMap<>(net.vpdn.ppp.session.PppTimer.class);
        java.util.function.Consumer<List<PppOutput>> apply = outs -> outs.forEach(o -> {
            log.add(o);
            if (o instanceof PppOutput.SendFrame f) wire.add(f.frame().toArray());
            if (o instanceof PppOutput.ArmTimer t) timers.put(t.timer(), new long[] {t.after().toNanos(), t.token()});
            if (o instanceof PppOutput.CancelTimer c) timers.remove(c.timer());
        });
        apply.accept(self.lowerUp());
        for (int i = 0; i < 2000 && self.phase() != PppPhase.DEAD; i++) {
            if (!wire.isEmpty()) {
                apply.accept(self.receive(wire.poll()));
            } else if (!timers.isEmpty()) {
                var next = timers.entrySet().iterator().next();
                long token = timers.remove(next.getKey())[1];
                apply.accept(self.timer(next.getKey(), token));
            }
        }
        assertThat(self.stats().failures(NegotiationFailure.LOOPBACK)).as("phase %s, %s", self.phase(),
                log.stream().filter(o -> !(o instanceof PppOutput.SendFrame)).toList()).isEqualTo(1);
        assertThat(log).filteredOn(o -> o instanceof PppOutput.LinkDown).hasSize(1);
        assertThat(log).noneMatch(o -> o instanceof PppOutput.PhaseChanged p && p.phase() == PppPhase.AUTHENTICATE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(AuthMethod.class)
    @DisplayName("a wrong password: the authenticator says Failure, counts it, and both ends take the link down")
    void wrongPassword(AuthMethod method) {
        SessionLink link = new SessionLink(lns(method), client("looking-glass", 7),
                new LocalVerifier(Map.of("alice", Secret.of("wonderland"))));
        link.start();
        link.run(60 * SECOND);
        assertThat(link.a.session.stats().failures(NegotiationFailure.AUTH_FAILED)).isEqualTo(1);
        assertThat(link.a.outputs(PppOutput.Authenticated.class)).isEmpty();
        assertThat(link.a.outputs(PppOutput.LinkDown.class)).hasSize(1);
        assertThat(link.b.outputs(PppOutput.LinkDown.class)).hasSize(1);
        assertThat(link.b.outputs(PppOutput.Ipv4Up.class)).isEmpty();
        assertThat(link.a.session.phase()).isEqualTo(PppPhase.DEAD);
    }
}
