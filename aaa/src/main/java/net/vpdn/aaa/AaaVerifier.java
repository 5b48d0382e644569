package net.vpdn.aaa;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.AuthVerdict;
import net.vpdn.ppp.auth.AuthVerifier;

/**
 * The PPP authenticator's {@link AuthVerifier} for one session, over an {@link Authenticator}.
 * The authorization of an accepted user goes to {@code onAccept} before the verdict completes,
 * so the session has its address and limits when PPP moves on to the network phase.
 */
public final class AaaVerifier implements AuthVerifier {
    /** Peers show Reject texts to users: nothing about why beyond this. */
    static final String REJECT_TEXT = "Authentication failed";

    private final Authenticator authenticator;
    private final SessionContext context;
    private final Consumer<Authorization> onAccept;

    public AaaVerifier(Authenticator authenticator, SessionContext context, Consumer<Authorization> onAccept) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.context = Objects.requireNonNull(context, "context");
        this.onAccept = Objects.requireNonNull(onAccept, "onAccept");
    }

    @Override
    public CompletionStage<AuthVerdict> verify(AuthRequest request) {
        return authenticator.authenticate(request, context).thenApply(result -> switch (result) {
            case AuthResult.Accept a -> {
                onAccept.accept(a.authorization());
                yield new AuthVerdict.Accept(a.authorization().message());
            }
            case AuthResult.Reject r -> new AuthVerdict.Reject(REJECT_TEXT);
            case AuthResult.NoDecision n -> new AuthVerdict.Reject(REJECT_TEXT);
        });
    }
}
