package net.vpdn.lac.access;

/** Why a line was dropped, by either side. */
public enum HangupCause {
    /** The subscriber hung up (carrier lost, PADT). */
    SUBSCRIBER,
    /** The LAC refused the call (no VPDN match, no tunnel). */
    REFUSED,
    /** The LNS cleared the call (CDN). */
    LNS_CLEARED,
    /** The tunnel carrying the call went down. */
    TUNNEL_DOWN,
    /** PPP with the subscriber failed before the hand-off (LCP or authentication). */
    PPP_FAILED,
    /** Administrative clear or shutdown. */
    ADMINISTRATIVE
}
