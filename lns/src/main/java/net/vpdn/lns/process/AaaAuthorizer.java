package net.vpdn.lns.process;

import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import net.vpdn.aaa.AuthResult;
import net.vpdn.aaa.Authenticator;
import net.vpdn.aaa.SessionContext;
import net.vpdn.lns.Authorization;
import net.vpdn.lns.LnsCallInfo;
import net.vpdn.lns.SubscriberAuthorizer;
import net.vpdn.ppp.auth.AuthRequest;
import net.vpdn.ppp.auth.AuthVerdict;

/**
 * The session core's {@link SubscriberAuthorizer} over the aaa method list of the running policy
 * (looked up per request, so a reload of users or servers applies to the next authentication).
 * A reject or "nobody could decide" both reject, with the same short text for the peer.
 */
final class AaaAuthorizer implements SubscriberAuthorizer {
    static final String REJECT_TEXT = "Authentication failed";

    private final Supplier<Authenticator> authenticator;
    private final Function<LnsCallInfo, String> acctSessionIds;

    AaaAuthorizer(Supplier<Authenticator> authenticator, Function<LnsCallInfo, String> acctSessionIds) {
        this.authenticator = authenticator;
        this.acctSessionIds = acctSessionIds;
    }

    @Override
    public CompletionStage<Authorization> authorize(AuthRequest request, LnsCallInfo call) {
        SessionContext context = new SessionContext(acctSessionIds.apply(call), OptionalLong.of(call.sessionId()),
                call.callingNumber(), call.calledNumber());
        return authenticator.get().authenticate(request, context).thenApply(AaaAuthorizer::map);
    }

    static Authorization map(AuthResult result) {
        return switch (result) {
            case AuthResult.Accept a -> {
                net.vpdn.aaa.Authorization z = a.authorization();
                yield new Authorization(new AuthVerdict.Accept(z.message()),
                        z.framedAddress().map(ConfigMapping::ipv4), z.poolName(), z.sessionTimeout(), z.idleTimeout(),
                        z.interimInterval(), z.sessionLimit());
            }
            case AuthResult.Reject r -> Authorization.of(new AuthVerdict.Reject(REJECT_TEXT));
            case AuthResult.NoDecision n -> Authorization.of(new AuthVerdict.Reject(REJECT_TEXT));
        };
    }
}
