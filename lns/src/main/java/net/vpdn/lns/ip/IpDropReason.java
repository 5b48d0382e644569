package net.vpdn.lns.ip;

/** Why the in-process IP plane dropped a packet (a metric label each). */
public enum IpDropReason {
    /** Shorter than an IPv4 header. */
    TRUNCATED,
    /** Version field is not 4. */
    NOT_IPV4,
    /** IHL below 5 or beyond the packet. */
    BAD_HEADER_LENGTH,
    /** Total Length below the header or beyond the packet. */
    BAD_TOTAL_LENGTH,
    /** The header checksum does not verify (RFC 791 §3.1). */
    BAD_CHECKSUM,
    /** The source is not the address assigned to the sending session (anti-spoofing). */
    SPOOFED_SOURCE,
    /** No subscriber has the destination and there is no uplink. */
    NO_ROUTE,
    /** TTL would reach zero in forwarding (RFC 1812 §5.3.1). */
    TTL_EXPIRED,
    /** Addressed to the LNS itself, but not an ICMP echo request we answer. */
    LOCAL_UNSUPPORTED,
    /** An ICMP echo request to the LNS that is malformed or fragmented. */
    BAD_ICMP,
    /** The destination session exists but is not passing data. */
    SESSION_DOWN
}
