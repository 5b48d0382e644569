package net.vpdn.ppp.stats;

/** Why a negotiation on one endpoint failed; the label of {@code ppp_negotiation_failures_total{reason}}. */
public enum NegotiationFailure {
    /** LCP Max-Configure ran out (TO- in Req-Sent, Ack-Rcvd or Ack-Sent). */
    LCP_TIMEOUT,
    /** An NCP (IPCP, IPv6CP) Max-Configure ran out. */
    NCP_TIMEOUT,
    /** The peer refused every authentication method we require. */
    AUTH_METHOD_REFUSED,
    /** The magic-number check found the link looped back. */
    LOOPBACK,
    /** Authentication failed (credentials rejected, or no answer). */
    AUTH_FAILED,
    /** The peer's LCP echo went unanswered N times. */
    DEAD_PEER,
    /** A catastrophic Code-Reject or Protocol-Reject (RXJ-). */
    CATASTROPHIC_REJECT
}
