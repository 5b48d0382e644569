package net.vpdn.l2tp.tunnel;

/**
 * Responder policy for incoming SCCRQs (e.g. the LNS's "terminate-from" check), consulted with the
 * peer's Host Name. Pure: it must not block.
 */
@FunctionalInterface
public interface TunnelAcceptor {

    AcceptDecision decide(String peerHostName);

    /** Accepts every peer with the default secret of {@link TunnelParams}. */
    static TunnelAcceptor acceptAll() {
        return host -> new AcceptDecision.Accept(null);
    }
}
