package net.vpdn.lns;

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
