package net.vpdn.l2tp.engine;

/**
 * Why the engine dropped a packet that decoded cleanly (syntax errors are
 * {@link net.vpdn.l2tp.wire.DropReason}). Each value is a metric label.
 */
public enum EngineDrop {
    /** The header names a tunnel id we do not have. */
    UNKNOWN_TUNNEL,
    /** The header names a session id the tunnel does not have. */
    UNKNOWN_SESSION,
    /** A packet for tunnel 0 that is not an SCCRQ. */
    NOT_SCCRQ_FOR_TUNNEL_ZERO,
    /** Too many tunnels are still unauthenticated: an SCCRQ flood is not allowed to exhaust memory. */
    PENDING_TUNNEL_LIMIT,
    /** A control packet from an address other than the tunnel's peer. */
    WRONG_PEER_ADDRESS,
    /** AVPs that could not be typed (bad length, hidden without secret, ...). */
    INVALID_AVPS,
    /** An SCCRQ that lost the tie break against our own SCCRQ to the same peer. */
    TIE_BREAK_LOST_BY_PEER,
    /** A data packet for a session that is not established. */
    SESSION_NOT_ESTABLISHED;

    /** The Prometheus label value. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
