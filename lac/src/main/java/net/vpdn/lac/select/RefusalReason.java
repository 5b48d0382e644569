package net.vpdn.lac.select;

/** Why the LAC refused a call; each is a counter label. */
public enum RefusalReason {
    /** The user name carries no domain and the DNIS matched nothing. */
    NO_DOMAIN,
    /** Neither the domain nor the DNIS matched a vpdn-group (or RADIUS returned no tunnel). */
    NO_VPDN_MATCH,
    /** The selector could not answer (RADIUS timeout, error). */
    SELECTOR_FAILED,
    /** Every matching group is at its session limit. */
    SESSION_LIMIT,
    /** No LNS of any matching set could be reached (all failed or held down). */
    NO_TUNNEL,
    /** Every LNS tried cleared the call before it connected (CDN in answer to ICRQ/ICCN), no other set was left. */
    LNS_REFUSED,
    /** The subscriber finished LCP without giving credentials the LAC can forward. */
    NO_CREDENTIALS,
    /** The call was not connected within the call setup timeout (PPP, selection, tunnel and placing together). */
    SETUP_TIMEOUT
}
