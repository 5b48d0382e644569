package net.vpdn.ppp.auth;

import java.util.concurrent.CompletionStage;

/**
 * Checks a peer's credentials; the AAA module implements it with RADIUS. Asynchronous: the
 * authenticator emits {@link AuthEffect.Verify}, the shell calls this, and when the stage
 * completes it feeds the verdict back on the session's event loop with
 * {@code onVerdict(attempt, verdict)}. Nothing blocks the event loop.
 */
@FunctionalInterface
public interface AuthVerifier {

    /** Starts checking {@code request}. */
    CompletionStage<AuthVerdict> verify(AuthRequest request);
}
