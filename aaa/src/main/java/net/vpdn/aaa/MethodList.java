package net.vpdn.aaa;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import net.vpdn.ppp.auth.AuthRequest;

/**
 * Methods tried in order, as a Cisco method list ("local group radius" or "group radius local").
 * The next method is asked only when one cannot decide: the local table does not know the
 * user/domain, or no RADIUS server answered. An Accept, a Reject (wrong local password, RADIUS
 * Access-Reject) or a RADIUS "no tunnel" is final: a rejected user never gets a second chance
 * with another method's password.
 */
public final class MethodList implements Authenticator, TunnelAuthorizer {
    private final List<Authenticator> authenticators;
    private final List<TunnelAuthorizer> tunnelAuthorizers;

    /** Methods for each kind of question, in the configured order. */
    public MethodList(List<Authenticator> authenticators, List<TunnelAuthorizer> tunnelAuthorizers) {
        this.authenticators = List.copyOf(authenticators);
        this.tunnelAuthorizers = List.copyOf(tunnelAuthorizers);
    }

    @Override
    public CompletionStage<AuthResult> authenticate(AuthRequest request, SessionContext context) {
        return firstDecision(authenticators, m -> m.authenticate(request, context), r -> r instanceof AuthResult.NoDecision,
                new AuthResult.NoDecision(AuthResult.Why.UNKNOWN, "no authentication method configured"), 0);
    }

    @Override
    public CompletionStage<TunnelLookup> tunnelsFor(String domainOrDnis) {
        return tunnelsFor(domainOrDnis, AccessLineInfo.NONE);
    }

    @Override
    public CompletionStage<TunnelLookup> tunnelsFor(String domainOrDnis, AccessLineInfo line) {
        return firstDecision(tunnelAuthorizers, m -> m.tunnelsFor(domainOrDnis, line), r -> r instanceof TunnelLookup.NoDecision,
                new TunnelLookup.NoDecision(AuthResult.Why.UNKNOWN, "no tunnel authorization method configured"), 0);
    }

    private static <M, R> CompletionStage<R> firstDecision(List<M> methods, Function<M, CompletionStage<R>> ask,
                                                          java.util.function.Predicate<R> undecided, R none, int index) {
        if (index >= methods.size()) {
            return CompletableFuture.completedFuture(none);
        }
        return ask.apply(methods.get(index)).thenCompose(r -> undecided.test(r) && index + 1 < methods.size()
                ? firstDecision(methods, ask, undecided, none, index + 1)
                : CompletableFuture.completedFuture(r));
    }
}
