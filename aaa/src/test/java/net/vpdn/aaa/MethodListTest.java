package net.vpdn.aaa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import net.vpdn.aaa.local.LocalBackend;
import net.vpdn.aaa.local.LocalSettings;
import net.vpdn.aaa.local.LocalUser;
import net.vpdn.aaa.tunnel.TunnelSet;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.AuthVerdict;
import net.vpdn.ppp.auth.Secret;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Method lists: local then RADIUS, fall through only when undecided")
class MethodListTest {
    final LocalBackend local = new LocalBackend(new LocalSettings(
            Map.of("alice", LocalUser.withPassword(Secret.of("pw"))),
            Map.of("example.com", List.of(TunnelSet.l2tp(1, 5, "192.0.2.5", null), TunnelSet.l2tp(2, 1, "192.0.2.1", null)))));
    final AtomicInteger radiusAsked = new AtomicInteger();
    final Authenticator radius = (r, c) -> {
        radiusAsked.incrementAndGet();
        return CompletableFuture.completedFuture(new AuthResult.Accept(Authorization.none("radius")));
    };
    final Authenticator radiusDown = (r, c) -> CompletableFuture.completedFuture(new AuthResult.NoDecision(AuthResult.Why.NO_ANSWER, "down"));
    static final SessionContext CTX = SessionContext.of("s");

    static AuthResult run(Authenticator a, AuthRequest r) {
        return a.authenticate(r, CTX).toCompletableFuture().join();
    }

    @Test
    @DisplayName("a local user with the right password is accepted without asking RADIUS")
    void localAccept() {
        MethodList m = new MethodList(List.of(local, radius), List.of());
        assertThat(run(m, new AuthRequest.Pap("alice", Secret.of("pw")))).isInstanceOf(AuthResult.Accept.class);
        assertThat(radiusAsked).hasValue(0);
    }

    @Test
    @DisplayName("a wrong local password is final: RADIUS is not asked")
    void localRejectFinal() {
        MethodList m = new MethodList(List.of(local, radius), List.of());
        assertThat(run(m, new AuthRequest.Pap("alice", Secret.of("bad")))).isInstanceOf(AuthResult.Reject.class);
        assertThat(radiusAsked).hasValue(0);
    }

    @Test
    @DisplayName("an unknown local user falls through to RADIUS")
    void unknownFallsThrough() {
        MethodList m = new MethodList(List.of(local, radius), List.of());
        assertThat(run(m, new AuthRequest.Pap("bob", Secret.of("x")))).isInstanceOf(AuthResult.Accept.class);
        assertThat(radiusAsked).hasValue(1);
    }

    @Test
    @DisplayName("RADIUS first: no answer falls back to local")
    void radiusDownThenLocal() {
        MethodList m = new MethodList(List.of(radiusDown, local), List.of());
        assertThat(run(m, new AuthRequest.Pap("alice", Secret.of("pw")))).isInstanceOf(AuthResult.Accept.class);
        assertThat(run(m, new AuthRequest.Pap("carol", Secret.of("pw")))).isInstanceOf(AuthResult.NoDecision.class);
    }

    @Test
    @DisplayName("local tunnel sets come back in preference order; an unknown domain is undecided")
    void tunnels() {
        MethodList m = new MethodList(List.of(), List.of(local));
        TunnelLookup found = m.tunnelsFor("example.com").toCompletableFuture().join();
        assertThat(found).isInstanceOfSatisfying(TunnelLookup.Found.class,
                f -> assertThat(f.sets()).extracting(TunnelSet::tag).containsExactly(2, 1));
        assertThat(m.tunnelsFor("other").toCompletableFuture().join()).isInstanceOf(TunnelLookup.NoDecision.class);
    }

    @Test
    @DisplayName("the PPP verifier adapter hands over the authorization and maps undecided to Reject")
    void verifier() {
        java.util.List<Authorization> got = new java.util.ArrayList<>();
        AaaVerifier v = new AaaVerifier(new MethodList(List.of(local), List.of()), CTX, got::add);
        assertThat(v.verify(new AuthRequest.Pap("alice", Secret.of("pw"))).toCompletableFuture().join()).isInstanceOf(AuthVerdict.Accept.class);
        assertThat(got).hasSize(1);
        assertThat(v.verify(new AuthRequest.Pap("nobody", Secret.of("pw"))).toCompletableFuture().join()).isInstanceOf(AuthVerdict.Reject.class);
    }
}
