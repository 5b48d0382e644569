package net.vpdn.admin;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What a running LAC or LNS shows to the admin API. The process implements it over its engines;
 * the admin server never blocks on it: every query returns a stage that the process completes from
 * its own event loops, and the server writes the reply when the stage completes.
 *
 * <p>Implementations must never put a secret (tunnel secret, RADIUS secret, user password, admin
 * token) into a view or a reload report.
 */
public interface AdminModel {

    /** A snapshot of every tunnel, in any order (the ctl client sorts). */
    CompletionStage<List<TunnelView>> tunnels();

    /** A snapshot of every session, in any order (the ctl client sorts). */
    CompletionStage<List<SessionView>> sessions();

    /**
     * Tears the tunnel down (StopCCN) with all its sessions.
     *
     * @return true when the tunnel existed and its teardown started, false when no tunnel has that local id
     */
    CompletionStage<Boolean> clearTunnel(int localId);

    /**
     * Tears the session down (CDN).
     *
     * @return true when the session existed and its teardown started, false when no session has that local id
     */
    CompletionStage<Boolean> clearSession(int localId);

    /**
     * Tears down the session {@code ref} names (CDN). The default handles a bare session id through
     * {@link #clearSession(int)} and finds nothing for the other forms; a process whose session ids
     * repeat across tunnels overrides it.
     */
    default CompletionStage<ClearResult> clearSession(SessionRef ref) {
        if (ref instanceof SessionRef.BySessionId b) {
            return clearSession(b.sessionId()).thenApply(ok -> ok ? ClearResult.CLEARED : ClearResult.NOT_FOUND);
        }
        return java.util.concurrent.CompletableFuture.completedFuture(ClearResult.NOT_FOUND);
    }

    /** Re-reads the configuration and applies what can change while running. */
    CompletionStage<ReloadReport> reload();

    /** True once the listeners are bound and the configuration is loaded; answered on the calling thread, so it must be cheap. */
    boolean ready();

    /** {@code "lac"} or {@code "lns"}: the ctl client picks its session columns by it. */
    String role();
}
