package net.vpdn.aaa.wire;

import java.util.Optional;
import net.vpdn.ppp.wire.Octets;

/**
 * Vendor-Specific attributes in the RFC 2865 §5.26 recommended layout: vendor id (4 octets),
 * then one vendor type octet, one vendor length octet and the value.
 */
public final class Vsa {
    /** Microsoft's SMI network management private enterprise code, RFC 2548 §2. */
    public static final int MICROSOFT = 311;

    private Vsa() {
    }

    /** Wraps {@code value} as vendor attribute {@code vendorType} of {@code vendorId}. */
    public static RadiusAttribute of(int vendorId, int vendorType, Octets value) {
        byte[] v = new byte[6 + value.length()];
        Octets.ofU32(vendorId).copyTo(v, 0);
        v[4] = (byte) vendorType;
        v[5] = (byte) (value.length() + 2);
        value.copyTo(v, 6);
        return new RadiusAttribute(Attr.VENDOR_SPECIFIC, Octets.of(v));
    }

    /** The value of {@code vendorType} inside {@code attribute}, if it is one such well-formed VSA. */
    public static Optional<Octets> find(RadiusAttribute attribute, int vendorId, int vendorType) {
        Octets v = attribute.value();
        if (attribute.type() != Attr.VENDOR_SPECIFIC || v.length() < 6 || v.u32(0) != vendorId) {
            return Optional.empty();
        }
        int offset = 4;
        while (offset + 2 <= v.length()) {
            int type = v.u8(offset);
            int length = v.u8(offset + 1);
            if (length < 2 || offset + length > v.length()) {
                return Optional.empty();
            }
            if (type == vendorType) {
                return Optional.of(v.slice(offset + 2, length - 2));
            }
            offset += length;
        }
        return Optional.empty();
    }
}
