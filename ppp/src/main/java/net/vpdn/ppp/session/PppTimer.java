package net.vpdn.ppp.session;

/** The timers a {@link PppSession} asks its shell to run; each kind has at most one pending expiry. */
public enum PppTimer {
    /** LCP Restart timer. */
    LCP_RESTART,
    /** IPCP Restart timer. */
    IPCP_RESTART,
    /** IPv6CP Restart timer. */
    IPV6CP_RESTART,
    /** Authenticator's wait or retransmission timer. */
    AUTHENTICATOR,
    /** Authenticated peer's retransmission timer (PAP request, CHAP response). */
    AUTH_PEER,
    /** LCP echo keepalive tick. */
    KEEPALIVE
}
