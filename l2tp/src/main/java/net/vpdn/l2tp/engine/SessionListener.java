package net.vpdn.l2tp.engine;

import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.session.CallParams;

/** Session life-cycle notifications, on the engine's thread. */
public interface SessionListener {

    /**
     * The call is connected: on the LNS after ICCN (with its AVPs, proxy LCP and authentication
     * among them), on the LAC after ICRP (with the ICRP's AVPs).
     */
    default void sessionUp(Session session, CallParams connectParams) {
    }

    /** The call is cleared: CDN either way, or its tunnel went down. */
    default void sessionDown(Session session, Avp.ResultCode cause, boolean byPeer) {
    }

    SessionListener NONE = new SessionListener() { };
}
