package net.vpdn.l2tp.avp;

import java.util.Optional;

/**
 * The IETF attribute types (vendor id 0) this engine knows, RFC 2661 §4.4 plus later RFCs.
 * Their rules (M bit, hiding, length, section) are rows of {@link AvpTable}; AVPs of other
 * types or vendors are kept as {@link Avp.Unknown}.
 */
public enum AvpType {
    MESSAGE_TYPE(0),
    RESULT_CODE(1),
    PROTOCOL_VERSION(2),
    FRAMING_CAPABILITIES(3),
    BEARER_CAPABILITIES(4),
    TIE_BREAKER(5),
    FIRMWARE_REVISION(6),
    HOST_NAME(7),
    VENDOR_NAME(8),
    ASSIGNED_TUNNEL_ID(9),
    RECEIVE_WINDOW_SIZE(10),
    CHALLENGE(11),
    Q931_CAUSE_CODE(12),
    CHALLENGE_RESPONSE(13),
    ASSIGNED_SESSION_ID(14),
    CALL_SERIAL_NUMBER(15),
    MINIMUM_BPS(16),
    MAXIMUM_BPS(17),
    BEARER_TYPE(18),
    FRAMING_TYPE(19),
    CALLED_NUMBER(21),
    CALLING_NUMBER(22),
    SUB_ADDRESS(23),
    TX_CONNECT_SPEED(24),
    PHYSICAL_CHANNEL_ID(25),
    INITIAL_RECEIVED_LCP_CONFREQ(26),
    LAST_SENT_LCP_CONFREQ(27),
    LAST_RECEIVED_LCP_CONFREQ(28),
    PROXY_AUTHEN_TYPE(29),
    PROXY_AUTHEN_NAME(30),
    PROXY_AUTHEN_CHALLENGE(31),
    PROXY_AUTHEN_ID(32),
    PROXY_AUTHEN_RESPONSE(33),
    CALL_ERRORS(34),
    ACCM(35),
    RANDOM_VECTOR(36),
    PRIVATE_GROUP_ID(37),
    RX_CONNECT_SPEED(38),
    SEQUENCING_REQUIRED(39),
    /** PPP Disconnect Cause Code, RFC 3145 §2. */
    PPP_DISCONNECT_CAUSE_CODE(46);

    private static final AvpType[] BY_CODE = new AvpType[64];

    static {
        for (AvpType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;

    AvpType(int code) {
        this.code = code;
    }

    /** The 16-bit Attribute Type on the wire (vendor id 0). */
    public int code() {
        return code;
    }

    /** The known IETF type for a code, or empty. */
    public static Optional<AvpType> fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }
}
