package net.vpdn.l2tp.avp;

/** Result Code values of a CDN, RFC 2661 §4.4.2. */
public enum CdnResult {
    /** Call disconnected due to loss of carrier. */
    LOST_CARRIER(1),
    /** Call disconnected for the reason indicated in error code. */
    GENERAL_ERROR(2),
    /** Call disconnected for administrative reasons. */
    ADMINISTRATIVE(3),
    /** Call failed due to lack of appropriate facilities being available (temporary condition). */
    TEMPORARY_LACK_OF_RESOURCES(4),
    /** Call failed due to lack of appropriate facilities being available (permanent condition). */
    PERMANENT_LACK_OF_RESOURCES(5),
    /** Invalid destination. */
    INVALID_DESTINATION(6),
    /** Call failed due to no carrier detected. */
    NO_CARRIER(7),
    /** Call failed due to detection of a busy signal. */
    BUSY(8),
    /** Call failed due to lack of a dial tone. */
    NO_DIAL_TONE(9),
    /** Call was not established within time allotted by LAC. */
    TIMEOUT(10),
    /** Call was connected but no appropriate framing was detected. */
    NO_FRAMING(11);

    private final int code;

    CdnResult(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
