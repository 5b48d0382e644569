package net.vpdn.lns;

import net.vpdn.l2tp.avp.Avp;
import net.vpdn.l2tp.avp.CdnResult;
import net.vpdn.l2tp.avp.StopCcnResult;
import net.vpdn.l2tp.engine.Session;
import net.vpdn.vtemplate.TerminateCause;

/**
 * The Acct-Terminate-Cause (RFC 2866) of a call the LAC ended or lost, for {@link LnsSession#lowerDown}:
 * CDN 3 "administrative" is Admin-Reset; a StopCCN 6 "requester is being shut down" is Admin-Reboot
 * (the LAC's operator stops it); anything else, our own teardowns included, is Lost-Carrier (the
 * subscriber's line went away, a CDN 1, a dead tunnel).
 */
public final class PeerTeardown {
    private PeerTeardown() {
    }

    /** The cause for {@code session}, ended with {@code cause} as the engine reported it. */
    public static TerminateCause cause(Session session, Avp.ResultCode cause, boolean byPeer) {
        return cause(cause, byPeer, session.endedWithTunnel());
    }

    static TerminateCause cause(Avp.ResultCode cause, boolean byPeer, boolean withTunnel) {
        if (!byPeer) return TerminateCause.LOST_CARRIER;
        if (withTunnel) {
            return cause.resultCode() == StopCcnResult.SHUTTING_DOWN.code() ? TerminateCause.ADMIN_REBOOT
                    : TerminateCause.LOST_CARRIER;
        }
        return cause.resultCode() == CdnResult.ADMINISTRATIVE.code() ? TerminateCause.ADMIN_RESET : TerminateCause.LOST_CARRIER;
    }
}
