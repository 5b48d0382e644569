package net.vpdn.l2tp.wire;

/**
 * One AVP as it stands on the wire, RFC 2661 §4.1: flags, vendor, type and the value octets
 * (still ciphered when {@code hidden}). The syntax layer produces these; typing and unhiding
 * happen later, once the tunnel (and so the shared secret) is known.
 *
 * <p>{@code reservedBits} are the four bits between H and Length. RFC 2661 §4.1 says an AVP
 * received with one of them set "MUST be treated as an unrecognized AVP", which is a semantic
 * decision (its M bit then decides between ignoring it and clearing the session or tunnel), so
 * the syntax layer keeps them rather than dropping the packet.
 */
public record RawAvp(boolean mandatory, boolean hidden, int vendorId, int attributeType, Bytes value,
                     int reservedBits) {

    public RawAvp {
        if (reservedBits < 0 || reservedBits > 0xF) {
            throw new IllegalArgumentException("reservedBits must fit in 4 bits: " + reservedBits);
        }
    }

    /** IETF attribute type of Proxy Authen Response (RFC 2661 §4.4.5), which may carry a PAP password in clear. */
    private static final int PROXY_AUTHEN_RESPONSE = 33;

    /** An AVP with the reserved bits clear, as every conforming sender produces. */
    public RawAvp(boolean mandatory, boolean hidden, int vendorId, int attributeType, Bytes value) {
        this(mandatory, hidden, vendorId, attributeType, value, 0);
    }

    /** Redacts the value of a Proxy Authen Response so a logged packet cannot leak a password. */
    @Override
    public String toString() {
        String shown = vendorId == 0 && attributeType == PROXY_AUTHEN_RESPONSE
                ? "<" + value.length() + " bytes redacted>" : value.toString();
        return "RawAvp[mandatory=" + mandatory + ", hidden=" + hidden + ", vendorId=" + vendorId
                + ", attributeType=" + attributeType + ", value=" + shown + ", reservedBits=" + reservedBits + "]";
    }
}
