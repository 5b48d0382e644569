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

    /** Set-Link-Info arrived (on the LAC): the ACCM the LNS negotiated with the client. */
    default void linkInfo(Session session, long sendAccm, long receiveAccm) {
    }

    /** WAN-Error-Notify arrived (on the LNS): the LAC's line error counters. */
    default void wanError(Session session, Avp.CallErrors errors) {
    }

    SessionListener NONE = new SessionListener() { };
}
