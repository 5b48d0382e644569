package net.vpdn.metrics;

/** Why an LNS session setup failed: the {@code result} label of {@code vpdn_session_setups_total}. */
public enum SetupFailure {
    /** No vpdn-group accepts the tunnel's host. */
    NO_GROUP,
    /** The group's session-limit was reached. */
    SESSION_LIMIT,
    /** The user already holds as many sessions as its limit (group user-session-limit or Port-Limit). */
    USER_SESSION_LIMIT,
    /** Admission control: too many calls in setup at once. */
    ADMISSION,
    /** No Virtual-Access interface free. */
    NO_VIRTUAL_ACCESS,
    /** The call went down between ICRQ and IPCP up (authentication, negotiation, peer CDN). */
    FAILED
}
