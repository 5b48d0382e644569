package net.vpdn.ppp.wire;

/**
 * Why a PPP frame, control packet or option list was dropped; the label of
 * {@code ppp_rx_dropped_total{reason}}.
 */
public enum PppDropReason {
    /** No octets at all. */
    EMPTY,
    /** Fewer octets than the address/control or protocol field needs. */
    TRUNCATED_HEADER,
    /** 0xFF address not followed by the 0x03 control octet (RFC 1662 §3.1). */
    BAD_CONTROL_FIELD,
    /** Address/control absent although ACFC was not negotiated (RFC 1661 §6.6). */
    ACFC_NOT_NEGOTIATED,
    /** One-octet protocol field although PFC was not negotiated (RFC 1661 §6.5). */
    PFC_NOT_NEGOTIATED,
    /** Protocol value that breaks the odd/even rule of RFC 1661 §2. */
    INVALID_PROTOCOL,
    /** Control packet shorter than its 4-octet header (RFC 1661 §5). */
    CP_TRUNCATED_HEADER,
    /** Control packet Length field below 4. */
    CP_LENGTH_TOO_SMALL,
    /** Control packet Length field beyond the octets received. */
    CP_LENGTH_EXCEEDS_FRAME,
    /** Option with fewer than 2 octets left for type and length (RFC 1661 §6). */
    OPTION_TRUNCATED,
    /** Option Length field below 2. */
    OPTION_LENGTH_TOO_SMALL,
    /** Option Length field beyond the packet data. */
    OPTION_LENGTH_EXCEEDS_DATA,
    /** A PAP or CHAP length field that runs past the packet data (RFC 1334 §2.2, RFC 1994 §4). */
    AUTH_FIELD_TRUNCATED,
    /** More options than {@link CpOptions#MAX_OPTIONS}: a resource bound, not an RFC rule. */
    TOO_MANY_OPTIONS
}
