package net.vpdn.lac.access.pppoe;

/**
 * Why a received Ethernet frame was not used, one counter each. The decoder and the discovery
 * state machine never throw on what the wire brings; they name one of these instead.
 */
public enum PppoeDrop {
    /** Shorter than an Ethernet header (and VLAN tag) plus the 6-octet PPPoE header. */
    TRUNCATED_HEADER,
    /** Neither 0x8863 (discovery) nor 0x8864 (session), after at most one 802.1Q tag. */
    NOT_PPPOE,
    /** A VLAN id other than the interface's, or a tag where none is configured (or none where one is). */
    WRONG_VLAN,
    /** PPPoE VER or TYPE field other than 1 (RFC 2516 §4). */
    BAD_VERSION,
    /** The PPPoE LENGTH field runs past the end of the frame. */
    BAD_LENGTH,
    /** A multicast or broadcast source MAC address. */
    BAD_SOURCE,
    /** A discovery CODE we do not know, or one an AC never receives (PADO, PADS). */
    BAD_CODE,
    /** A session-stage frame with a non-zero CODE, or a discovery frame with the wrong SESSION_ID. */
    BAD_SESSION_FIELD,
    /** A tag whose length runs past the payload, or a vendor-specific tag too short for its vendor id. */
    MALFORMED_TAG,
    /** A PADI or PADR without exactly one Service-Name tag. */
    SERVICE_NAME_COUNT,
    /** A PADI asking for a service we do not offer: no PADO (RFC 2516 §5.2). */
    UNKNOWN_SERVICE,
    /** A PADR not addressed to our MAC address. */
    NOT_FOR_US,
    /** A PADR whose AC-Cookie is missing or is not ours for this client: ignored (spoofing guard). */
    WRONG_COOKIE,
    /** A session-stage frame or PADT for no session of ours (MAC and SESSION_ID together). */
    UNKNOWN_SESSION,
    /** Every session id is in use: the PADR got a PADS with AC-System-Error. */
    NO_SESSION_ID,
    /** A PADI over the interface's {@code padi-limit} (PADIs answered per second): no PADO. */
    PADI_RATE_INTERFACE,
    /** A PADI over {@code padi-limit-per-mac} for its source MAC: no PADO. */
    PADI_RATE_MAC,
    /** A frame the socket could not send (buffer full); the sender counts it. */
    SEND_FAILED
}
