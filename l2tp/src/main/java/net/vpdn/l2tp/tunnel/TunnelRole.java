package net.vpdn.l2tp.tunnel;

/** Which side of the control connection establishment a {@link TunnelFsm} plays, RFC 2661 §5.1. */
public enum TunnelRole {
    /** Sends SCCRQ (usually the LAC). */
    INITIATOR,
    /** Answers an SCCRQ with SCCRP (usually the LNS). */
    RESPONDER
}
