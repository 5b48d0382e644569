package net.vpdn.l2tp.session;

import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.wire.ControlMessage;

/** Outputs of {@link SessionFsm}: data for the engine to carry out, in list order. */
public sealed interface SessionAction {

    /**
     * Hand {@code msg} to the tunnel's reliable transport. The header session id is the peer's
     * (0 before it is known); the header tunnel id is 0 and the engine must set the peer's
     * tunnel id, which a session does not know.
     */
    record Send(ControlMessage msg) implements SessionAction {
    }

    /** An ICRQ (LNS) or OCRQ (LAC) arrived: the owner must answer with Answer or Reject. */
    record IncomingCall(CallParams params) implements SessionAction {
    }

    /**
     * The call is up. {@code connectParams}: on the LNS the ICCN/OCCN AVPs (proxy LCP and
     * authentication included); on the LAC the ICRP's (incoming) or OCRQ's (outgoing) AVPs.
     * {@code sequencingRequired}: the ICCN/OCCN carried Sequencing Required (§4.4.4).
     */
    record Established(int peerSessionId, CallParams connectParams, boolean sequencingRequired)
            implements SessionAction {
    }

    /**
     * The session ended (CDN sent or received, tunnel gone). Codes are the CDN's Result and
     * Error Code (§4.4.2); errorCode is 0 when absent.
     */
    record Closed(int resultCode, int errorCode, String message, boolean byPeer) implements SessionAction {
    }

    /** LAC: the LNS sent Set-Link-Info (§6.14): apply these ACCMs to the PPP link. */
    record LinkInfo(long sendAccm, long receiveAccm) implements SessionAction {
    }

    /** LNS: the LAC sent WAN-Error-Notify (§6.13). */
    record WanError(Avp.CallErrors errors) implements SessionAction {
    }
}
