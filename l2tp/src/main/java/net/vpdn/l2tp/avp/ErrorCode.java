package net.vpdn.l2tp.avp;

/** General Error Codes carried in a Result Code AVP, RFC 2661 §4.4.2. */
public enum ErrorCode {
    NO_GENERAL_ERROR(0),
    /** No control connection exists yet for this LAC-LNS pair. */
    NO_CONTROL_CONNECTION(1),
    /** Length is wrong. */
    LENGTH_WRONG(2),
    /** One of the field values was out of range or a reserved field was non-zero. */
    FIELD_OUT_OF_RANGE(3),
    /** Insufficient resources to handle this operation now. */
    INSUFFICIENT_RESOURCES(4),
    /** The Session ID is invalid in this context. */
    INVALID_SESSION_ID(5),
    /** A generic vendor-specific error occurred in the LAC. */
    VENDOR_SPECIFIC(6),
    /** Try another (LNS). */
    TRY_ANOTHER(7),
    /** Session or tunnel was shut down due to receipt of an unknown AVP with the M-bit set. */
    UNKNOWN_MANDATORY_AVP(8);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
