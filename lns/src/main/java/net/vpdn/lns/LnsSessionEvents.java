package net.vpdn.lns;

import java.util.Optional;
import net.vpdn.vtemplate.TerminateCause;
import net.vpdn.vtemplate.VirtualAccess;

/**
 * Where accounting and metrics hear about sessions (the aaa module maps it to RADIUS
 * Accounting-Request Start/Stop). Called on the session's event loop; must not block.
 */
public interface LnsSessionEvents {

    /** The session is in service: IPCP opened with the peer's address. */
    void started(LnsSessionInfo session);

    /** The session ended for {@code cause}; called once, only for sessions that {@link #started}. */
    void stopped(LnsSessionInfo session, TerminateCause cause, VirtualAccess.Counters counters);

    /**
     * Periodic accounting: the session is still in service with these counters (so far). Called
     * every interim interval after {@link #started}, never after {@link #stopped}.
     */
    default void interim(LnsSessionInfo session, VirtualAccess.Counters counters) {
    }

    /**
     * AAA accepted {@code user} on {@code call}: whether the user may hold one more session. Empty
     * admits it (and the session holds its place until it ends); a reason refuses it, and the
     * subscriber's authentication fails with that reason.
     */
    default Optional<String> admit(LnsCallInfo call, String user, Authorization granted) {
        return Optional.empty();
    }

    /** Ignores everything. */
    LnsSessionEvents NONE = new LnsSessionEvents() {
        @Override
        public void started(LnsSessionInfo session) {
        }

        @Override
        public void stopped(LnsSessionInfo session, TerminateCause cause, VirtualAccess.Counters counters) {
        }
    };
}
