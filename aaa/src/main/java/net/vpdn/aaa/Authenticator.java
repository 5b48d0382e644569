package net.vpdn.aaa;

import java.util.concurrent.CompletionStage;
import net.vpdn.ppp.auth.AuthRequest;

/** Authenticates and authorises a PPP user (LNS side, or LAC when it terminates PPP). Never blocks. */
@FunctionalInterface
public interface Authenticator {

    /** Checks {@code request}; the stage completes on an I/O thread, never exceptionally. */
    CompletionStage<AuthResult> authenticate(AuthRequest request, SessionContext context);
}
