package net.vpdn.aaa.local;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import net.vpdn.aaa.AuthResult;
import net.vpdn.aaa.Authenticator;
import net.vpdn.aaa.Authorization;
import net.vpdn.aaa.SessionContext;
import net.vpdn.aaa.TunnelAuthorizer;
import net.vpdn.aaa.TunnelLookup;
import net.vpdn.aaa.tunnel.TunnelSet;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.Secret;
import net.vpdn.ppp.auth.chap.ChapMd5;
import net.vpdn.ppp.auth.mschapv2.MsChapV2;

/**
 * AAA from the local table. An unknown user or domain is {@link AuthResult.NoDecision} (the next
 * method is asked); a wrong password is a final {@link AuthResult.Reject}. Completes immediately.
 */
public final class LocalBackend implements Authenticator, TunnelAuthorizer {
    private final LocalSettings settings;

    public LocalBackend(LocalSettings settings) {
        this.settings = settings;
    }

    @Override
    public CompletionStage<AuthResult> authenticate(AuthRequest request, SessionContext context) {
        LocalUser user = settings.users().get(request.user());
        if (user == null) {
            return CompletableFuture.completedFuture(new AuthResult.NoDecision(AuthResult.Why.UNKNOWN, "no local user"));
        }
        Optional<String> message = check(request, user.password());
        AuthResult result = message
                .<AuthResult>map(m -> new AuthResult.Accept(new Authorization(user.staticAddress(), user.poolName(),
                        Optional.empty(), Optional.empty(), Optional.empty(), user.sessionLimit(), Optional.empty(), m)))
                .orElseGet(() -> new AuthResult.Reject("wrong password"));
        return CompletableFuture.completedFuture(result);
    }

    /** The success message when {@code request} proves {@code secret}. */
    private static Optional<String> check(AuthRequest request, Secret secret) {
        return switch (request) {
            case AuthRequest.Pap p -> p.password().equals(secret) ? Optional.of("Login ok") : Optional.empty();
            case AuthRequest.ChapMd5 c -> ChapMd5.verify(c.identifier(), secret, c.challenge(), c.response())
                    ? Optional.of("Welcome") : Optional.empty();
            case AuthRequest.MsChapV2 m -> MsChapV2.verify(m.authenticatorChallenge(), m.peerChallenge(), m.user(), secret, m.ntResponse())
                    ? Optional.of(MsChapV2.authenticatorResponse(secret, m.ntResponse(), m.peerChallenge(),
                            m.authenticatorChallenge(), m.user()) + " M=Welcome")
                    : Optional.empty();
        };
    }

    @Override
    public CompletionStage<TunnelLookup> tunnelsFor(String domainOrDnis) {
        List<TunnelSet> sets = settings.tunnels().get(domainOrDnis);
        if (sets == null) {
            return CompletableFuture.completedFuture(new TunnelLookup.NoDecision(AuthResult.Why.UNKNOWN, "no local tunnel for domain"));
        }
        List<TunnelSet> ordered = sets.stream()
                .sorted(Comparator.comparingInt((TunnelSet s) -> s.preference().orElse(Integer.MAX_VALUE)))
                .toList();
        return CompletableFuture.completedFuture(new TunnelLookup.Found(ordered));
    }
}
