package net.vpdn.l2tp.engine;

import net.vpdn.l2tp.session.CallParams;

/**
 * Decides on a call the peer places (ICRQ on an LNS, OCRQ on a LAC). Admission control lives
 * here: the decision may come later, by calling {@link Session#answer} or {@link Session#reject}
 * on the engine's thread.
 */
@FunctionalInterface
public interface CallAcceptor {

    void incomingCall(Session session, CallParams request);

    /** Refuses every call (a pure LAC that only places calls). */
    CallAcceptor REFUSE = (s, p) -> s.reject(net.vpdn.l2tp.avp.CdnResult.PERMANENT_LACK_OF_RESOURCES,
            net.vpdn.l2tp.avp.ErrorCode.NO_GENERAL_ERROR, "this endpoint does not accept calls");
}
