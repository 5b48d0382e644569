package net.vpdn.vtemplate;

/**
 * What the LNS does with the LCP state a LAC proxied (RFC 2661 §4.4.5 lets it adopt or
 * renegotiate).
 */
public enum LcpRenegotiation {
    /** Adopt the proxied LCP whatever it says; only a call without proxy AVPs negotiates LCP. */
    NEVER,
    /** Adopt when the template would have agreed to the same options, else renegotiate. */
    ON_MISMATCH,
    /** Always renegotiate LCP with the client. */
    ALWAYS
}
