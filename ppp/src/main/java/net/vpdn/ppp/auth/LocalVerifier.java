package net.vpdn.ppp.auth;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import net.vpdn.ppp.auth.chap.ChapMd5;
import net.vpdn.ppp.auth.mschapv2.MsChapV2;

/**
 * An {@link AuthVerifier} over a fixed table of users and cleartext secrets, for tests, labs
 * and a RADIUS-less fallback. Completes immediately.
 */
public final class LocalVerifier implements AuthVerifier {
    private final Map<String, Secret> users;

    public LocalVerifier(Map<String, Secret> users) {
        this.users = Map.copyOf(users);
    }

    @Override
    public CompletionStage<AuthVerdict> verify(AuthRequest request) {
        Secret secret = users.get(request.user());
        if (secret == null) {
            return CompletableFuture.completedFuture(new AuthVerdict.Reject("Authentication failed"));
        }
        AuthVerdict verdict = switch (request) {
            case AuthRequest.Pap p -> p.password().equals(secret) ? accept("Login ok") : reject();
            case AuthRequest.ChapMd5 c -> ChapMd5.verify(c.identifier(), secret, c.challenge(), c.response())
                    ? accept("Welcome") : reject();
            case AuthRequest.MsChapV2 m -> MsChapV2.verify(m.authenticatorChallenge(), m.peerChallenge(), m.user(), secret,
                    m.ntResponse())
                    ? accept(MsChapV2.authenticatorResponse(secret, m.ntResponse(), m.peerChallenge(),
                            m.authenticatorChallenge(), m.user()) + " M=Welcome")
                    : reject();
        };
        return CompletableFuture.completedFuture(verdict);
    }

    private static AuthVerdict accept(String message) {
        return new AuthVerdict.Accept(message);
    }

    private static AuthVerdict reject() {
        return new AuthVerdict.Reject("Authentication failed");
    }
}
