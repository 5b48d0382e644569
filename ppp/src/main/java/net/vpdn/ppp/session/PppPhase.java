package net.vpdn.ppp.session;

/** The link phases of RFC 1661 §3.2. */
public enum PppPhase {
    /** Link Dead. */
    DEAD,
    /** Link Establishment: LCP negotiating. */
    ESTABLISH,
    /** Authentication: only LCP and authentication packets pass (§3.5). */
    AUTHENTICATE,
    /** Network-Layer Protocol: NCPs negotiate and data flows. */
    NETWORK,
    /** Link Termination. */
    TERMINATE
}
