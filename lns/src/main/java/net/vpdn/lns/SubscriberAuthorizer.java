package net.vpdn.lns;

import java.util.concurrent.CompletionStage;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.AuthVerifier;

/**
 * Authenticates and authorizes a subscriber (the aaa module implements it with RADIUS or the local
 * user table). Asynchronous: the LNS session feeds the answer back on its event loop; nothing
 * blocks the loop. A stage that fails counts as a reject.
 */
@FunctionalInterface
public interface SubscriberAuthorizer {

    /** Starts checking {@code request} for the call {@code call}. */
    CompletionStage<Authorization> authorize(AuthRequest request, LnsCallInfo call);

    /** Authentication only, through a plain {@link AuthVerifier}: nothing beyond the verdict is authorized. */
    static SubscriberAuthorizer of(AuthVerifier verifier) {
        return (request, call) -> verifier.verify(request).thenApply(Authorization::of);
    }
}
