package net.vpdn.l2tp.wire;

import java.util.Locale;

/**
 * Why a datagram was dropped by the syntax layer (RFC 2661 §3.1 header, §4.1 AVP framing).
 * Each value is a metric label ({@link #label()}), so the set is closed and small.
 *
 * <p>There is deliberately no reason for non-zero reserved bits: the header's x bits are
 * "ignored on incoming messages" (§3.1), and an AVP with a reserved bit set is "treated as an
 * unrecognized AVP" (§4.1), which the AVP layer handles.
 */
public enum DropReason {
    /** Fewer octets than the header its flags announce (or than the 2-octet flags word). */
    TRUNCATED_HEADER,
    /** Ver 1: an L2F (RFC 2341) packet intermixed with L2TP, §3.1. */
    L2F_VERSION,
    /** Ver 3: an L2TPv3 (RFC 3931) packet, which this L2TPv2 engine does not speak. */
    L2TPV3_VERSION,
    /** Any other Ver; §3.1: "Packets received with an unknown Ver field MUST be discarded." */
    UNSUPPORTED_VERSION,
    /** The Length field is smaller than the header it is part of. */
    LENGTH_BELOW_HEADER,
    /** The Length field claims more octets than the datagram holds. */
    LENGTH_MISMATCH,
    /** A control message (T=1) without the L bit, which §3.1 says MUST be set. */
    CONTROL_WITHOUT_LENGTH,
    /** A control message without the S bit, which §3.1 says MUST be set. */
    CONTROL_WITHOUT_SEQUENCE,
    /** A control message with the O bit, which §3.1 says MUST be 0. */
    CONTROL_WITH_OFFSET,
    /** A control message with the P bit, which §3.1 says MUST be 0. */
    CONTROL_WITH_PRIORITY,
    /** The Offset Size points past the end of the message. */
    BAD_OFFSET,
    /** Fewer than 6 octets remain for the next AVP's header, §4.1. */
    AVP_TOO_SHORT,
    /** An AVP's Length field is below the 6-octet AVP header, §4.1. */
    AVP_LENGTH_BELOW_HEADER,
    /** An AVP's Length field runs past the end of the message. */
    AVP_OVERRUNS_MESSAGE;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower_snake metric label, e.g. {@code l2f_version}. */
    public String label() {
        return label;
    }
}
