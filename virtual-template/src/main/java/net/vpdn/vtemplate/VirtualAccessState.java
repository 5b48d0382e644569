package net.vpdn.vtemplate;

/** Where a Virtual-Access interface is in its life. */
public enum VirtualAccessState {
    /** LCP is being negotiated (or adopted from the LAC). */
    ESTABLISHING,
    /** LCP is open; the peer is authenticating. */
    AUTHENTICATING,
    /** Authenticated; the NCPs are negotiating. */
    NETWORK,
    /** IPCP is open: the peer's address is routed. */
    UP,
    /** Closed; every resource is released. */
    CLOSED
}
