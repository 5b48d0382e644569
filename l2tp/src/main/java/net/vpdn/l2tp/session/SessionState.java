package net.vpdn.l2tp.session;

/** Call states of RFC 2661 §7.4/§7.5, plus the owner's admission decision and a terminal state. */
public enum SessionState {
    /** Nothing happened yet. */
    IDLE,
    /** Opened locally; waiting for the tunnel to be established. */
    WAIT_TUNNEL,
    /** ICRQ/OCRQ sent; waiting for ICRP/OCRP. */
    WAIT_REPLY,
    /** ICRQ/OCRQ received and reported as IncomingCall; waiting for the owner's Answer or Reject. */
    WAIT_DECISION,
    /** LNS: ICRP sent (waiting for ICCN) or OCRP received (waiting for OCCN). */
    WAIT_CONNECT,
    /** LAC outgoing: OCRP sent, the bearer call is being placed. */
    WAIT_CS_ANSWER,
    /** The call is up; data may flow. */
    ESTABLISHED,
    /** Terminal: the session id may be released. */
    CLOSED
}
