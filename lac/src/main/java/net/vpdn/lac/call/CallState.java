package net.vpdn.lac.call;

/** Where a {@link LacCall} stands. */
public enum CallState {
    /** LCP and authentication with the subscriber, until the hand-off. */
    PPP,
    /** Waiting for the {@code TunnelSelector}. */
    SELECTING,
    /** Waiting for the tunnel pool. */
    TUNNEL,
    /** ICRQ sent, waiting for ICRP (the engine then sends ICCN). */
    PLACING,
    /** Connected: frames relayed both ways. */
    RELAY,
    /** The subscriber hung up; waiting for the session to be released after our CDN. */
    CLEARING,
    /** Finished; nothing is held. */
    DONE
}
