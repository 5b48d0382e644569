package net.vpdn.aaa.radius;

/** Why a received RADIUS datagram was discarded; a metric label ({@code radius_rx_dropped_total{reason}}). */
public enum DropReason {
    /** Shorter than the 20-octet header. */
    TOO_SHORT,
    /** The Length field is below 20, above 4096, or above the datagram size (RFC 2865 §3). */
    BAD_LENGTH,
    /** An attribute's length is below 2 or runs past the packet end. */
    TRUNCATED_ATTRIBUTE,
    /** A code we do not handle. */
    UNKNOWN_CODE,
    /** No outstanding request has this identifier from this server. */
    UNEXPECTED_IDENTIFIER,
    /** The code does not answer the request's code. */
    WRONG_REPLY_CODE,
    /** Response (or request) Authenticator does not verify with the shared secret. */
    BAD_AUTHENTICATOR,
    /** Message-Authenticator required (RFC 3579 §3.2, Blast-RADIUS) but absent. */
    MISSING_MESSAGE_AUTHENTICATOR,
    /** Message-Authenticator present but wrong, not 16 octets, or repeated. */
    BAD_MESSAGE_AUTHENTICATOR,
    /** From an address we have no shared secret for. */
    UNKNOWN_CLIENT,
    /** Attributes present but unusable (e.g. a Tunnel-Password that does not decrypt). */
    BAD_ATTRIBUTE
}
